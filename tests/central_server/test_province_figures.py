"""The province's figures against a count by hand (both databases): the service, the back-office
endpoint and ``central-server figures`` (JSON, spreadsheet, PDF) on the small province of
``province_data`` — two halls, three items, a dozen cases over October and November 2026.

The hand count, period 2026-10-01..2026-11-30 (Shanghai days), per month:

Catalogue. Release 1 (published 30 Sep): A online 1 visit, B online 0 visits, C window only 2
visits → 3 items, 2 online, 2 in once-mode. Release 2 (10 Nov): C version 2 online, 1 visit →
3 / 3 / 3. October's end has release 1, November's release 2; every hall offers the whole
catalogue. By department at the period's end: 市场监督管理局 A, B → 2 / 2 / 2; 民政局 C → 1 / 1 / 1.
The trend, December 2025..November 2026: no release before September (—), then 2/3, 2/3, 3/3.

Cases (counter decision, then the back office; a trip is each counter decision plus a pickup):
  c12 CC02 A accepted 30 Sep 23:00 (September: not counted), approved 3 Oct 23:00 → completed in
      October, 3.0 days
  c1  CC01 A accepted 9 Oct 10:00, approved 14 Oct 10:00 (5.0 d), picked up: 2 trips
  c2  CC01 B (即办) accepted 9 Oct 11:00, approved 15:00 (1/6 d), mailed: 1 trip, on the spot
  c3  CC01 A notice 20 Oct, accepted 22 Oct 09:00, approved 2 Nov 09:00 (11.0 d), picked up: 3
  c4  CC01 C deferred 31 Oct 23:30 (still October in Shanghai), undecided: 1 trip, not on the
      spot (a deferral owes materials)
  c7  CC02 A accepted 15 Oct 10:00, approved 25 Oct (10.0 d), picked up: 2 trips
  c5  CC01 B refused 3 Nov: not accepted
  c8  CC02 B deferred 5 Nov, approved 20 Nov (15.0 d), mailed: 1 trip, not on the spot
  c9  CC02 B accepted 30 Nov 23:50, undecided: 1 trip, on the spot
  c10 CC02 C notice only 18 Nov: not accepted
  c11 CC02 A accepted 1 Dec 00:10: after the period
  c6  CC01 C v2 (即办) accepted 12 Nov, rejected 13 Nov (1.0 d): 1 trip, on the spot

  CC01 Oct: accepted c1 c2 c3 c4 = 4, on the spot c2 = 1, trips 2+1+3+1 = 7 → 1.75;
            completed c1 c2 = 2, (5 + 1/6) / 2 = 2.58 d
  CC01 Nov: accepted c6 = 1, on the spot 1, trips 1; completed c3 c6 = 2, (11 + 1) / 2 = 6.0
  CC02 Oct: accepted c7 = 1, trips 2; completed c7 c12 = 2, (10 + 3) / 2 = 6.5
  CC02 Nov: accepted c8 c9 = 2, on the spot c9 = 1, trips 2 → 1.0; completed c8: 15.0
  CC01: accepted 5, on the spot 2 (40 %), trips 8 → 1.6, completed 4, 17.1667 / 4 = 4.29
  CC02: accepted 3, on the spot 1 (33.3 %), trips 4 → 1.33, completed 3, 28 / 3 = 9.33
  all:  accepted 8, on the spot 3 (37.5 %), trips 12 → 1.5, completed 7, 45.1667 / 7 = 6.45
  市场监督管理局: accepted c1 c2 c3 c7 c8 c9 = 6, on the spot 2, trips 10 → 1.67,
            completed c1 c2 c3 c7 c12 c8 = 6, 44.1667 / 6 = 7.36
  民政局:   accepted c4 c6 = 2, on the spot 1 (50 %), trips 2 → 1.0, completed c6: 1.0

Ratings (满意 = 4 or 5 overall): CC01 9 Oct 5 (A), 22 Oct 3 (A), 12 Nov 4 (C); CC02 5 Nov 2
(B), 6 Nov 4 (an older counter: no item, no department), 1 Dec 5 (after). CC01 3 rated, 2
satisfied (66.7 %); CC02 2, 1 (50 %); all 5, 3 (60 %); 市场监督管理局 3, 1 (33.3 %); 民政局 1, 1
(100 %); department unknown 1, 1, with no catalogue items.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from central_server.cli import main
from central_server.services.figures import province_figures
from central_server.settings import ServerSettings
from onewindow_protocol.wire.figures import Per, ProvinceFigures
from onewindow_protocol.wire.ratings import GroupBy
from tests.central_server.harness import Harness
from tests.central_server.province_data import CIVIL, FIRST, LAST, MARKET, build
from tests.pdf_read import pdfium_text

MEASURES = ("accepted", "on_the_spot", "visit_cases", "visits", "visits_per_case", "completed",
            "days_to_decision_avg", "ratings", "satisfied")  # fmt: skip
CATALOGUE = ("catalogue_release", "items", "items_networked", "items_once")


def _pick(row: Any, names: tuple[str, ...]) -> tuple[Any, ...]:
    return tuple(getattr(row, n) if not isinstance(row, dict) else row[n] for n in names)


EXPECTED_HALLS = {
    # key: accepted, on the spot, visit cases, trips, per case, completed, days, rated, satisfied
    "CC01": (5, 2, 5, 8, 1.6, 4, 4.29, 3, 2),
    "CC02": (3, 1, 3, 4, 1.33, 3, 9.33, 2, 1),
}
EXPECTED_MONTHS = {
    ("2026-10", "CC01"): (4, 1, 4, 7, 1.75, 2, 2.58, 2, 1),
    ("2026-11", "CC01"): (1, 1, 1, 1, 1.0, 2, 6.0, 1, 1),
    ("2026-10", "CC02"): (1, 0, 1, 2, 2.0, 2, 6.5, 0, 0),
    ("2026-11", "CC02"): (2, 1, 2, 2, 1.0, 1, 15.0, 2, 1),
}
EXPECTED_DEPARTMENTS = {
    MARKET: (6, 2, 6, 10, 1.67, 6, 7.36, 3, 1),
    CIVIL: (2, 1, 2, 2, 1.0, 1, 1.0, 1, 1),
    None: (0, 0, 0, 0, None, 0, None, 1, 1),
}


def check_by_hall(report: ProvinceFigures) -> None:
    groups = {g.key: g for g in report.groups}
    assert set(groups) == {"CC01", "CC02"}
    for key, expected in EXPECTED_HALLS.items():
        assert _pick(groups[key], MEASURES) == expected, key
        assert _pick(groups[key], CATALOGUE) == (2, 3, 3, 3)  # release 2, the whole catalogue
    assert _pick(report.total, MEASURES) == (8, 3, 8, 12, 1.5, 7, 6.45, 5, 3)
    assert (report.total.on_the_spot_share, report.total.satisfied_share) == (0.375, 0.6)
    assert groups["CC02"].on_the_spot_share == 0.3333
    months = {(r.period, r.key): r for r in report.rows}
    assert set(months) == set(EXPECTED_MONTHS)
    for where, expected in EXPECTED_MONTHS.items():
        assert _pick(months[where], MEASURES) == expected, where
    assert _pick(months[("2026-10", "CC01")], CATALOGUE) == (1, 3, 2, 2)
    assert months[("2026-10", "CC01")].once_share == 0.6667
    assert _pick(months[("2026-11", "CC02")], CATALOGUE) == (2, 3, 3, 3)
    trend = [(m.month, m.catalogue_release, m.items_once, m.items) for m in report.once_mode_trend]
    assert trend[0] == ("2025-12", None, 0, 0)
    assert trend[-3:] == [("2026-09", 1, 2, 3), ("2026-10", 1, 2, 3), ("2026-11", 2, 3, 3)]


def test_the_figures_match_a_count_by_hand(
    server: Harness, central_settings: ServerSettings, tmp_path: Path, capsys: Any
) -> None:
    build(server)
    ctx = server.services.ctx
    check_by_hall(province_figures(ctx, FIRST, LAST, GroupBy.HALL, Per.MONTH))

    by_department = province_figures(ctx, FIRST, LAST, GroupBy.DEPARTMENT, Per.MONTH)
    groups = {g.key: g for g in by_department.groups}
    assert set(groups) == {MARKET, CIVIL, None}
    for key, expected in EXPECTED_DEPARTMENTS.items():
        assert _pick(groups[key], MEASURES) == expected, key
    assert _pick(groups[MARKET], CATALOGUE) == (2, 2, 2, 2)
    assert _pick(groups[CIVIL], CATALOGUE) == (2, 1, 1, 1)
    assert _pick(groups[None], CATALOGUE) == (2, 0, 0, 0)

    by_item = province_figures(ctx, FIRST, LAST, GroupBy.ITEM, Per.DAY)
    items = {g.key: g for g in by_item.groups}
    assert items["220100000000000002"].label == "个体工商户登记"
    # B: c2, c8 (deferred), c9 accepted; c2 and c9 on the spot.
    assert _pick(items["220100000000000002"], ("accepted", "on_the_spot")) == (3, 2)
    days = {(r.period, r.key): r.accepted for r in by_item.rows if r.accepted}
    assert days[("2026-10-31", "220100000000000003")] == 1  # c4, 23:30 Shanghai time
    assert days[("2026-11-30", "220100000000000002")] == 1  # c9, 23:50

    # The back-office endpoint answers the same, to an approver only.
    office = server.approver()
    query = {"from": str(FIRST), "to": str(LAST)}
    reply = office.get("/v1/backoffice/figures/province", params=query)
    assert reply.status_code == 200, reply.text
    check_by_hall(ProvinceFigures.model_validate(reply.json()))
    anonymous = server.http().get("/v1/backoffice/figures/province", params=query)
    assert anonymous.status_code == 401
    late = office.get(
        "/v1/backoffice/figures/province", params={"from": "2026-11-02", "to": "2026-11-01"}
    )
    assert late.status_code == 422

    # central-server figures: JSON, a spreadsheet and a PDF with the same numbers.
    base = ["--db", central_settings.db_url, "--data-dir", str(tmp_path / "cli"), "figures",
            "--from", str(FIRST), "--to", str(LAST)]  # fmt: skip
    capsys.readouterr()
    assert main([*base, "--json"]) == 0
    check_by_hall(ProvinceFigures.model_validate(json.loads(capsys.readouterr().out)))
    assert main([*base, "--xlsx", str(tmp_path / "f.xlsx")]) == 0
    sheet = load_workbook(tmp_path / "f.xlsx")["汇总"]
    lines = [[c.value for c in row] for row in sheet.iter_rows()]
    assert lines[1][:2] == ["大厅", "事项数"]
    cc02 = next(line for line in lines if line[0] == "CC02")
    assert cc02[6:] == ["3", "3", "1", "33.3%", "1.33", "9.33", "2", "50.0%"]
    assert main([*base, "--by", "department", "--pdf", str(tmp_path / "f.pdf")]) == 0
    text = pdfium_text((tmp_path / "f.pdf").read_bytes())
    assert "全省政务服务指标" in text and MARKET in text and "7.36" in text
