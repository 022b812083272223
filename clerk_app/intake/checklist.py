"""The material checklist of one case: what the item asks for, what the clerk recorded, and
the state of each material, with its reasons as codes (their words, in Chinese and English, are
``clerk_app.intake.reason_texts``).

Inputs are plain values, independent of the catalogue tables: the intake service maps each
catalogue material of the chosen situation onto a ``MaterialRequirement``. The clerk's record
is one ``MaterialRecord`` per material; a material without a record has not been received.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from clerk_app.catalogue.types import MaterialForm, Necessity


class MaterialStatus(enum.StrEnum):
    COMPLETE = "complete"
    MISSING = "missing"
    DEFECTIVE = "defective"
    REPLACED = "replaced"  # 免提交: an e-licence stands in for it
    DEFERRED = "deferred"
    NOT_NEEDED = "not_needed"  # optional and not brought
    COMMITTED = "committed"  # 告知承诺: the applicant's signed commitment stands in for it


class ReasonCode(enum.StrEnum):
    # What is wrong with a material (the applicant's part: goes on a one-time notice).
    NOT_RECEIVED = "not_received"
    COPIES_SHORT = "copies_short"
    ORIGINAL_NOT_CHECKED = "original_not_checked"
    DEFECT_NOTED = "defect_noted"
    NOT_DEFERRABLE = "not_deferrable"
    ELICENCE_NOT_ACCEPTED = "elicence_not_accepted"
    ELICENCE_VERIFY_FAILED = "elicence_verify_failed"  # the registry did not confirm the number
    NOT_COMMITTABLE = "not_committable"
    COMMITMENT_EXCLUDED = "commitment_excluded"
    # What the clerk still has to do at the counter.
    SCAN_MISSING = "scan_missing"
    SUPPLY_BY_MISSING = "supply_by_missing"
    # What a material's state rests on.
    REPLACED_BY_ELICENCE = "replaced_by_elicence"
    ELICENCE_TO_VERIFY = "elicence_to_verify"  # a typed number, verified on the next sync
    DEFERRED_UNTIL = "deferred_until"
    COMMITTED = "committed"
    # Why a decision is or is not open.
    ALL_COMPLETE = "all_complete"
    MATERIAL_DEFERRED = "material_deferred"
    NOTHING_MISSING = "nothing_missing"
    NOTHING_DEFERRED = "nothing_deferred"
    NOT_MARKED_DEFERRED = "not_marked_deferred"
    BAD_CREDIT = "bad_credit"
    # The credit check could not be made and no supervisor has overridden it (信用核查).
    CREDIT_UNKNOWN = "credit_unknown"
    COMMITMENT_CREDIT_UNKNOWN = "commitment_credit_unknown"
    SUPPLY_BY_AFTER_PROMISE = "supply_by_after_promise"
    PROMISED_DATE_UNKNOWN = "promised_date_unknown"
    SUPPLY_BY_UNKNOWN_YEAR = "supply_by_unknown_year"
    REFUSAL_GROUND = "refusal_ground"
    REFUSAL_GROUND_STATED = "refusal_ground_stated"
    NO_REFUSAL_GROUND = "no_refusal_ground"
    REFUSAL_EXPLANATION_MISSING = "refusal_explanation_missing"
    COMPETENT_AGENCY_MISSING = "competent_agency_missing"
    RELIEF_RIGHTS_MISSING = "relief_rights_missing"
    RELIEF_PERIOD_TOO_SHORT = "relief_period_too_short"
    POST_CHECK_DATE_UNKNOWN = "post_check_date_unknown"


# Reasons that concern the applicant's materials and go on a one-time notice.
APPLICANT_REASONS = frozenset(
    {
        ReasonCode.NOT_RECEIVED,
        ReasonCode.COPIES_SHORT,
        ReasonCode.ORIGINAL_NOT_CHECKED,
        ReasonCode.DEFECT_NOTED,
        ReasonCode.NOT_DEFERRABLE,
        ReasonCode.ELICENCE_NOT_ACCEPTED,
        ReasonCode.ELICENCE_VERIFY_FAILED,
        ReasonCode.NOT_COMMITTABLE,
        ReasonCode.COMMITMENT_EXCLUDED,
    }
)


@dataclass(frozen=True, slots=True)
class Reason:
    code: ReasonCode
    material: str | None = None  # the material's key
    have: int | None = None
    need: int | None = None
    text: str | None = None
    on: dt.date | None = None
    limit: dt.date | None = None
    year: int | None = None  # a year no holiday calendar knows


@dataclass(frozen=True, slots=True)
class MaterialRequirement:
    """One material the item asks for in the chosen situation."""

    key: str
    name: str
    necessity: Necessity
    form: MaterialForm = MaterialForm.ORIGINAL
    copies: int = 1  # paper pieces the hall keeps; ignored for electronic materials
    original_check: bool = False  # the original must be shown and checked
    elicence_type: str | None = None  # an e-licence of this type makes it 免提交
    standard: str = ""  # the acceptance standard, quoted on a one-time notice
    commitment: bool = False  # 告知承诺: the item lets a signed commitment stand in for it

    def __post_init__(self) -> None:
        if not self.key:
            raise ValueError("a material needs a key")
        if self.copies < 0:
            raise ValueError(f"{self.key}: copies cannot be negative")


@dataclass(frozen=True, slots=True)
class LicenceProof:
    """The registry's licence a material is replaced by, chosen from a lookup (免提交): a typed
    number has none and is verified on the next sync (待核验)."""

    type_code: str
    issuer: str
    valid_from: dt.date
    valid_until: dt.date | None
    copy_sha256: str | None = None  # its PDF copy in the blob store; None: none fetched


@dataclass(frozen=True, slots=True)
class MaterialRecord:
    """What the clerk recorded for one material."""

    received: bool = False
    original_checked: bool = False
    copies: int = 0
    scans: int = 0
    elicence_number: str | None = None
    deferred: bool = False
    supply_by: dt.date | None = None
    defects: tuple[str, ...] = ()
    committed: bool = False  # 告知承诺: a signed commitment instead of the material
    elicence: LicenceProof | None = None  # the licence chosen from the registry
    # A saved case's verification state (verified | to_verify | failed); None on a live draft.
    elicence_check: str | None = None

    def __post_init__(self) -> None:
        if self.copies < 0 or self.scans < 0:
            raise ValueError("copies and scans cannot be negative")
        if self.committed and (self.received or self.deferred or self.elicence_number is not None):
            raise ValueError(
                "a material committed to is neither received, deferred nor replaced by an e-licence"
            )
        if self.deferred and self.received:
            raise ValueError("a material is either received or deferred, not both")
        if self.elicence_number is not None and not self.elicence_number.strip():
            raise ValueError("an e-licence replacing a material needs its licence number")
        if self.elicence_number is not None and (self.received or self.deferred):
            raise ValueError("a material replaced by an e-licence is neither received nor deferred")
        if self.elicence is not None and self.elicence_number is None:
            raise ValueError("a licence from the registry replaces a material by its number")
        if self.supply_by is not None and not self.deferred:
            raise ValueError("only a deferred material has a date to supply it by")
        if self.defects and not self.received:
            raise ValueError("defects are noted on a material that was received")


NOT_RECORDED = MaterialRecord()


@dataclass(frozen=True, slots=True)
class MaterialState:
    requirement: MaterialRequirement
    record: MaterialRecord
    status: MaterialStatus
    reasons: tuple[Reason, ...]  # what the status rests on; applicant problems first
    clerk_tasks: tuple[Reason, ...]  # what the clerk must still do before accepting

    @property
    def key(self) -> str:
        return self.requirement.key

    @property
    def blocking(self) -> bool:
        """Missing or defective, and needed: acceptance waits for it (or for its deferral)."""
        return self.status in (MaterialStatus.MISSING, MaterialStatus.DEFECTIVE) and (
            self.requirement.necessity is not Necessity.OPTIONAL
        )

    @property
    def problems(self) -> tuple[Reason, ...]:
        """The applicant's part: what a one-time notice lists for this material."""
        return tuple(r for r in self.reasons if r.code in APPLICANT_REASONS)


def _received_problems(req: MaterialRequirement, rec: MaterialRecord) -> list[Reason]:
    problems: list[Reason] = []
    if req.form is not MaterialForm.ELECTRONIC and rec.copies < req.copies:
        problems.append(Reason(ReasonCode.COPIES_SHORT, req.key, have=rec.copies, need=req.copies))
    if req.original_check and not rec.original_checked:
        problems.append(Reason(ReasonCode.ORIGINAL_NOT_CHECKED, req.key))
    problems += [Reason(ReasonCode.DEFECT_NOTED, req.key, text=d) for d in rec.defects]
    return problems


def _replaced(req: MaterialRequirement, rec: MaterialRecord) -> MaterialState | Reason:
    """Replaced by its e-licence, or why not: the item accepts none, or the registry did not
    confirm the typed number (it is then missing like any material not brought)."""
    number = (rec.elicence_number or "").strip()
    if rec.elicence_check == "failed":
        return Reason(ReasonCode.ELICENCE_VERIFY_FAILED, req.key, text=number)
    if req.elicence_type is None:
        return Reason(ReasonCode.ELICENCE_NOT_ACCEPTED, req.key)
    reasons = [Reason(ReasonCode.REPLACED_BY_ELICENCE, req.key, text=number)]
    if rec.elicence is None and rec.elicence_check != "verified":
        reasons.append(Reason(ReasonCode.ELICENCE_TO_VERIFY, req.key))
    return MaterialState(req, rec, MaterialStatus.REPLACED, tuple(reasons), ())


def _not_received(
    req: MaterialRequirement,
    rec: MaterialRecord,
    *,
    commitment_allowed: bool = True,
    commitment_blocker: ReasonCode = ReasonCode.COMMITMENT_EXCLUDED,
) -> MaterialState:
    key = req.key
    notes: list[Reason] = []
    if rec.committed:
        if not req.commitment:
            notes.append(Reason(ReasonCode.NOT_COMMITTABLE, key))
        elif not commitment_allowed:
            notes.append(Reason(commitment_blocker, key))
        else:
            reason = Reason(ReasonCode.COMMITTED, key)
            return MaterialState(req, rec, MaterialStatus.COMMITTED, (reason,), ())
    if rec.elicence_number is not None:
        replaced = _replaced(req, rec)
        if isinstance(replaced, MaterialState):
            return replaced
        notes.append(replaced)
    if rec.deferred:
        if req.necessity is Necessity.DEFERRABLE:
            if rec.supply_by is None:
                task = Reason(ReasonCode.SUPPLY_BY_MISSING, key)
                return MaterialState(req, rec, MaterialStatus.DEFERRED, (), (task,))
            reason = Reason(ReasonCode.DEFERRED_UNTIL, key, on=rec.supply_by)
            return MaterialState(req, rec, MaterialStatus.DEFERRED, (reason,), ())
        notes.append(Reason(ReasonCode.NOT_DEFERRABLE, key))
    if req.necessity is Necessity.OPTIONAL:
        return MaterialState(req, rec, MaterialStatus.NOT_NEEDED, tuple(notes), ())
    reasons = (Reason(ReasonCode.NOT_RECEIVED, key), *notes)
    return MaterialState(req, rec, MaterialStatus.MISSING, reasons, ())


def material_state(
    req: MaterialRequirement,
    rec: MaterialRecord,
    *,
    scans_required: bool = True,
    commitment_allowed: bool = True,
    commitment_blocker: ReasonCode = ReasonCode.COMMITMENT_EXCLUDED,
) -> MaterialState:
    """Where one material stands.

    Received: complete, or defective when copies are short, the original was not checked, or
    the clerk noted a defect (an optional material's defects never block). Not received:
    replaced by an e-licence if the item accepts one, deferred if the item allows it, else
    missing (or not needed, when optional). A received material without a scan is a task for
    the clerk, not a fault of the applicant's. Committed to (告知承诺): stood in for by the
    applicant's signed commitment where the item allows it and ``commitment_allowed`` (the
    applicant is not excluded), else missing with ``commitment_blocker`` saying why.
    """
    if not rec.received:
        return _not_received(
            req,
            rec,
            commitment_allowed=commitment_allowed,
            commitment_blocker=commitment_blocker,
        )
    problems = _received_problems(req, rec)
    tasks = (Reason(ReasonCode.SCAN_MISSING, req.key),) if scans_required and not rec.scans else ()
    status = MaterialStatus.DEFECTIVE if problems else MaterialStatus.COMPLETE
    return MaterialState(req, rec, status, tuple(problems), tasks)
