"""``make run``'s central server has one demo applicant on the joint-punishment list and its
hall offers text messages: the app's first start (as ``clerk-app run --seed-demo
--with-server``) lists ``DEMO_LISTED``, the counter's credit check answers ``listed`` for that
number and ``clear`` for the demo e-licence holder over real HTTP, and the intake and the
clerk's window get the 短信 opt-in (the hall is enrolled before they are wired); a later start
lists nobody twice. Both databases."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clerk_app.audit.types import Actor
from clerk_app.credit.types import CreditState
from clerk_app.licences.demo import DEMO_PERSON
from clerk_app.settings import ENV_DATA
from clerk_app.sync import demo_server
from clerk_app.sync.demo_server import CREDIT_FILE, DEMO_LISTED, DEMO_LISTED_REASON
from tests.sync.test_demo_server import App, start_app

CLERK = Actor(1, "窗口1办事员")


def _close(app: App) -> None:
    assert app.sync is not None and app.demo_server is not None
    app.services.credit.close()
    app.sync.close()
    app.demo_server.stop()
    app.db.dispose()


@pytest.mark.slow  # the app with its demo server
def test_the_demo_server_lists_the_demo_applicant_and_the_hall_offers_texts(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_DATA, str(tmp_path / "data"))
    monkeypatch.setattr(demo_server, "PREFERRED_PORT", 0)  # never a fixed port in tests
    app = start_app(db_url)
    server = app.demo_server
    assert server is not None and app.workspace.intake is not None
    try:
        # The first start: wired after the enrolment, so 短信 is offered at once.
        assert app.workspace.intake.notifications is not None
        credit = app.services.credit
        listed = credit.check(DEMO_LISTED[1], by=CLERK)
        assert listed.state is CreditState.LISTED
        assert [x.reason for x in listed.listings] == [DEMO_LISTED_REASON]
        clear = credit.check(DEMO_PERSON[1], by=CLERK)
        assert clear.state is CreditState.CLEAR and not clear.reused
        assert (server.root / CREDIT_FILE).exists()
    finally:
        _close(app)
    (server.root / CREDIT_FILE).unlink()  # a server from before the demo listing: listed then
    again = start_app(db_url)
    assert again.demo_server is not None and again.workspace.intake is not None
    try:
        assert again.workspace.intake.notifications is not None
        listings = json.loads(again.demo_server.admin("credit", "list", "--json"))["listings"]
        assert [x["reason"] for x in listings] == [DEMO_LISTED_REASON]  # not twice
        assert again.services.credit.check(DEMO_LISTED[1], by=CLERK).state is CreditState.LISTED
    finally:
        _close(again)
