"""``clerk-app keys …``: the hall key ring that encrypts personal data at rest.

``init`` creates the ring (once per hall; copy the file to every PC of the hall, mode 0600),
``status`` lists the keys and how many stored values and blob files each encrypts, ``rotate``
adds a new active key and re-encrypts everything under it, ``reencrypt`` resumes an interrupted
re-encryption and encrypts the blob files of a store from before encryption, ``retire`` drops
an old key that nothing uses any more. Blob files are this PC's: run ``reencrypt`` on every PC
of the hall before ``retire``. The files sealed beside the paper-signing certificate (its
passphrase, the e-seal image, the certificates it replaced) are re-sealed with the blob files,
and ``retire`` refuses a key that still seals one of them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from clerk_app.crypto.keys import key_store_for
from clerk_app.crypto.rotation import DEFAULT_BATCH, KeyInUse, KeyManager
from clerk_app.services import Services
from clerk_app.settings import Settings, blob_dir
from clerk_app.signing import SigningUnavailable, pkcs12_path, reseal, sealed_with
from onewindow_base.blobs import BlobError
from onewindow_base.crypto.fields import DecryptError
from onewindow_base.crypto.keys import Algorithm, KeyringKeyStore, KeyStore, KeyStoreError

EXIT_OK, EXIT_REFUSED = 0, 1


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    keys = sub.add_parser("keys", help="the hall key ring (personal data encryption)")
    ksub = keys.add_subparsers(dest="action", required=True, metavar="ACTION")
    algorithms = [a.value for a in Algorithm]

    def common(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--file", metavar="PATH", help="the hall key file (default: settings)")
        parser.add_argument("--json", action="store_true")

    init = ksub.add_parser("init", help="create the hall's key ring (once per hall)")
    common(init)
    init.add_argument("--keyring", action="store_true", help="in the OS keyring, not a file")
    init.add_argument("--algorithm", choices=algorithms, help="default: [security] cipher")
    common(ksub.add_parser("status", help="keys and how many stored values each encrypts"))
    rotate = ksub.add_parser("rotate", help="add a new active key and re-encrypt under it")
    common(rotate)
    rotate.add_argument("--algorithm", choices=algorithms, help="default: [security] cipher")
    rotate.add_argument("--no-reencrypt", action="store_true", help="only add the key")
    rotate.add_argument("--batch", type=int, default=DEFAULT_BATCH, help="rows per transaction")
    reencrypt = ksub.add_parser("reencrypt", help="move stored values to the active key")
    common(reencrypt)
    reencrypt.add_argument("--batch", type=int, default=DEFAULT_BATCH)
    retire = ksub.add_parser("retire", help="drop an old key once nothing uses it")
    common(retire)
    retire.add_argument("key_id", metavar="KEY_ID")


def _store(args: argparse.Namespace, settings: Settings) -> KeyStore:
    if getattr(args, "keyring", False):
        return KeyringKeyStore()
    return key_store_for(settings, Path(args.file) if args.file else None)


def run(services: Services, args: argparse.Namespace) -> int:
    settings = services.settings
    store = _store(args, settings)
    manager = KeyManager(services.db, store, blob_root=blob_dir(settings))
    algorithm = Algorithm(getattr(args, "algorithm", None) or settings.security.cipher)
    p12 = pkcs12_path(settings)
    try:
        if args.action == "retire":
            _refuse_signing_files(args.key_id, p12)
        code = _action(manager, args, algorithm)
        if args.action in {"rotate", "reencrypt"} and not getattr(args, "no_reencrypt", False):
            resealed = reseal(store.load(), p12)
            if resealed:
                print(f"{resealed} signing file(s) re-sealed beside {p12}", file=sys.stderr)
        return code
    except (KeyStoreError, KeyInUse, DecryptError, BlobError, SigningUnavailable) as exc:
        print(f"clerk-app: {exc}", file=sys.stderr)
        return EXIT_REFUSED


def _refuse_signing_files(key_id: str, p12: Path) -> None:
    still = [str(where) for where, key in sealed_with(p12).items() if key == key_id]
    if still:
        message = f"key {key_id} still seals {', '.join(still)}: run keys reencrypt first"
        raise KeyInUse(key_id, len(still), message)


def _action(manager: KeyManager, args: argparse.Namespace, algorithm: Algorithm) -> int:
    if args.action == "init":
        ring = manager.init(algorithm, args.operator)
        plain = manager.blob_census(ring).plain
        text = f"key ring created, key {ring.active_id}"
        if plain:
            text += f"; {plain} blob file(s) from before are not encrypted yet: run keys reencrypt"
        return _say(args, {"key_id": ring.active_id, "plain_blobs": plain}, text)
    if args.action == "rotate":
        key = manager.rotate(algorithm, args.operator)
        print(f"new active key {key.key_id} ({key.algorithm})", file=sys.stderr)
        if args.no_reencrypt:
            return _say(args, {"key_id": key.key_id}, "stored values not re-encrypted yet")
        return _reencrypt(manager, args)
    if args.action == "reencrypt":
        return _reencrypt(manager, args)
    if args.action == "retire":
        manager.retire(args.key_id, args.operator)
        return _say(args, {"retired": args.key_id}, f"key {args.key_id} retired")
    return _status(manager, args)


def _reencrypt(manager: KeyManager, args: argparse.Namespace) -> int:
    report = manager.reencrypt(args.operator, batch=max(args.batch, 1))
    payload = {
        "to_key": report.to_key,
        "rewritten": report.rewritten,
        "batches": report.batches,
        "blobs_resealed": report.blobs_resealed,
        "blobs_sealed": report.blobs_sealed,
    }
    text = (
        f"{report.rewritten} values and {report.blobs_resealed} blob file(s) re-encrypted "
        f"under key {report.to_key}; {report.blobs_sealed} plain blob file(s) encrypted"
    )
    return _say(args, payload, text)


def _status(manager: KeyManager, args: argparse.Namespace) -> int:
    usage = manager.status()
    rows = [
        {
            "key_id": u.key.key_id,
            "algorithm": u.key.algorithm.value,
            "created": _when(u.key.created_ms),
            "state": "active" if u.active else ("retired" if u.key.retired else "old"),
            "values": u.values,
            "blobs": u.blobs,
        }
        for u in usage
    ]
    lines = [
        f"{r['key_id']}  {r['algorithm']:<12} {r['state']:<8} {r['values']:>8} values "
        f"{r['blobs']:>8} blobs  created {r['created']}"
        for r in rows
    ]
    plain = manager.blob_census().plain
    if plain:
        lines.append(f"{plain} blob file(s) not encrypted yet: run keys reencrypt")
    return _say(args, {"keys": rows, "plain_blobs": plain}, "\n".join(lines))


def _when(ms: int) -> str:
    return dt.datetime.fromtimestamp(ms / 1000, dt.UTC).isoformat(timespec="seconds")


def _say(args: argparse.Namespace, payload: dict[str, object], text: str) -> int:
    print(json.dumps(payload, ensure_ascii=False) if args.json else text)
    return EXIT_OK
