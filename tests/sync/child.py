"""One sync cycle, or one intake save, in a child process for the killed-process tests (see
``crashpoint``). Arguments: database URL, key ring file, blob directory, chunk bytes, and
optionally the task: ``sync`` (the default) or ``save:SCANS:SEED`` (one accepted demo case with
SCANS synthetic scans, stored before the case is saved, as the scanner screen does)."""

from __future__ import annotations

import sys
from pathlib import Path

import clerk_app.db.models  # noqa: F401 - the models first (the crypto registry needs them)


def main() -> int:
    from clerk_app.demo_cases import create_demo_cases  # noqa: PLC0415
    from clerk_app.sync.engine import SyncEngine  # noqa: PLC0415
    from onewindow_base.blobs import BlobStore  # noqa: PLC0415
    from onewindow_base.crypto.fields import PersonalDataCipher  # noqa: PLC0415
    from onewindow_base.crypto.keys import ring_from_json  # noqa: PLC0415
    from onewindow_base.db.engine import Database  # noqa: PLC0415

    url, ring_file, blob_dir, chunk = sys.argv[1:5]
    task = sys.argv[5] if len(sys.argv) > 5 else "sync"
    db = Database(url)
    ring = ring_from_json(Path(ring_file).read_text(encoding="utf-8"), ring_file)
    cipher, store = PersonalDataCipher(ring), BlobStore(Path(blob_dir), ring)
    if task.startswith("save:"):
        _, scans, seed = task.split(":")
        made = create_demo_cases(db, cipher, store, 1, scans_per_case=int(scans), seed=int(seed))
        print(made.case_numbers)
    else:
        engine = SyncEngine(db, cipher, store, chunk_bytes=int(chunk))
        print(engine.run_cycle(force=True))
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
