"""``clerk-app signing status | create-demo-certificate | import`` and the services that then
sign papers: the passphrase is only ever on disk sealed under the hall key (both databases)."""

from __future__ import annotations

import datetime as dt
import io
import json
import stat
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from pypdf.generic import ArrayObject

from clerk_app.cli.main import main
from clerk_app.crypto.keys import hall_ring
from clerk_app.demo import hall_papers, seed_demo
from clerk_app.services import build_services
from clerk_app.settings import Settings, load_settings
from clerk_app.signing import (
    SigningUnavailable,
    demo_pkcs12,
    hall_signing,
    open_passphrase,
    with_demo_signing,
)
from onewindow_base.crypto.blobs import BlobSealer
from onewindow_base.crypto.keys import Algorithm, FileKeyStore, new_ring
from onewindow_base.db.engine import Database
from printing.render import render_pdf
from printing.signing import verify
from tests.pdf_read import pdfium_text
from tests.printing import literals


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_the_demo_certificate_signs_papers_with_its_passphrase_sealed(
    db_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = tmp_path / "data"
    config = tmp_path / "onewindow.toml"
    config.write_text("[signing]\nenabled = true\n", encoding="utf-8")
    monkeypatch.setenv("ONEWINDOW_DATA_DIR", str(data))
    monkeypatch.setenv("ONEWINDOW_CONFIG", str(config))

    code, out, _ = run(capsys, "signing", "status")
    assert code == 0 and "papers cannot be printed until one is installed" in out
    assert run(capsys, "--db", db_url, "keys", "init")[0] == 0

    code, out, _ = run(capsys, "signing", "create-demo-certificate", "--json")
    made = json.loads(out)
    assert code == 0 and made["demo"] and "演示证书" in made["subject"]
    p12 = Path(made["path"])
    sealed = p12.with_name(p12.name + ".passphrase")
    assert stat.S_IMODE(p12.stat().st_mode) == stat.S_IMODE(sealed.stat().st_mode) == 0o600
    settings = load_settings(config)
    ring = hall_ring(settings)
    passphrase = open_passphrase(ring, p12)
    assert passphrase not in sealed.read_bytes() and passphrase not in config.read_bytes()
    with pytest.raises(SigningUnavailable):  # another hall's key opens nothing
        open_passphrase(new_ring(Algorithm.SM4_GCM, 0), p12)

    code, out, _ = run(capsys, "signing", "status", "--json")
    status = json.loads(out)
    assert code == 0 and (status["enabled"], status["demo"]) == (True, True)
    assert status["sealed_with_key"] == ring.active_id and status["tsa_url"] is None
    code, _, err = run(capsys, "signing", "create-demo-certificate")
    assert code == 1 and "already installed" in err

    db = Database(db_url)
    try:
        signing = build_services(settings, db).paper_signing
    finally:
        db.dispose()
    assert signing is not None
    signed = signing.signer.sign(render_pdf(literals.receipt(), literals.BRANDING))
    assert verify(signed, signing.trust_roots).ok
    assert literals.CASE_NUMBER in pdfium_text(signed)


def test_import_installs_the_halls_own_certificate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    p12 = tmp_path / "hall-signing.p12"
    config = tmp_path / "onewindow.toml"
    config.write_text(f'[signing]\npkcs12_file = "{p12}"\n', encoding="utf-8")
    key_file = tmp_path / "data" / "hall-key.json"
    monkeypatch.setenv("ONEWINDOW_DATA_DIR", str(key_file.parent))
    monkeypatch.setenv("ONEWINDOW_CONFIG", str(config))
    FileKeyStore(key_file).save(new_ring(Algorithm.AES_256_GCM, 0))
    issued = tmp_path / "from-the-ca.p12"
    issued.write_bytes(demo_pkcs12("吉林省某政务服务中心", b"ca-issued", dt.datetime.now(dt.UTC)))

    monkeypatch.setenv("ONEWINDOW_SIGNING_PASSPHRASE", "wrong")
    code, _, err = run(capsys, "signing", "import", str(issued))
    assert code == 1 and "does not open" in err and not p12.exists()
    monkeypatch.setenv("ONEWINDOW_SIGNING_PASSPHRASE", "ca-issued")
    code, out, _ = run(capsys, "signing", "import", str(issued))
    assert code == 0 and "吉林省某政务服务中心" in out
    assert "[signing] enabled = true signs papers with it" in out
    code, out, _ = run(capsys, "signing", "status")
    assert code == 0 and "papers are NOT signed" in out and "吉林省某政务服务中心" in out


def test_the_e_seal_image_is_kept_sealed_and_placed_by_the_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    config = tmp_path / "onewindow.toml"
    config.write_text(
        "[signing]\nenabled = true\nseal = true\nseal_page = 1\nseal_box = [60, 60, 160, 160]\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("ONEWINDOW_DATA_DIR", str(data))
    monkeypatch.setenv("ONEWINDOW_CONFIG", str(config))
    FileKeyStore(data / "hall-key.json").save(new_ring(Algorithm.SM4_GCM, 0))
    assert run(capsys, "signing", "create-demo-certificate")[0] == 0
    settings = load_settings(config)
    with pytest.raises(SigningUnavailable, match="no e-seal image is installed"):
        hall_signing(settings, hall_ring(settings))
    not_a_picture = tmp_path / "seal.txt"
    not_a_picture.write_text("seal", encoding="utf-8")
    code, _, err = run(capsys, "signing", "seal-image", str(not_a_picture))
    assert code == 1 and "does not open" in err
    png = tmp_path / "seal.png"
    Image.new("RGB", (64, 64), (220, 0, 0)).save(png)
    code, out, _ = run(capsys, "signing", "seal-image", str(png))
    assert code == 0 and "[signing] seal = true" not in out  # already on in this hall
    sealed = data / "hall-signing.p12.seal"
    assert png.read_bytes() not in sealed.read_bytes()
    assert stat.S_IMODE(sealed.stat().st_mode) == 0o600
    assert "shown on papers" in run(capsys, "signing", "status")[1]

    signing = hall_signing(settings, hall_ring(settings))
    assert signing is not None
    signed = signing.signer.sign(render_pdf(literals.receipt(), literals.BRANDING))
    assert verify(signed, signing.trust_roots).ok
    page = PdfReader(io.BytesIO(signed)).pages[0]
    annotations = page["/Annots"]
    assert isinstance(annotations, ArrayObject)
    boxes = [[round(float(v)) for v in a.get_object()["/Rect"]] for a in annotations]
    assert [60, 60, 160, 160] in boxes
    assert run(capsys, "signing", "seal-image", "--remove")[0] == 0 and not sealed.exists()


def test_the_demo_hall_signs_its_papers_with_a_demonstration_certificate(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.intake.wiring import build_intake  # noqa: PLC0415 - the app's wiring, no widgets

    monkeypatch.setenv("ONEWINDOW_DATA_DIR", str(tmp_path / "data"))
    seed_demo(db)
    settings = with_demo_signing(Settings())
    assert settings.signing.enabled
    services = build_services(settings, db, papers=hall_papers(settings, demo=True))
    assert build_intake(services, demo=True) is not None
    p12 = tmp_path / "data" / "hall-signing.p12"
    made = p12.read_bytes()
    signing = services.paper_signing
    assert signing is not None and "演示证书" in signing.signer.signer_name
    signed = signing.signer.sign(render_pdf(literals.receipt(), literals.BRANDING))
    assert verify(signed, signing.trust_roots).ok
    build_intake(build_services(settings, db), demo=True)  # the next start keeps it
    assert p12.read_bytes() == made
    configured = Settings.model_validate({"signing": {"pkcs12_file": str(tmp_path / "own.p12")}})
    assert not with_demo_signing(configured).signing.enabled  # a hall's own file: its choice


def test_a_renewed_certificate_keeps_the_one_it_replaces_trusted_and_sealed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    p12 = tmp_path / "hall-signing.p12"
    config = tmp_path / "onewindow.toml"
    config.write_text(f'[signing]\nenabled = true\npkcs12_file = "{p12}"\n', encoding="utf-8")
    key_file = tmp_path / "data" / "hall-key.json"
    monkeypatch.setenv("ONEWINDOW_DATA_DIR", str(key_file.parent))
    monkeypatch.setenv("ONEWINDOW_CONFIG", str(config))
    ring = new_ring(Algorithm.SM4_GCM, 0)
    FileKeyStore(key_file).save(ring)
    settings = load_settings(config)
    assert run(capsys, "signing", "create-demo-certificate", "--hall-name", "旧证书")[0] == 0
    first = hall_signing(settings, ring)
    assert first is not None and len(first.trust_roots) == 1
    old_paper = first.signer.sign(render_pdf(literals.receipt(), literals.BRANDING))

    monkeypatch.setenv("ONEWINDOW_SIGNING_PASSPHRASE", "ca-issued")
    for year in ("2026", "2027"):
        issued = tmp_path / f"{year}.p12"
        issued.write_bytes(demo_pkcs12(f"新证书{year}", b"ca-issued", dt.datetime.now(dt.UTC)))
        code, out, _ = run(capsys, "signing", "import", "--force", str(issued))
        assert code == 0 and "still trusted for the papers they signed" in out
    code, out, _ = run(capsys, "signing", "status", "--json")
    retired = json.loads(out)["retired"]
    assert code == 0 and len(retired) == 2
    assert "旧证书" in retired[0] and "新证书2026" in retired[1]
    now = hall_signing(settings, ring)
    assert now is not None and len(now.trust_roots) == 3
    assert verify(old_paper, now.trust_roots).ok
    new_paper = now.signer.sign(render_pdf(literals.receipt(), literals.BRANDING))
    assert "新证书2027" in (verify(new_paper, now.trust_roots).signer or "")

    # The kept certificates are sealed: their file shows no certificate, and one sealed under
    # another hall's key (someone adding a certificate of their own) stops signing outright.
    kept = p12.with_name(p12.name + ".retired")
    assert b"CERTIFICATE" not in kept.read_bytes() and stat.S_IMODE(kept.stat().st_mode) == 0o600
    kept.write_bytes(BlobSealer(new_ring(Algorithm.SM4_GCM, 0)).seal("signing.retired", b""))
    with pytest.raises(SigningUnavailable, match="retired certificates"):
        hall_signing(settings, ring)


def test_an_installed_certificate_that_no_longer_opens_is_not_replaced_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    p12 = tmp_path / "hall-signing.p12"
    config = tmp_path / "onewindow.toml"
    config.write_text(f'[signing]\npkcs12_file = "{p12}"\n', encoding="utf-8")
    key_file = tmp_path / "data" / "hall-key.json"
    monkeypatch.setenv("ONEWINDOW_DATA_DIR", str(key_file.parent))
    monkeypatch.setenv("ONEWINDOW_CONFIG", str(config))
    FileKeyStore(key_file).save(new_ring(Algorithm.AES_256_GCM, 0))
    assert run(capsys, "signing", "create-demo-certificate")[0] == 0
    p12.with_name(p12.name + ".passphrase").unlink()  # the sealed passphrase is lost
    installed = p12.read_bytes()
    issued = tmp_path / "new.p12"
    issued.write_bytes(demo_pkcs12("新证书", b"ca-issued", dt.datetime.now(dt.UTC)))
    monkeypatch.setenv("ONEWINDOW_SIGNING_PASSPHRASE", "ca-issued")
    code, _, err = run(capsys, "signing", "import", "--force", str(issued))
    assert code == 1 and "move it away first" in err
    assert p12.read_bytes() == installed  # nothing half-done
    p12.unlink()
    assert run(capsys, "signing", "import", str(issued))[0] == 0
