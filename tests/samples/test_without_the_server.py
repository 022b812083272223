"""The installed counter has no reference central server (the bundle leaves it out): the
counter's own papers are still made from the real flow, the back office's are refused with a
message saying why, and nothing is left running."""

from __future__ import annotations

import sys

import pytest

from clerk_app.samples import SampleError, SampleHall, SampleKind


def test_back_office_kinds_need_the_reference_server(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "central_server.app", None)  # import fails, as in the bundle
    with SampleHall() as hall:
        assert hall.make(SampleKind.REFUSAL).payload.startswith(b"%PDF")
        with pytest.raises(SampleError, match="reference central server"):
            hall.make(SampleKind.CERTIFICATE)
