"""Which decision the counter may take on a case, and why: pure, table-driven rules.

Administrative Licensing Law art. 32 and the hall's deferral rules (docs/domain-rules.md):

- ACCEPT: every required and deferrable material complete or replaced by an e-licence,
  nothing deferred, no scan outstanding, no ground for refusal recorded.
- ONE_TIME_NOTICE: something is missing or defective; the notice lists *every* missing or
  defective material of the item (including those marked deferred: no case is accepted, so
  they are missing too) and nothing else, so the applicant comes back at most once.
- DEFERRAL (容缺受理): every main material complete and only materials the item flags
  deferrable missing, each marked deferred with a date no later than the promised date;
  never for an applicant with a bad-credit flag. The applicant signs a commitment on the
  deferral notice, and the result is released only after the materials are supplied: both
  are the intake service's to enforce.
- Notify-and-commit (告知承诺, 国办发〔2020〕42号): a material the item lets a signed
  commitment stand in for, marked committed, counts as supplied for ACCEPT and DEFERRAL; the
  applicant signs the commitment letter and the case is checked afterwards (事中事后核查) by
  its post-check date. An applicant with a bad-credit flag (serious bad credit), or one a
  post-check found to have committed falsely before, may not use it: the committed material
  is then missing.
- Credit check (信用核查): an applicant on the joint-punishment list counts as bad credit.
  When the check could not be made (offline) and no supervisor has overridden that, neither
  DEFERRAL nor a commitment is open (``credit_unconfirmed``): the counter cannot show the
  applicant is not excluded, and says so.
- REFUSE: only on a statutory ground (outside this agency's remit, naming the competent
  agency; or no licence needed), with the reason written out and the relief rights
  (reconsideration within 60 days, lawsuit within 6 months). Missing materials are never a
  ground for refusal.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from clerk_app.catalogue.types import Necessity
from clerk_app.intake.checklist import (
    NOT_RECORDED,
    MaterialRecord,
    MaterialRequirement,
    MaterialState,
    MaterialStatus,
    Reason,
    ReasonCode,
    material_state,
)

STATUTORY_RECONSIDERATION_DAYS = 60
STATUTORY_LAWSUIT_MONTHS = 6


class Decision(enum.StrEnum):
    ACCEPT = "accept"
    ONE_TIME_NOTICE = "one_time_notice"
    DEFERRAL = "deferral"
    REFUSE = "refuse"


class RefusalGround(enum.StrEnum):
    OUTSIDE_REMIT = "outside_remit"  # 不属于本行政机关职权范围
    NO_LICENCE_NEEDED = "no_licence_needed"  # 依法不需要取得行政许可


@dataclass(frozen=True, slots=True)
class ReliefRights:
    reconsideration_days: int = STATUTORY_RECONSIDERATION_DAYS
    lawsuit_months: int = STATUTORY_LAWSUIT_MONTHS
    reconsideration_body: str = ""  # 复议机关, as the hall prints it
    court: str = ""


@dataclass(frozen=True, slots=True)
class Refusal:
    ground: RefusalGround
    explanation: str
    competent_agency: str = ""
    relief: ReliefRights | None = field(default_factory=ReliefRights)


@dataclass(frozen=True, slots=True)
class CaseFacts:
    """What the rules need beyond the checklist."""

    promised_due: dt.date | None  # from workdays.promise(); None when the calendar is unknown
    unknown_year: int | None = None  # the year that kept promised_due from being computed
    promised_days: int = 0  # the promise in working days (0: on the spot)
    applicant_bad_credit: bool = False
    refusal: Refusal | None = None
    scans_required: bool = True
    # 告知承诺: the post-check date, None when no year's calendar knows it (or no commitment)
    post_check_due: dt.date | None = None
    # 告知承诺: a post-check found an earlier commitment of this applicant false
    applicant_false_commitment: bool = False
    # 信用核查: the status is unknown and no supervisor's override is recorded
    credit_unconfirmed: bool = False


@dataclass(frozen=True, slots=True)
class DecisionOption:
    decision: Decision
    allowed: bool
    reasons: tuple[Reason, ...]  # the grounds when allowed, what stands in the way when not
    warnings: tuple[Reason, ...] = ()


@dataclass(frozen=True, slots=True)
class Assessment:
    materials: tuple[MaterialState, ...]
    options: tuple[DecisionOption, ...]  # one per Decision, in the enum's order
    recommended: Decision | None
    notice_items: tuple[MaterialState, ...]  # what a one-time notice would list

    def option(self, decision: Decision) -> DecisionOption:
        return next(o for o in self.options if o.decision is decision)

    @property
    def allowed(self) -> frozenset[Decision]:
        return frozenset(o.decision for o in self.options if o.allowed)

    @property
    def deferred(self) -> tuple[MaterialState, ...]:
        return tuple(m for m in self.materials if m.status is MaterialStatus.DEFERRED)

    @property
    def committed(self) -> tuple[MaterialState, ...]:
        """Materials a signed commitment stands in for (告知承诺)."""
        return tuple(m for m in self.materials if m.status is MaterialStatus.COMMITTED)


class DecisionNotAllowed(Exception):  # noqa: N818 - an expected outcome with reasons
    def __init__(self, option: DecisionOption) -> None:
        self.option = option
        details = "; ".join(
            r.code.value + (f" ({r.material})" if r.material else "") for r in option.reasons
        )
        super().__init__(f"{option.decision.value} is not allowed: {details}")


def _option(decision: Decision, grounds: list[Reason], blockers: list[Reason]) -> DecisionOption:
    if blockers:
        return DecisionOption(decision, allowed=False, reasons=tuple(blockers))
    return DecisionOption(decision, allowed=True, reasons=tuple(grounds))


def _refusal_stated(facts: CaseFacts) -> list[Reason]:
    if facts.refusal is None:
        return []
    return [Reason(ReasonCode.REFUSAL_GROUND_STATED, text=facts.refusal.ground.value)]


def _scan_tasks(materials: Sequence[MaterialState]) -> list[Reason]:
    return [t for m in materials for t in m.clerk_tasks if t.code is ReasonCode.SCAN_MISSING]


def _accept(materials: Sequence[MaterialState], facts: CaseFacts) -> DecisionOption:
    blockers = _refusal_stated(facts)
    blockers += [p for m in materials if m.blocking for p in m.problems]
    blockers += [
        Reason(ReasonCode.MATERIAL_DEFERRED, m.key)
        for m in materials
        if m.status is MaterialStatus.DEFERRED
    ]
    blockers += _scan_tasks(materials)
    grounds = [Reason(ReasonCode.ALL_COMPLETE)]
    grounds += [
        r
        for m in materials
        if m.status in (MaterialStatus.REPLACED, MaterialStatus.COMMITTED)
        for r in m.reasons
    ]
    option = _option(Decision.ACCEPT, grounds, blockers)
    return _warned(option, materials, facts)


def _warned(
    option: DecisionOption, materials: Sequence[MaterialState], facts: CaseFacts
) -> DecisionOption:
    """An allowed decision with what the clerk must see before its paper prints: a promised
    date that cannot be computed yet (the receipt prints without a date), a commitment whose
    post-check date waits for the calendar."""
    if not option.allowed:
        return option
    warnings: list[Reason] = []
    if facts.promised_due is None:
        warnings.append(
            Reason(
                ReasonCode.PROMISED_DATE_UNKNOWN, need=facts.promised_days, year=facts.unknown_year
            )
        )
    warnings += _commitment_warnings(materials, facts)
    return dataclasses.replace(option, warnings=tuple(warnings)) if warnings else option


def _commitment_warnings(materials: Sequence[MaterialState], facts: CaseFacts) -> list[Reason]:
    """A commitment whose post-check date waits for the calendar: said, never guessed."""
    committed = any(m.status is MaterialStatus.COMMITTED for m in materials)
    if committed and facts.post_check_due is None:
        return [Reason(ReasonCode.POST_CHECK_DATE_UNKNOWN)]
    return []


def _notice_items(materials: Sequence[MaterialState]) -> tuple[MaterialState, ...]:
    """Every material the applicant still has to bring or correct, and nothing else."""
    return tuple(
        m
        for m in materials
        if m.blocking
        or m.status is MaterialStatus.DEFERRED
        or (m.status is MaterialStatus.DEFECTIVE and m.requirement.necessity is Necessity.OPTIONAL)
    )


def _notice(materials: Sequence[MaterialState], facts: CaseFacts) -> DecisionOption:
    items = _notice_items(materials)
    blockers = _refusal_stated(facts)
    if not any(m.blocking or m.status is MaterialStatus.DEFERRED for m in items):
        blockers.append(Reason(ReasonCode.NOTHING_MISSING))
    grounds = [p for m in items for p in (m.problems or (Reason(ReasonCode.NOT_RECEIVED, m.key),))]
    return _option(Decision.ONE_TIME_NOTICE, grounds, blockers)


def _deferral_dates(deferred: Sequence[MaterialState], facts: CaseFacts) -> list[Reason]:
    """Each deferred material dated, and no later than the promised date.

    When that date runs into an unknown year, every day before that year is still provably
    within the promise: a supply-by date there is allowed, one in the unknown year is not.
    """
    problems = [t for m in deferred for t in m.clerk_tasks]
    due = facts.promised_due
    if due is None and facts.unknown_year is not None:
        last_known = dt.date(facts.unknown_year - 1, 12, 31)
        for m in deferred:
            supply_by = m.record.supply_by
            if supply_by is not None and supply_by > last_known:
                problems.append(
                    Reason(
                        ReasonCode.SUPPLY_BY_UNKNOWN_YEAR,
                        m.key,
                        on=supply_by,
                        limit=last_known,
                        year=facts.unknown_year,
                    )
                )
        return problems
    if due is None:
        return [*problems, Reason(ReasonCode.PROMISED_DATE_UNKNOWN)] if deferred else problems
    for m in deferred:
        supply_by = m.record.supply_by
        if supply_by is not None and supply_by > due:
            late = Reason(ReasonCode.SUPPLY_BY_AFTER_PROMISE, m.key, on=supply_by, limit=due)
            problems.append(late)
    return problems


def _deferral(materials: Sequence[MaterialState], facts: CaseFacts) -> DecisionOption:
    deferred = [m for m in materials if m.status is MaterialStatus.DEFERRED]
    blockers = _refusal_stated(facts)
    if facts.applicant_bad_credit:
        blockers.append(Reason(ReasonCode.BAD_CREDIT))
    elif facts.credit_unconfirmed:
        blockers.append(Reason(ReasonCode.CREDIT_UNKNOWN))
    if not deferred:
        blockers.append(Reason(ReasonCode.NOTHING_DEFERRED))
    for m in materials:
        if not m.blocking:
            continue
        deferrable_missing = (
            m.requirement.necessity is Necessity.DEFERRABLE and m.status is MaterialStatus.MISSING
        )
        if deferrable_missing and not m.record.deferred:
            blockers.append(Reason(ReasonCode.NOT_MARKED_DEFERRED, m.key))
        else:
            blockers += m.problems
    blockers += _scan_tasks(materials) + _deferral_dates(deferred, facts)
    grounds = [r for m in deferred for r in m.reasons]
    grounds += [r for m in materials if m.status is MaterialStatus.COMMITTED for r in m.reasons]
    return _warned(_option(Decision.DEFERRAL, grounds, blockers), materials, facts)


def _refuse(facts: CaseFacts) -> DecisionOption:
    refusal = facts.refusal
    if refusal is None:
        blocker = Reason(ReasonCode.NO_REFUSAL_GROUND)
        return DecisionOption(Decision.REFUSE, allowed=False, reasons=(blocker,))
    blockers: list[Reason] = []
    if not refusal.explanation.strip():
        blockers.append(Reason(ReasonCode.REFUSAL_EXPLANATION_MISSING))
    if refusal.ground is RefusalGround.OUTSIDE_REMIT and not refusal.competent_agency.strip():
        blockers.append(Reason(ReasonCode.COMPETENT_AGENCY_MISSING))
    relief = refusal.relief
    if relief is None:
        blockers.append(Reason(ReasonCode.RELIEF_RIGHTS_MISSING))
    elif (
        relief.reconsideration_days < STATUTORY_RECONSIDERATION_DAYS
        or relief.lawsuit_months < STATUTORY_LAWSUIT_MONTHS
    ):
        blockers.append(
            Reason(ReasonCode.RELIEF_PERIOD_TOO_SHORT, need=STATUTORY_RECONSIDERATION_DAYS)
        )
    grounds = [Reason(ReasonCode.REFUSAL_GROUND, text=refusal.ground.value)]
    return _option(Decision.REFUSE, grounds, blockers)


def _recommend(options: Sequence[DecisionOption], facts: CaseFacts) -> Decision | None:
    allowed = {o.decision for o in options if o.allowed}
    order = (
        (Decision.REFUSE,)
        if facts.refusal is not None
        else (Decision.ACCEPT, Decision.DEFERRAL, Decision.ONE_TIME_NOTICE)
    )
    return next((d for d in order if d in allowed), None)


def _states(
    requirements: Sequence[MaterialRequirement],
    records: Mapping[str, MaterialRecord],
    facts: CaseFacts,
) -> tuple[MaterialState, ...]:
    keys = [r.key for r in requirements]
    if len(set(keys)) != len(keys):
        raise ValueError("the checklist names a material twice")
    strays = sorted(set(records) - set(keys))
    if strays:
        raise ValueError(f"records for materials not on this item's checklist: {strays}")
    excluded = facts.applicant_bad_credit or facts.applicant_false_commitment
    blocker = (
        ReasonCode.COMMITMENT_CREDIT_UNKNOWN
        if facts.credit_unconfirmed and not excluded
        else ReasonCode.COMMITMENT_EXCLUDED
    )
    return tuple(
        material_state(
            r,
            records.get(r.key, NOT_RECORDED),
            scans_required=facts.scans_required,
            commitment_allowed=not (excluded or facts.credit_unconfirmed),
            commitment_blocker=blocker,
        )
        for r in requirements
    )


def assess(
    requirements: Sequence[MaterialRequirement],
    records: Mapping[str, MaterialRecord],
    facts: CaseFacts,
) -> Assessment:
    """The live state of the checklist and every decision, with reasons."""
    materials = _states(requirements, records, facts)
    options = (
        _accept(materials, facts),
        _notice(materials, facts),
        _deferral(materials, facts),
        _refuse(facts),
    )
    return Assessment(materials, options, _recommend(options, facts), _notice_items(materials))


def require_allowed(assessment: Assessment, decision: Decision) -> DecisionOption:
    """The option, or ``DecisionNotAllowed`` with its reasons: the guard before recording."""
    option = assessment.option(decision)
    if not option.allowed:
        raise DecisionNotAllowed(option)
    return option
