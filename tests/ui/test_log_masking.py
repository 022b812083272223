"""The desktop app's log file never receives an ID number or a mobile number in the clear."""

from __future__ import annotations

import logging
from pathlib import Path

from onewindow_base.logsafety import PersonalDataFilter
from ui.logs import setup_logging


def test_the_app_log_file_is_masked(tmp_path: Path) -> None:
    root = logging.getLogger()
    before = list(root.handlers)
    level = root.level
    path = setup_logging(tmp_path)
    added = [h for h in root.handlers if h not in before]
    try:
        assert all(any(isinstance(f, PersonalDataFilter) for f in h.filters) for h in added)
        logging.getLogger("ui.test").info("applicant 11010519491231002X phone 13812345678")
        for handler in added:
            handler.flush()
        text = path.read_text(encoding="utf-8")
        assert "applicant 110105********002X phone 138****5678" in text
        assert "11010519491231002X" not in text
    finally:
        for handler in added:
            root.removeHandler(handler)
            handler.close()
        for handler in root.handlers:
            for f in [f for f in handler.filters if isinstance(f, PersonalDataFilter)]:
                handler.removeFilter(f)
        root.setLevel(level)
