"""The hall's paper-signing certificate (``[signing]``): where it is, its sealed passphrase,
the demo certificate, and the signer and trust roots the print service uses.

The certificate and key are a PKCS#12 file (``[signing] pkcs12_file``, default
``hall-signing.p12`` in the data directory). Its passphrase is never in the settings: it is in
the file beside it (``hall-signing.p12.passphrase``), sealed under the hall key ring exactly as
a blob file is (SM4-GCM or AES-256-GCM under the active ring key, bound to its purpose), so the
PKCS#12 file alone, or with the settings, opens nothing; whoever holds the hall key ring can
sign, as they can already read every paper. A passphrase sealed under an older ring key is
re-sealed under the active one whenever it is opened (``keys rotate`` then the app's next
start), so ``keys retire`` does not strand it.

A hall renews its certificate (a CA's certificate lasts a year or two). Papers signed with the
one it replaces must still verify when the archive reads them back, so installing a new
certificate over an old one keeps the old certificate and its chain among the trust roots: in
``hall-signing.p12.retired``, sealed under the hall key ring like the passphrase (a file anyone
could write would let them add a certificate the archive then trusts). Certificates only,
never a key: nothing signs with a retired certificate.

``clerk-app signing create-demo-certificate`` makes a self-signed certificate whose name says
it is a demonstration certificate (演示证书), for the demo hall and the tests. A real hall
imports the certificate its CA issued with ``clerk-app signing import FILE.p12`` (asked for its
passphrase on the terminal, or from ``ONEWINDOW_SIGNING_PASSPHRASE``).
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from clerk_app.settings import Settings, data_dir
from onewindow_base.crypto.blobs import BlobSealer, SealedBlobError, sealed_key_id
from onewindow_base.crypto.keys import KeyRing, write_private_file
from onewindow_base.failures import OperationalFailure
from onewindow_base.wording import Wording
from printing.signing import (
    PaperSigner,
    SealPlacement,
    SigningFailure,
    SigningOptions,
    Verification,
    VerifyProblem,
    certificate_der,
    certificate_of,
    seal_style,
)

SEAL_PURPOSE = "signing.seal"
RETIRED_PURPOSE = "signing.retired"
PASSPHRASE_PURPOSE = "signing.passphrase"  # noqa: S105 - a label, not a secret
DEMO_LABEL = "演示证书 DEMO ONLY"
DEMO_VALID_DAYS = 730


class SigningUnavailable(OperationalFailure):
    """``[signing] enabled`` but the certificate cannot be used: nothing is printed unsigned."""

    def __init__(self, detail: str) -> None:
        super().__init__(
            Wording(
                "无法用大厅签名证书签署文书：{detail}。请管理员运行 clerk-app signing status "
                "检查证书；在此之前不打印正式文书。",
                "the hall's signing certificate cannot sign papers: {detail}. Ask the "
                "administrator to run clerk-app signing status; no official paper is printed "
                "until then",
            ),
            detail=detail,
        )


# Why a paper does not verify, as a clerk reads it.
PROBLEM_TEXT: dict[VerifyProblem, tuple[str, str]] = {
    VerifyProblem.NOT_PDF: ("文件不是可读的 PDF", "the file is not a readable PDF"),
    VerifyProblem.UNSIGNED: ("文书没有数字签名", "the paper carries no signature"),
    VerifyProblem.SEVERAL: ("文书带有多个签名", "the paper carries more than one signature"),
    VerifyProblem.UNPARSABLE: ("签名数据已损坏", "the signature's data is damaged"),
    VerifyProblem.CHANGED: ("签名后内容被改动", "the paper was changed after it was signed"),
    VerifyProblem.BAD_SIGNATURE: ("签名与内容不符", "the signature does not match the paper"),
    VerifyProblem.ADDED_AFTER: (
        "签名后又被追加了内容",
        "something was added to the paper after it was signed",
    ),
    VerifyProblem.UNTRUSTED: (
        "签名证书不是本厅的证书",
        "it was not signed with the hall's certificate",
    ),
}


class PaperTampered(OperationalFailure):
    """An archived paper whose signature does not check: never served as if it were sound."""

    def __init__(self, number: str, check: Verification) -> None:
        self.check = check
        zh, en = PROBLEM_TEXT[check.problem or VerifyProblem.UNPARSABLE]
        super().__init__(
            Wording(
                f"存档文书 {{target}} 的数字签名校验失败（{zh}）：该文书可能已被篡改，"
                "不能作为存档使用。请报告管理员。",
                f"the digital signature of the archived paper {{target}} does not check ({en}):"
                " the paper may have been altered and cannot be used as the archive's copy. "
                "Report it to the administrator",
            ),
            target=number,
        )


def pkcs12_path(settings: Settings) -> Path:
    if settings.signing.pkcs12_file:
        return Path(settings.signing.pkcs12_file).expanduser()
    return data_dir() / "hall-signing.p12"


def passphrase_path(p12: Path) -> Path:
    return p12.with_name(p12.name + ".passphrase")


def seal_image_path(p12: Path) -> Path:
    return p12.with_name(p12.name + ".seal")


def retired_path(p12: Path) -> Path:
    return p12.with_name(p12.name + ".retired")


def retired_certificates(ring: KeyRing, p12: Path) -> list[x509.Certificate]:
    """The certificates that signed this hall's papers before the installed one, oldest first."""
    pem = _open_sealed(ring, retired_path(p12), *_sealed_files(p12)[retired_path(p12)])
    return x509.load_pem_x509_certificates(pem) if pem else []


def _retire_installed(ring: KeyRing, p12: Path) -> None:
    """Keep the installed certificate and its chain trusted before a new one replaces it."""
    if not p12.exists():
        return
    try:
        _key, cert, chain = pkcs12.load_key_and_certificates(_read(p12), open_passphrase(ring, p12))
    except (SigningUnavailable, ValueError) as exc:
        raise SigningUnavailable(
            f"the installed certificate {p12} cannot be opened ({exc}), so the papers it "
            "signed could not stay verifiable after the replacement; move it away first if "
            "it is lost for good"
        ) from None
    kept = retired_certificates(ring, p12)
    known = {certificate_der(c) for c in kept}
    for old in [c for c in (cert, *chain) if c is not None]:
        if certificate_der(old) not in known:
            kept.append(old)
            known.add(certificate_der(old))
    pem = b"".join(c.public_bytes(serialization.Encoding.PEM) for c in kept)
    write_private_file(retired_path(p12), BlobSealer(ring).seal(RETIRED_PURPOSE, pem))


def install_seal_image(ring: KeyRing, p12: Path, image: bytes) -> None:
    """Keep the e-seal image beside the certificate, sealed under the hall key ring (0600):
    whoever can swap it cannot also open it, and a copied file shows nothing."""
    try:
        seal_style(SealPlacement(image))  # refuses what is not a picture
    except SigningFailure as exc:
        raise SigningUnavailable(str(exc)) from None
    write_private_file(seal_image_path(p12), BlobSealer(ring).seal(SEAL_PURPOSE, image))


def open_seal_image(ring: KeyRing, p12: Path) -> bytes | None:
    """The installed e-seal image; None where none is installed."""
    return _open_sealed(ring, seal_image_path(p12), *_sealed_files(p12)[seal_image_path(p12)])


def _sealed_files(p12: Path) -> dict[Path, tuple[str, str]]:
    """Every file kept beside the certificate sealed under the hall key ring: its purpose and
    what it is called in a message."""
    return {
        passphrase_path(p12): (PASSPHRASE_PURPOSE, "the sealed passphrase"),
        seal_image_path(p12): (SEAL_PURPOSE, "the sealed e-seal image"),
        retired_path(p12): (RETIRED_PURPOSE, "the retired certificates"),
    }


def sealed_with(p12: Path) -> dict[Path, str | None]:
    """The signing files there are, each with the id of the ring key that seals it (what
    ``keys retire`` must not take away)."""
    return {
        where: sealed_key_id(where.read_bytes()) for where in _sealed_files(p12) if where.exists()
    }


def reseal(ring: KeyRing, p12: Path) -> int:
    """Re-seal under the active key each signing file an older key sealed (``keys rotate``);
    how many were."""
    older = [where for where, key in sealed_with(p12).items() if key != ring.active_id]
    for where in older:
        _open_sealed(ring, where, *_sealed_files(p12)[where])
    return len(older)


def _open_sealed(ring: KeyRing, where: Path, purpose: str, what: str) -> bytes | None:
    """A file sealed under the hall key ring, re-sealed under the active key when an older one
    sealed it; None where there is no such file."""
    try:
        sealed = where.read_bytes()
    except FileNotFoundError:
        return None
    try:
        plain = BlobSealer(ring).open(purpose, sealed)
    except SealedBlobError as exc:
        raise SigningUnavailable(
            f"{what} {where} does not open with the hall key ({exc.failure})"
        ) from None
    if sealed_key_id(sealed) != ring.active_id:
        write_private_file(where, BlobSealer(ring).seal(purpose, plain))
    return plain


def seal_passphrase(ring: KeyRing, p12: Path, passphrase: bytes) -> None:
    sealer = BlobSealer(ring)
    write_private_file(passphrase_path(p12), sealer.seal(PASSPHRASE_PURPOSE, passphrase))


def open_passphrase(ring: KeyRing, p12: Path) -> bytes:
    """The PKCS#12 passphrase; re-sealed under the active key when an older one sealed it."""
    where = passphrase_path(p12)
    passphrase = _open_sealed(ring, where, *_sealed_files(p12)[where])
    if passphrase is None:
        raise SigningUnavailable(f"no sealed passphrase at {where}")
    return passphrase


@dataclass(frozen=True)
class CertificateInfo:
    path: Path
    subject: str
    issuer: str
    not_before: dt.datetime
    not_after: dt.datetime
    demo: bool
    sealed_with: str | None
    retired: tuple[str, ...] = ()  # subjects of the certificates it replaced, still trusted


def demo_pkcs12(hall_name: str, passphrase: bytes, now: dt.datetime) -> bytes:
    """A self-signed RSA-2048 certificate for signing, labelled as a demonstration."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, f"{hall_name} {DEMO_LABEL}"[:64]),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "一窗通 OneWindow"),
            x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, DEMO_LABEL),
            x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"),
        ]
    )
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=DEMO_VALID_DAYS))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return pkcs12.serialize_key_and_certificates(
        b"onewindow-demo",
        key,
        cert,
        None,
        serialization.BestAvailableEncryption(passphrase),
    )


def install_pkcs12(ring: KeyRing, p12: Path, data: bytes, passphrase: bytes) -> CertificateInfo:
    """Check that ``data`` opens and can sign, keep the certificate it replaces trusted, then
    write it (0600) and its sealed passphrase."""
    PaperSigner.from_pkcs12(data, passphrase, SigningOptions())
    _retire_installed(ring, p12)
    write_private_file(p12, data)
    seal_passphrase(ring, p12, passphrase)
    return describe(ring, p12)


def create_demo_certificate(
    ring: KeyRing, p12: Path, hall_name: str, now: dt.datetime
) -> CertificateInfo:
    passphrase = secrets.token_urlsafe(32).encode("ascii")
    return install_pkcs12(ring, p12, demo_pkcs12(hall_name, passphrase, now), passphrase)


def describe(ring: KeyRing, p12: Path) -> CertificateInfo:
    """What the installed certificate is; :class:`SigningUnavailable` when it does not open."""
    cert = certificate_of(_read(p12), open_passphrase(ring, p12))
    return CertificateInfo(
        path=p12,
        subject=cert.subject.rfc4514_string(),
        issuer=cert.issuer.rfc4514_string(),
        not_before=cert.not_valid_before_utc,
        not_after=cert.not_valid_after_utc,
        demo=DEMO_LABEL in cert.subject.rfc4514_string(),
        sealed_with=sealed_key_id(passphrase_path(p12).read_bytes()),
        retired=tuple(c.subject.rfc4514_string() for c in retired_certificates(ring, p12)),
    )


def _read(p12: Path) -> bytes:
    try:
        return p12.read_bytes()
    except OSError as exc:
        raise SigningUnavailable(f"the certificate file {p12} cannot be read ({exc})") from None


@dataclass(frozen=True)
class HallSigning:
    """What the print service needs: the signer, and the roots a paper's signer must chain to
    (the hall's certificate, the chain its PKCS#12 file carries, and the certificates it
    replaced)."""

    signer: PaperSigner
    trust_roots: list[bytes]


def hall_signing(settings: Settings, ring: KeyRing) -> HallSigning | None:
    """None where ``[signing] enabled`` is false; :class:`SigningUnavailable` where it is true
    but the certificate cannot be used."""
    config = settings.signing
    if not config.enabled:
        return None
    p12 = pkcs12_path(settings)
    data = _read(p12)
    passphrase = open_passphrase(ring, p12)
    seal = None
    if config.seal:
        image = open_seal_image(ring, p12)
        if image is None:
            raise SigningUnavailable(
                f"[signing] seal is on but no e-seal image is installed at "
                f"{seal_image_path(p12)} (clerk-app signing seal-image FILE)"
            )
        page = config.seal_page - 1 if config.seal_page > 0 else config.seal_page
        x1, y1, x2, y2 = config.seal_box
        seal = SealPlacement(image, page, (x1, y1, x2, y2))
    options = SigningOptions(location=settings.hall.code or "", tsa_url=config.tsa_url, seal=seal)
    try:
        signer = PaperSigner.from_pkcs12(data, passphrase, options)
        _key, cert, chain = pkcs12.load_key_and_certificates(data, passphrase)
    except (SigningFailure, ValueError) as exc:
        raise SigningUnavailable(str(exc)) from None
    assert cert is not None  # from_pkcs12 refused a file without one
    retired = retired_certificates(ring, p12)
    roots = [certificate_der(c) for c in (cert, *chain, *retired)]
    return HallSigning(signer, roots)


def with_demo_signing(settings: Settings) -> Settings:
    """The demo hall's settings: papers signed (with the demo certificate) unless the config
    file names a certificate of its own."""
    if settings.signing.enabled or settings.signing.pkcs12_file:
        return settings
    signing = settings.signing.model_copy(update={"enabled": True})
    return settings.model_copy(update={"signing": signing})


def ensure_demo_certificate(settings: Settings, ring: KeyRing, hall_name: str) -> bool:
    """Create the demo certificate where signing is on and none is installed; True if made."""
    target = pkcs12_path(settings)
    if not settings.signing.enabled or target.exists():
        return False
    create_demo_certificate(ring, target, hall_name, dt.datetime.now(dt.UTC))
    return True
