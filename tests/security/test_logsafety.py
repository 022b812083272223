"""The last line of defence: ID numbers and mobiles masked in every log record."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator

import pytest

from clerk_app.cli.main import main as cli_main
from onewindow_base import logsafety
from onewindow_base.logsafety import PersonalDataFilter, mask_personal_data


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("id 11010519491231002X ok", "id 110105********002X ok"),
        ("id 44052418800101001x", "id 440524********001x"),
        ("110105 19491231 002X", "110105********002X"),
        ("１１０１０５１９４９１２３１００２Ｘ", "１１０１０５********００２Ｘ"),
        ("legacy 110105491231002", "legacy 110105*****1002"),
        ("call 13812345678.", "call 138****5678."),
        ("+86 138-1234-5678", "+86 138****5678"),
        ("at 1764312345678 ms", "at 1764312345678 ms"),  # a timestamp is not a phone
        ("ticket A012, window 3", "ticket A012, window 3"),
        ("case CC01-W03-20261128-0042", "case CC01-W03-20261128-0042"),
    ],
)
def test_masks(text: str, masked: str) -> None:
    assert mask_personal_data(text) == masked


@pytest.fixture
def captured() -> Iterator[tuple[logging.Logger, io.StringIO]]:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(message)s"))
    logger = logging.getLogger("tests.logsafety")
    logger.addHandler(handler)
    logger.propagate = False
    logsafety.install(logger)
    logsafety.install(logger)  # twice: still one filter
    assert len(handler.filters) == 1
    yield logger, stream
    logger.removeHandler(handler)
    logger.propagate = True


@pytest.mark.allow_log_warnings  # logger.exception is an ERROR record, on purpose
def test_messages_arguments_and_tracebacks_are_masked(
    captured: tuple[logging.Logger, io.StringIO],
) -> None:
    logger, stream = captured
    logger.info("applicant %s phone %s", "11010519491231002X", 13812345678)
    try:
        raise ValueError("bad value 11010519491231002X")
    except ValueError:
        logger.exception("while saving 13812345678")
    logger.info("stack", stack_info=True)
    text = stream.getvalue()
    assert "11010519491231002X" not in text
    assert "13812345678" not in text
    assert "applicant 110105********002X phone 138****5678" in text
    assert "ValueError: bad value 110105********002X" in text


def test_the_command_line_installs_the_filter() -> None:
    root = logging.getLogger()
    assert cli_main(["check", "phone", "13812345678", "--json"]) == 0
    assert root.handlers
    assert all(any(isinstance(f, PersonalDataFilter) for f in h.filters) for h in root.handlers)
    for handler in root.handlers:
        for f in [f for f in handler.filters if isinstance(f, PersonalDataFilter)]:
            handler.removeFilter(f)
