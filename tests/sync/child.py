"""One sync cycle in a child process, for the killed-process tests (see ``crashpoint``)."""

from __future__ import annotations

import sys
from pathlib import Path

import clerk_app.db.models  # noqa: F401 - the models first (the crypto registry needs them)


def main() -> int:
    from clerk_app.crypto import PersonalDataCipher  # noqa: PLC0415
    from clerk_app.crypto.keys import ring_from_json  # noqa: PLC0415
    from clerk_app.db.engine import Database  # noqa: PLC0415
    from clerk_app.storage.blobs import BlobStore  # noqa: PLC0415
    from clerk_app.sync.engine import SyncEngine  # noqa: PLC0415

    url, ring_file, blob_dir, chunk = sys.argv[1:5]
    db = Database(url)
    ring = ring_from_json(Path(ring_file).read_text(encoding="utf-8"), ring_file)
    engine = SyncEngine(
        db, PersonalDataCipher(ring), BlobStore(Path(blob_dir)), chunk_bytes=int(chunk)
    )
    print(engine.run_cycle(force=True))
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
