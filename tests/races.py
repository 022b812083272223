"""Worker processes racing from a shared barrier (``multiprocessing`` Manager barriers)."""

from __future__ import annotations

# How long a worker waits at the barrier for the others. A worker that fails before it gets
# there (a refused sign-in, a database error) breaks the barrier for the rest after this, and
# the test fails with that error, instead of the others waiting for ever.
BARRIER_S = 120.0
