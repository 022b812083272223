"""A key ring for tests that need a blob store but no hall key file (blobs are always sealed).

Fixed bytes, not random ones: a child process a test starts opens the same blobs."""

from __future__ import annotations

from onewindow_base.crypto.keys import Algorithm, DataKey, KeyRing

TEST_RING = KeyRing(
    "7e570001",
    (DataKey("7e570001", Algorithm.SM4_GCM, 0, bytes(range(16))),),
    bytes(range(32, 64)),
)
