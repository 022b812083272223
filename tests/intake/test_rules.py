"""Decision rules, table-driven: necessity × what the clerk recorded → status and decisions."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clerk_app.catalogue.types import MaterialForm, Necessity
from clerk_app.intake.checklist import (
    MaterialRecord,
    MaterialRequirement,
    MaterialStatus,
    Reason,
    ReasonCode,
)
from clerk_app.intake.reason_texts import reason_text
from clerk_app.intake.rules import (
    Assessment,
    CaseFacts,
    Decision,
    DecisionNotAllowed,
    Refusal,
    RefusalGround,
    ReliefRights,
    assess,
    require_allowed,
)
from onewindow_base.wording import Language

DUE = dt.date(2026, 12, 10)
FACTS = CaseFacts(promised_due=DUE)
A, N, D, R = (
    Decision.ACCEPT,
    Decision.ONE_TIME_NOTICE,
    Decision.DEFERRAL,
    Decision.REFUSE,
)
S = MaterialStatus

OK = MaterialRecord(received=True, original_checked=True, copies=1, scans=1)
RECORDS = {
    "none": MaterialRecord(),
    "ok": OK,
    "extra_copies": MaterialRecord(received=True, original_checked=True, copies=3, scans=2),
    "copies_short": MaterialRecord(received=True, original_checked=True, copies=0, scans=1),
    "original_unchecked": MaterialRecord(received=True, copies=1, scans=1),
    "defect": MaterialRecord(
        received=True, original_checked=True, copies=1, scans=1, defects=("not signed",)
    ),
    "no_scan": MaterialRecord(received=True, original_checked=True, copies=1),
    "elicence": MaterialRecord(elicence_number="91350100M000100Y43-BL"),
    "deferred": MaterialRecord(deferred=True, supply_by=DUE),
    "deferred_late": MaterialRecord(deferred=True, supply_by=DUE + dt.timedelta(days=1)),
    "deferred_undated": MaterialRecord(deferred=True),
}


def requirement(
    necessity: Necessity, *, elicence: str | None = "business_licence", key: str = "m"
) -> MaterialRequirement:
    return MaterialRequirement(
        key=key,
        name=f"material {key}",
        necessity=necessity,
        form=MaterialForm.COPY,
        copies=1,
        original_check=True,
        elicence_type=elicence,
        standard="signed and sealed",
    )


def codes(reasons: tuple[Reason, ...]) -> set[ReasonCode]:
    return {r.code for r in reasons}


# necessity, record → status, allowed decisions, recommended, reason codes on the material
# A typed number stands in for the material and waits for the next sync's verification.
TYPED_ELICENCE = {ReasonCode.REPLACED_BY_ELICENCE, ReasonCode.ELICENCE_TO_VERIFY}
TABLE = [
    (Necessity.REQUIRED, "none", S.MISSING, {N}, N, {ReasonCode.NOT_RECEIVED}),
    (Necessity.REQUIRED, "ok", S.COMPLETE, {A}, A, set()),
    (Necessity.REQUIRED, "extra_copies", S.COMPLETE, {A}, A, set()),
    (Necessity.REQUIRED, "copies_short", S.DEFECTIVE, {N}, N, {ReasonCode.COPIES_SHORT}),
    (
        Necessity.REQUIRED,
        "original_unchecked",
        S.DEFECTIVE,
        {N},
        N,
        {ReasonCode.ORIGINAL_NOT_CHECKED},
    ),
    (Necessity.REQUIRED, "defect", S.DEFECTIVE, {N}, N, {ReasonCode.DEFECT_NOTED}),
    (Necessity.REQUIRED, "no_scan", S.COMPLETE, set(), None, set()),
    (Necessity.REQUIRED, "elicence", S.REPLACED, {A}, A, TYPED_ELICENCE),
    (
        Necessity.REQUIRED,
        "deferred",
        S.MISSING,
        {N},
        N,
        {ReasonCode.NOT_RECEIVED, ReasonCode.NOT_DEFERRABLE},
    ),
    (Necessity.OPTIONAL, "none", S.NOT_NEEDED, {A}, A, set()),
    (Necessity.OPTIONAL, "ok", S.COMPLETE, {A}, A, set()),
    (Necessity.OPTIONAL, "copies_short", S.DEFECTIVE, {A}, A, {ReasonCode.COPIES_SHORT}),
    (Necessity.OPTIONAL, "defect", S.DEFECTIVE, {A}, A, {ReasonCode.DEFECT_NOTED}),
    (Necessity.OPTIONAL, "no_scan", S.COMPLETE, set(), None, set()),
    (Necessity.OPTIONAL, "elicence", S.REPLACED, {A}, A, TYPED_ELICENCE),
    (Necessity.OPTIONAL, "deferred", S.NOT_NEEDED, {A}, A, {ReasonCode.NOT_DEFERRABLE}),
    (Necessity.DEFERRABLE, "none", S.MISSING, {N}, N, {ReasonCode.NOT_RECEIVED}),
    (Necessity.DEFERRABLE, "ok", S.COMPLETE, {A}, A, set()),
    (Necessity.DEFERRABLE, "copies_short", S.DEFECTIVE, {N}, N, {ReasonCode.COPIES_SHORT}),
    (Necessity.DEFERRABLE, "defect", S.DEFECTIVE, {N}, N, {ReasonCode.DEFECT_NOTED}),
    (Necessity.DEFERRABLE, "no_scan", S.COMPLETE, set(), None, set()),
    (Necessity.DEFERRABLE, "elicence", S.REPLACED, {A}, A, TYPED_ELICENCE),
    (Necessity.DEFERRABLE, "deferred", S.DEFERRED, {N, D}, D, {ReasonCode.DEFERRED_UNTIL}),
    (Necessity.DEFERRABLE, "deferred_late", S.DEFERRED, {N}, N, {ReasonCode.DEFERRED_UNTIL}),
    (Necessity.DEFERRABLE, "deferred_undated", S.DEFERRED, {N}, N, set()),
]


@pytest.mark.parametrize(
    ("necessity", "record", "status", "allowed", "recommended", "reasons"),
    TABLE,
    ids=[f"{row[0].value}-{row[1]}" for row in TABLE],
)
def test_one_material(
    necessity: Necessity,
    record: str,
    status: MaterialStatus,
    allowed: set[Decision],
    recommended: Decision | None,
    reasons: set[ReasonCode],
) -> None:
    result = assess([requirement(necessity)], {"m": RECORDS[record]}, FACTS)
    (material,) = result.materials
    assert material.status is status
    assert codes(material.reasons) == reasons
    assert result.allowed == allowed
    assert result.recommended is recommended
    for option in result.options:  # every option explains itself
        assert option.reasons, option


# Why each decision is closed, for the cases a clerk meets most.
WHY_NOT = [
    (Necessity.REQUIRED, "none", A, {ReasonCode.NOT_RECEIVED}),
    (Necessity.REQUIRED, "none", D, {ReasonCode.NOTHING_DEFERRED, ReasonCode.NOT_RECEIVED}),
    (Necessity.REQUIRED, "none", R, {ReasonCode.NO_REFUSAL_GROUND}),
    (Necessity.REQUIRED, "ok", N, {ReasonCode.NOTHING_MISSING}),
    (Necessity.REQUIRED, "no_scan", A, {ReasonCode.SCAN_MISSING}),
    (Necessity.REQUIRED, "no_scan", N, {ReasonCode.NOTHING_MISSING}),
    (
        Necessity.REQUIRED,
        "deferred",
        D,
        {ReasonCode.NOT_RECEIVED, ReasonCode.NOT_DEFERRABLE, ReasonCode.NOTHING_DEFERRED},
    ),
    (Necessity.OPTIONAL, "defect", N, {ReasonCode.NOTHING_MISSING}),
    (
        Necessity.DEFERRABLE,
        "none",
        D,
        {ReasonCode.NOTHING_DEFERRED, ReasonCode.NOT_MARKED_DEFERRED},
    ),
    (Necessity.DEFERRABLE, "deferred", A, {ReasonCode.MATERIAL_DEFERRED}),
    (Necessity.DEFERRABLE, "deferred_late", D, {ReasonCode.SUPPLY_BY_AFTER_PROMISE}),
    (Necessity.DEFERRABLE, "deferred_undated", D, {ReasonCode.SUPPLY_BY_MISSING}),
]


@pytest.mark.parametrize(
    ("necessity", "record", "decision", "blockers"),
    WHY_NOT,
    ids=[f"{row[0].value}-{row[1]}-{row[2].value}" for row in WHY_NOT],
)
def test_why_a_decision_is_closed(
    necessity: Necessity, record: str, decision: Decision, blockers: set[ReasonCode]
) -> None:
    option = assess([requirement(necessity)], {"m": RECORDS[record]}, FACTS).option(decision)
    assert not option.allowed
    assert codes(option.reasons) == blockers


def test_an_elicence_for_a_material_no_elicence_replaces_is_refused() -> None:
    req = requirement(Necessity.REQUIRED, elicence=None)
    result = assess([req], {"m": RECORDS["elicence"]}, FACTS)
    assert result.materials[0].status is S.MISSING
    assert codes(result.materials[0].problems) == {
        ReasonCode.NOT_RECEIVED,
        ReasonCode.ELICENCE_NOT_ACCEPTED,
    }
    assert result.allowed == {N}


def test_electronic_materials_need_no_paper_copies() -> None:
    req = MaterialRequirement("e", "online form", Necessity.REQUIRED, MaterialForm.ELECTRONIC)
    result = assess([req], {"e": MaterialRecord(received=True, scans=1)}, FACTS)
    assert result.materials[0].status is S.COMPLETE
    assert result.recommended is A


def test_scans_can_be_waived_by_the_hall() -> None:
    facts = CaseFacts(promised_due=DUE, scans_required=False)
    assert assess([requirement(Necessity.REQUIRED)], {"m": RECORDS["no_scan"]}, facts).allowed == {
        A
    }


def test_an_item_without_materials_can_be_accepted_at_once() -> None:
    assert assess([], {}, FACTS).recommended is A


def checklist() -> list[MaterialRequirement]:
    return [
        requirement(Necessity.REQUIRED, key="application"),
        requirement(Necessity.REQUIRED, key="id_card"),
        requirement(Necessity.DEFERRABLE, key="lease"),
        requirement(Necessity.DEFERRABLE, key="floor_plan"),
        requirement(Necessity.OPTIONAL, key="photos"),
        requirement(Necessity.OPTIONAL, key="reference"),
    ]


def test_the_one_time_notice_lists_every_missing_or_defective_material_and_nothing_else() -> None:
    records = {
        "application": RECORDS["defect"],
        "id_card": OK,
        "lease": RECORDS["deferred"],  # marked deferred, but no case is accepted with a notice
        "floor_plan": RECORDS["none"],
        "photos": RECORDS["copies_short"],  # optional, yet brought defective: say so too
        # "reference": optional, not brought: not asked for
    }
    result = assess(checklist(), records, FACTS)
    assert [m.key for m in result.notice_items] == ["application", "lease", "floor_plan", "photos"]
    notice = result.option(N)
    assert notice.allowed
    assert [(r.material, r.code) for r in notice.reasons] == [
        ("application", ReasonCode.DEFECT_NOTED),
        ("lease", ReasonCode.NOT_RECEIVED),
        ("floor_plan", ReasonCode.NOT_RECEIVED),
        ("photos", ReasonCode.COPIES_SHORT),
    ]
    names = {r.key: r.name for r in checklist()}
    assert reason_text(notice.reasons[0], Language.EN, names) == "material application: not signed"
    assert reason_text(notice.reasons[3], Language.EN, names) == "material photos: 0 of 1 copies"
    assert (
        reason_text(notice.reasons[3], Language.ZH_CN, names) == "material photos：应交1份，实交0份"
    )


def test_deferral_needs_every_main_material_complete() -> None:
    records = {"application": OK, "id_card": OK, "lease": RECORDS["deferred"]}
    result = assess(checklist(), records, FACTS)
    assert result.allowed == {N}  # the floor plan is deferrable, but not marked deferred
    assert codes(result.option(D).reasons) == {ReasonCode.NOT_MARKED_DEFERRED}
    deferral_blockers = result.option(D).reasons
    assert [r.material for r in deferral_blockers] == ["floor_plan"]

    records["floor_plan"] = RECORDS["deferred"]
    result = assess(checklist(), records, FACTS)
    assert result.allowed == {N, D}
    assert result.recommended is D
    assert [m.key for m in result.deferred] == ["lease", "floor_plan"]
    assert result.option(D).reasons == (
        Reason(ReasonCode.DEFERRED_UNTIL, "lease", on=DUE),
        Reason(ReasonCode.DEFERRED_UNTIL, "floor_plan", on=DUE),
    )

    records["id_card"] = RECORDS["none"]  # a main material missing: no deferral
    result = assess(checklist(), records, FACTS)
    assert result.allowed == {N}
    assert (ReasonCode.NOT_RECEIVED, "id_card") in {
        (r.code, r.material) for r in result.option(D).reasons
    }


def test_bad_credit_excludes_deferral() -> None:
    facts = CaseFacts(promised_due=DUE, applicant_bad_credit=True)
    result = assess([requirement(Necessity.DEFERRABLE)], {"m": RECORDS["deferred"]}, facts)
    assert result.allowed == {N}
    assert codes(result.option(D).reasons) == {ReasonCode.BAD_CREDIT}


def test_an_unknown_promised_date_blocks_deferral_and_flags_acceptance() -> None:
    facts = CaseFacts(promised_due=None)
    deferral = assess([requirement(Necessity.DEFERRABLE)], {"m": RECORDS["deferred"]}, facts)
    assert codes(deferral.option(D).reasons) == {ReasonCode.PROMISED_DATE_UNKNOWN}
    accept = assess([requirement(Necessity.REQUIRED)], {"m": OK}, facts).option(A)
    assert accept.allowed
    assert codes(accept.warnings) == {ReasonCode.PROMISED_DATE_UNKNOWN}


def test_a_promise_into_an_unknown_year_allows_supply_by_dates_before_that_year() -> None:
    """Accepted 30 December for 3 working days with 2027 unknown: the promise ends in 2027, so
    every day of 2026 is within it; a day of 2027 cannot be checked against it."""
    facts = CaseFacts(promised_due=None, unknown_year=2027, promised_days=3)
    required, deferrable = (
        requirement(Necessity.REQUIRED, key="a"),
        requirement(Necessity.DEFERRABLE, key="b"),
    )
    in_2026 = MaterialRecord(deferred=True, supply_by=dt.date(2026, 12, 31))
    deferral = assess([required, deferrable], {"a": OK, "b": in_2026}, facts).option(D)
    assert deferral.allowed
    warning = Reason(ReasonCode.PROMISED_DATE_UNKNOWN, need=3, year=2027)
    assert deferral.warnings == (warning,)
    in_2027 = MaterialRecord(deferred=True, supply_by=dt.date(2027, 1, 4))
    blocked = assess([required, deferrable], {"a": OK, "b": in_2027}, facts).option(D)
    assert not blocked.allowed
    assert blocked.reasons == (
        Reason(
            ReasonCode.SUPPLY_BY_UNKNOWN_YEAR,
            "b",
            on=dt.date(2027, 1, 4),
            limit=dt.date(2026, 12, 31),
            year=2027,
        ),
    )
    english = reason_text(blocked.reasons[0], Language.EN)
    assert "2027" in english and "2026-12-31" in english
    chinese = reason_text(blocked.reasons[0], Language.ZH_CN)
    assert "2027年" in chinese and "2026年12月31日" in chinese


def refusal(**overrides: Any) -> Refusal:
    base: dict[str, Any] = {
        "ground": RefusalGround.OUTSIDE_REMIT,
        "explanation": "建设工程规划许可由自然资源和规划局办理",
        "competent_agency": "市自然资源和规划局",
    }
    return Refusal(**{**base, **overrides})


REFUSALS = [
    (refusal(), set()),
    (refusal(ground=RefusalGround.NO_LICENCE_NEEDED, competent_agency=""), set()),
    (refusal(competent_agency=" "), {ReasonCode.COMPETENT_AGENCY_MISSING}),
    (refusal(explanation=""), {ReasonCode.REFUSAL_EXPLANATION_MISSING}),
    (refusal(relief=None), {ReasonCode.RELIEF_RIGHTS_MISSING}),
    (refusal(relief=ReliefRights(reconsideration_days=30)), {ReasonCode.RELIEF_PERIOD_TOO_SHORT}),
    (refusal(relief=ReliefRights(lawsuit_months=3)), {ReasonCode.RELIEF_PERIOD_TOO_SHORT}),
]


@pytest.mark.parametrize(("stated", "blockers"), REFUSALS)
@pytest.mark.parametrize("record", ["ok", "none"])
def test_refusal_needs_a_ground_a_reason_and_relief_rights(
    stated: Refusal, blockers: set[ReasonCode], record: str
) -> None:
    facts = CaseFacts(promised_due=DUE, refusal=stated)
    result = assess([requirement(Necessity.REQUIRED)], {"m": RECORDS[record]}, facts)
    refuse = result.option(R)
    assert refuse.allowed is (not blockers)
    assert codes(refuse.reasons) == (blockers or {ReasonCode.REFUSAL_GROUND})
    # With a ground for refusal recorded, nothing else is open: no notice asks for materials
    # of an item this agency does not handle.
    assert result.allowed == ({R} if not blockers else set())
    assert result.recommended is (R if not blockers else None)
    for decision in (A, N, D):
        assert ReasonCode.REFUSAL_GROUND_STATED in codes(result.option(decision).reasons)


def test_require_allowed_guards_the_decision_with_its_reasons() -> None:
    result = assess([requirement(Necessity.REQUIRED)], {}, FACTS)
    assert require_allowed(result, N).allowed
    with pytest.raises(DecisionNotAllowed, match=r"accept is not allowed: not_received \(m\)"):
        require_allowed(result, A)


def test_records_must_belong_to_the_checklist() -> None:
    with pytest.raises(ValueError, match="not on this item's checklist"):
        assess([requirement(Necessity.REQUIRED)], {"other": OK}, FACTS)
    with pytest.raises(ValueError, match="names a material twice"):
        assess([requirement(Necessity.REQUIRED), requirement(Necessity.OPTIONAL)], {}, FACTS)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"received": True, "deferred": True}, "either received or deferred"),
        ({"received": True, "elicence_number": "L1"}, "neither received nor deferred"),
        ({"deferred": True, "elicence_number": "L1"}, "neither received nor deferred"),
        ({"supply_by": DUE}, "only a deferred material"),
        ({"defects": ("torn",)}, "was received"),
        ({"received": True, "copies": -1}, "cannot be negative"),
        ({"elicence_number": "  "}, "needs its licence number"),
    ],
)
def test_contradictory_records_are_refused(fields: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        MaterialRecord(**fields)


necessities = st.sampled_from(list(Necessity))
records = st.sampled_from(sorted(RECORDS))


@settings(deadline=None)
@given(st.lists(st.tuples(necessities, records), max_size=6), st.booleans(), st.booleans())
def test_invariants_over_random_checklists(
    rows: list[tuple[Necessity, str]], bad_credit: bool, refused: bool
) -> None:
    reqs = [requirement(n, key=f"m{i}") for i, (n, _) in enumerate(rows)]
    recs = {f"m{i}": RECORDS[r] for i, (_, r) in enumerate(rows)}
    facts = CaseFacts(
        promised_due=DUE, applicant_bad_credit=bad_credit, refusal=refusal() if refused else None
    )
    result: Assessment = assess(reqs, recs, facts)
    allowed = result.allowed
    assert not {A, D} <= allowed  # never both: deferred materials rule out plain acceptance
    assert (R in allowed) is refused
    if refused:
        assert allowed == {R}
    if A in allowed:
        assert not any(m.blocking or m.status is S.DEFERRED for m in result.materials)
    if D in allowed:
        assert not bad_credit
        assert result.deferred
        assert all(m.requirement.necessity is Necessity.DEFERRABLE for m in result.deferred)
        assert not any(m.blocking for m in result.materials)
    has_gaps = any(m.blocking or m.status is S.DEFERRED for m in result.materials)
    assert (N in allowed) is (has_gaps and not refused)
    assert result.recommended is None or result.recommended in allowed
