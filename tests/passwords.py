"""Password hashing in the test processes: real argon2id at its lowest cost.

A hall hashes with the library's recommended parameters (``auth.DEFAULT_HASHER``, 64 MiB and 3
passes: about a seventh of a second per hash or check here). The suite signs in hundreds of
times, so :func:`use_fast_hashing` (called once per test process from ``tests/conftest.py``)
makes every hash this process creates, the test templates' demo accounts included, cost
almost nothing, as Django's test settings do with their fast hashers. Verification is the
same code: argon2 reads the cost from the stored hash. ``SHIPPED`` keeps the hall's hasher, and
``tests/test_auth.py`` proves that a real process hashes at that cost.
"""

from __future__ import annotations

from argon2 import PasswordHasher

from clerk_app.accounts import auth

FAST_HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
SHIPPED = auth.DEFAULT_HASHER


def use_fast_hashing() -> None:
    auth.DEFAULT_HASHER = FAST_HASHER
