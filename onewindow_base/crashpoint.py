"""Named crash points for the killed-process tests (docs/sync-rules.md faults 5, 6, 7, 8).

``crashpoint(name)`` does nothing unless the environment variable ``ONEWINDOW_CRASHPOINT``
names it; then the process ends at once with ``os._exit`` (no cleanup, no commit), as a power cut
or a kill would. Only the tests set the variable, in a child process they start. The points
themselves are named where they stand (the sync, the key rotation, the blob store).
"""

from __future__ import annotations

import os

ENV = "ONEWINDOW_CRASHPOINT"
EXIT_CODE = 86


def crashpoint(name: str) -> None:
    if os.environ.get(ENV) == name:
        os._exit(EXIT_CODE)
