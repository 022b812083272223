"""The catalogue file: typed specs, the parser that lists every problem, the writer, checksums.

The format is documented in ``docs/catalogue-format.md``. A file is parsed whole before anything
touches the database; :func:`parse` raises :class:`CatalogueRefused` with every problem found,
each with its JSON path and item code.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from clerk_app.catalogue.reader import Fields, Problems
from clerk_app.catalogue.types import (
    ApplicantKind,
    CatalogueRefusal,
    CatalogueRefused,
    Channel,
    CheckMethod,
    ELicence,
    Fee,
    Handling,
    ItemStatus,
    ItemType,
    MaterialForm,
    MaterialSource,
    Necessity,
    Problem,
    ResultKind,
)

FORMAT_NAME = "onewindow-catalogue"
FORMAT_VERSION = 1

# Lengths shared with the database columns (clerk_app/db/catalogue_models.py).
NAME_ZH_MAX, NAME_EN_MAX = 200, 300
MATERIAL_ZH_MAX, MATERIAL_EN_MAX = 300, 400
TEXT_MAX, REF_MAX, LABEL_MAX, SOURCE_MAX = 4000, 500, 64, 500
LIMIT_DAYS_MAX = 3650

LABEL = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:+-]*")
ITEM_CODE = re.compile(r"[0-9A-Z]{1,36}")
BASIC_CODE = re.compile(r"[0-9A-Z]{12}")
LOCAL_CODE = re.compile(r"[0-9A-Za-z._-]{1,64}")
PART_CODE = re.compile(r"[0-9A-Za-z_.-]{1,32}")
LICENCE_TYPE = re.compile(r"[0-9A-Za-z_.-]{1,64}")
PAPER_SIZES = ("A3", "A4", "A5")

ITEM_KEYS = frozenset(
    [
        "code",
        "basic_code",
        "local_code",
        "version",
        "status",
        "name_zh",
        "name_en",
        "type",
        "department_zh",
        "department_en",
        "region",
        "applicant_kinds",
        "statutory_limit_days",
        "promised_limit_days",
        "handling",
        "visits",
        "channels",
        "fees",
        "fee_note",
        "result",
        "legal_basis",
        "sources",
        "situations",
        "materials",
        "demo_fields",
        "notify_commit",
        "post_check_days",
    ]
)
MATERIAL_KEYS = frozenset(
    [
        "code",
        "name_zh",
        "name_en",
        "form",
        "copies",
        "paper_size",
        "necessity",
        "source",
        "e_licence",
        "acceptance_standard",
        "notes",
        "check",
        "blank_form",
        "sample",
        "legal_basis",
        "situations",
        "demo_fields",
        "commitment",
    ]
)
TOP_KEYS = frozenset(["format", "format_version", "version", "source", "note", "items"])


@dataclass(frozen=True, slots=True, kw_only=True)
class SituationSpec:
    code: str
    name_zh: str
    name_en: str


@dataclass(frozen=True, slots=True, kw_only=True)
class MaterialSpec:
    code: str
    name_zh: str
    name_en: str
    form: MaterialForm
    copies: int
    paper_size: str | None
    necessity: Necessity
    source: MaterialSource
    e_licence: ELicence | None
    acceptance_standard: str | None
    notes: str | None
    check: CheckMethod
    blank_form: str | None
    sample: str | None
    legal_basis: str | None
    situations: tuple[str, ...]  # situation codes; empty: every situation
    demo_fields: tuple[str, ...]  # fields holding invented demo values, not published ones
    commitment: bool = False  # 告知承诺: a signed commitment may stand in for it


@dataclass(frozen=True, slots=True, kw_only=True)
class ItemSpec:
    code: str  # 实施编码: unique in a catalogue version; (code, version) is immutable
    basic_code: str  # 基本编码
    local_code: str | None
    version: int
    status: ItemStatus
    name_zh: str
    name_en: str
    item_type: ItemType
    department_zh: str
    department_en: str
    region: str | None
    applicant_kinds: tuple[ApplicantKind, ...]
    statutory_limit_days: int | None
    promised_limit_days: int
    handling: Handling
    visits: int
    channels: tuple[Channel, ...]
    fees: tuple[Fee, ...]
    fee_note: str | None
    result_name_zh: str
    result_name_en: str
    result_kind: ResultKind
    legal_basis: str | None
    sources: tuple[str, ...]
    situations: tuple[SituationSpec, ...]
    materials: tuple[MaterialSpec, ...]
    demo_fields: tuple[str, ...]
    notify_commit: bool = False  # 告知承诺制 offered for the materials flagged ``commitment``
    post_check_days: int | None = None  # 事中事后核查 within; None: the hall's default


@dataclass(frozen=True, slots=True, kw_only=True)
class CatalogueDocument:
    version: str  # the catalogue version label, immutable once imported
    source: str
    note: str | None
    items: tuple[ItemSpec, ...]


# ---------------------------------------------------------------------------- writing
def _drop_none(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v is not None}


def material_json(m: MaterialSpec) -> dict[str, Any]:
    licence = m.e_licence
    return _drop_none(
        {
            "code": m.code,
            "name_zh": m.name_zh,
            "name_en": m.name_en,
            "form": m.form.value,
            "copies": m.copies,
            "paper_size": m.paper_size,
            "necessity": m.necessity.value,
            "source": m.source.value,
            "e_licence": None
            if licence is None
            else {
                "type": licence.type_code,
                "name_zh": licence.name_zh,
                "name_en": licence.name_en,
            },
            "acceptance_standard": m.acceptance_standard,
            "notes": m.notes,
            "check": m.check.value,
            "blank_form": m.blank_form,
            "sample": m.sample,
            "legal_basis": m.legal_basis,
            "situations": list(m.situations),
            "demo_fields": list(m.demo_fields),
            "commitment": True if m.commitment else None,
        }
    )


def item_json(item: ItemSpec) -> dict[str, Any]:
    return _drop_none(
        {
            "code": item.code,
            "basic_code": item.basic_code,
            "local_code": item.local_code,
            "version": item.version,
            "status": item.status.value,
            "name_zh": item.name_zh,
            "name_en": item.name_en,
            "type": item.item_type.value,
            "department_zh": item.department_zh,
            "department_en": item.department_en,
            "region": item.region,
            "applicant_kinds": [k.value for k in item.applicant_kinds],
            "statutory_limit_days": item.statutory_limit_days,
            "promised_limit_days": item.promised_limit_days,
            "handling": item.handling.value,
            "visits": item.visits,
            "channels": [c.value for c in item.channels],
            "fees": [
                _drop_none(
                    {
                        "name_zh": f.name_zh,
                        "name_en": f.name_en,
                        "amount_fen": f.amount_fen,
                        "basis": f.basis,
                    }
                )
                for f in item.fees
            ],
            "fee_note": item.fee_note,
            "result": {
                "name_zh": item.result_name_zh,
                "name_en": item.result_name_en,
                "kind": item.result_kind.value,
            },
            "legal_basis": item.legal_basis,
            "sources": list(item.sources),
            "situations": [
                {"code": s.code, "name_zh": s.name_zh, "name_en": s.name_en}
                for s in item.situations
            ],
            "materials": [material_json(m) for m in item.materials],
            "demo_fields": list(item.demo_fields),
            "notify_commit": True if item.notify_commit else None,
            "post_check_days": item.post_check_days,
        }
    )


def document_json(doc: CatalogueDocument) -> dict[str, Any]:
    return _drop_none(
        {
            "format": FORMAT_NAME,
            "format_version": FORMAT_VERSION,
            "version": doc.version,
            "source": doc.source,
            "note": doc.note,
            "items": [item_json(item) for item in doc.items],
        }
    )


def dumps(doc: CatalogueDocument) -> str:
    return json.dumps(document_json(doc), ensure_ascii=False, indent=2) + "\n"


def _digest(data: object) -> str:
    canonical = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def item_checksum(item: ItemSpec) -> str:
    """What makes an item version: the same code and version must always hash the same."""
    return _digest(item_json(item))


def document_checksum(doc: CatalogueDocument) -> str:
    return _digest(document_json(doc))


# ---------------------------------------------------------------------------- reading
def load_file(path: Path) -> CatalogueDocument:
    """Read and parse a catalogue file; every problem is reported at once."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        problem = Problem("(file)", f"cannot read {path}: {exc.strerror or exc}")
        raise CatalogueRefused(CatalogueRefusal.INVALID_FILE, (problem,)) from None
    return loads(data)


def loads(data: bytes | str) -> CatalogueDocument:
    try:
        text = data.decode("utf-8-sig") if isinstance(data, bytes) else data
    except UnicodeDecodeError as exc:
        problem = Problem("(file)", f"not UTF-8 text (byte {exc.start})")
        raise CatalogueRefused(CatalogueRefusal.INVALID_FILE, (problem,)) from None
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        problem = Problem(
            "(file)", f"not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
        )
        raise CatalogueRefused(CatalogueRefusal.INVALID_FILE, (problem,)) from None
    return parse(raw)


def parse(raw: object) -> CatalogueDocument:
    problems = Problems()
    doc = _document(raw, problems)
    if problems.items or doc is None:
        raise CatalogueRefused(CatalogueRefusal.INVALID_FILE, tuple(problems.items))
    return doc


def _document(raw: object, problems: Problems) -> CatalogueDocument | None:
    f = Fields(raw, "", problems, TOP_KEYS)
    if not f.ok:
        return None
    if f.raw.get("format") != FORMAT_NAME:
        problems.add("format", f"must be {FORMAT_NAME!r}")
    if f.raw.get("format_version") != FORMAT_VERSION:
        problems.add("format_version", f"must be {FORMAT_VERSION} (this program reads that one)")
        return None  # the rest would be read with the wrong rules
    version = f.text("version", max_len=LABEL_MAX, pattern=LABEL)
    source = f.text("source", max_len=SOURCE_MAX)
    note = f.optional_text("note", max_len=TEXT_MAX)
    items: list[ItemSpec] = []
    seen: dict[str, str] = {}
    for path, value in f.objects("items", non_empty=True):
        item = _item(value, path, problems)
        if item is None:
            continue
        if item.code in seen:
            problems.item_code = item.code
            problems.add(f"{path}.code", f"the code is also used by {seen[item.code]}")
        seen.setdefault(item.code, path)
        items.append(item)
    problems.item_code = None
    return CatalogueDocument(version=version, source=source, note=note, items=tuple(items))


def _item(raw: object, path: str, problems: Problems) -> ItemSpec | None:
    before = len(problems)
    code = raw.get("code") if isinstance(raw, dict) else None
    problems.item_code = code if isinstance(code, str) else None
    f = Fields(raw, path, problems, ITEM_KEYS)
    if not f.ok:
        return None
    situations = _situations(f)
    codes = tuple(s.code for s in situations)
    materials = tuple(
        m
        for p, v in f.objects("materials", non_empty=True)
        if (m := _material(v, p, problems, codes)) is not None
    )
    result_path, result_raw = f.object("result")
    result = Fields(result_raw, result_path, problems, frozenset({"name_zh", "name_en", "kind"}))
    item = ItemSpec(
        code=f.text("code", max_len=36, pattern=ITEM_CODE),
        basic_code=f.text("basic_code", max_len=12, pattern=BASIC_CODE),
        local_code=f.optional_text("local_code", max_len=64, pattern=LOCAL_CODE),
        version=f.integer("version", low=1, high=1_000_000),
        status=f.choice("status", ItemStatus),
        name_zh=f.text("name_zh", max_len=NAME_ZH_MAX),
        name_en=f.text("name_en", max_len=NAME_EN_MAX),
        item_type=f.choice("type", ItemType),
        department_zh=f.text("department_zh", max_len=NAME_ZH_MAX),
        department_en=f.text("department_en", max_len=NAME_EN_MAX),
        region=f.optional_text("region", max_len=NAME_ZH_MAX),
        applicant_kinds=f.choices("applicant_kinds", ApplicantKind, non_empty=True),
        statutory_limit_days=f.optional_integer("statutory_limit_days", low=1, high=LIMIT_DAYS_MAX),
        promised_limit_days=f.integer("promised_limit_days", low=0, high=LIMIT_DAYS_MAX),
        handling=f.choice("handling", Handling),
        visits=f.integer("visits", low=0, high=2),
        channels=f.choices("channels", Channel, non_empty=True),
        fees=tuple(x for p, v in f.objects("fees", non_empty=False) if (x := _fee(v, p, problems))),
        fee_note=f.optional_text("fee_note", max_len=TEXT_MAX),
        result_name_zh=result.text("name_zh", max_len=NAME_ZH_MAX) if result.ok else "",
        result_name_en=result.text("name_en", max_len=NAME_EN_MAX) if result.ok else "",
        result_kind=result.choice("kind", ResultKind),
        legal_basis=f.optional_text("legal_basis", max_len=TEXT_MAX),
        sources=f.texts("sources", max_len=REF_MAX, required=False),
        situations=situations,
        materials=materials,
        demo_fields=f.texts("demo_fields", max_len=64, required=False),
        notify_commit=f.flag("notify_commit"),
        post_check_days=f.optional_integer("post_check_days", low=1, high=LIMIT_DAYS_MAX),
    )
    _check_item(item, path, problems, before)
    return item if len(problems) == before else None


def _situations(f: Fields) -> tuple[SituationSpec, ...]:
    result: list[SituationSpec] = []
    keys = frozenset({"code", "name_zh", "name_en"})
    for path, value in f.objects("situations", non_empty=True):
        s = Fields(value, path, f.problems, keys)
        if not s.ok:
            continue
        spec = SituationSpec(
            code=s.text("code", max_len=32, pattern=PART_CODE),
            name_zh=s.text("name_zh", max_len=NAME_ZH_MAX),
            name_en=s.text("name_en", max_len=NAME_EN_MAX),
        )
        if spec.code and spec.code in {x.code for x in result}:
            f.problems.add(f"{path}.code", f"situation {spec.code!r} is listed twice")
        result.append(spec)
    return tuple(result)


def _fee(raw: object, path: str, problems: Problems) -> Fee | None:
    f = Fields(raw, path, problems, frozenset({"name_zh", "name_en", "amount_fen", "basis"}))
    if not f.ok:
        return None
    return Fee(
        name_zh=f.text("name_zh", max_len=NAME_ZH_MAX),
        name_en=f.text("name_en", max_len=NAME_EN_MAX),
        amount_fen=f.optional_integer("amount_fen", low=0, high=100_000_000_00),
        basis=f.optional_text("basis", max_len=TEXT_MAX),
    )


def _licence(f: Fields) -> ELicence | None:
    found = f.optional_object("e_licence")
    if found is None:
        return None
    lf = Fields(found[1], found[0], f.problems, frozenset({"type", "name_zh", "name_en"}))
    if not lf.ok:
        return None
    return ELicence(
        type_code=lf.text("type", max_len=64, pattern=LICENCE_TYPE),
        name_zh=lf.text("name_zh", max_len=NAME_ZH_MAX),
        name_en=lf.text("name_en", max_len=NAME_EN_MAX),
    )


def _material(
    raw: object, path: str, problems: Problems, situation_codes: tuple[str, ...]
) -> MaterialSpec | None:
    before = len(problems)
    f = Fields(raw, path, problems, MATERIAL_KEYS)
    if not f.ok:
        return None
    paper = f.optional_text("paper_size", max_len=8)
    if paper is not None and paper not in PAPER_SIZES:
        problems.add(f"{path}.paper_size", f"must be one of {', '.join(PAPER_SIZES)}")
    applies = f.texts("situations", max_len=32, required=False)
    for index, code in enumerate(applies):
        if code not in situation_codes:
            problems.add(f"{path}.situations[{index}]", f"no situation {code!r} in this item")
    applies = tuple(code for code in situation_codes if code in applies)  # the item's order
    spec = MaterialSpec(
        code=f.text("code", max_len=32, pattern=PART_CODE),
        name_zh=f.text("name_zh", max_len=MATERIAL_ZH_MAX),
        name_en=f.text("name_en", max_len=MATERIAL_EN_MAX),
        form=f.choice("form", MaterialForm),
        copies=f.integer("copies", low=1, high=99),
        paper_size=paper,
        necessity=f.choice("necessity", Necessity),
        source=f.choice("source", MaterialSource),
        e_licence=_licence(f),
        acceptance_standard=f.optional_text("acceptance_standard", max_len=TEXT_MAX),
        notes=f.optional_text("notes", max_len=TEXT_MAX),
        check=f.choice("check", CheckMethod),
        blank_form=f.optional_text("blank_form", max_len=REF_MAX),
        sample=f.optional_text("sample", max_len=REF_MAX),
        legal_basis=f.optional_text("legal_basis", max_len=TEXT_MAX),
        situations=applies,
        demo_fields=f.texts("demo_fields", max_len=64, required=False),
        commitment=f.flag("commitment"),
    )
    if spec.commitment and spec.necessity is Necessity.OPTIONAL:
        problems.add(f"{path}.commitment", "an optional material needs no commitment")
    _check_demo_fields(spec.demo_fields, MATERIAL_KEYS, f"{path}.demo_fields", problems)
    return spec if len(problems) == before else None


def _check_demo_fields(
    names: tuple[str, ...], allowed: frozenset[str], path: str, problems: Problems
) -> None:
    for index, name in enumerate(names):
        if name not in allowed - {"demo_fields"}:
            problems.add(f"{path}[{index}]", f"{name!r} is not a field of this object")


def _check_item(item: ItemSpec, path: str, problems: Problems, mark: int) -> None:
    """Rules across fields, each checked only when the fields it reads were read cleanly."""
    statutory = item.statutory_limit_days
    limits = (f"{path}.promised_limit_days", f"{path}.statutory_limit_days", f"{path}.handling")
    if not problems.clean_since(mark, *limits):
        pass
    elif statutory is not None and item.promised_limit_days > statutory:
        problems.add(
            f"{path}.promised_limit_days",
            f"the promised limit ({item.promised_limit_days}) exceeds the statutory limit "
            f"({statutory})",
        )
    elif item.handling is Handling.PROMISED and item.promised_limit_days < 1:
        problems.add(f"{path}.promised_limit_days", "a promised-deadline item needs at least 1 day")
    codes = [m.code for m in item.materials]
    for index, code in enumerate(codes):
        if code in codes[:index]:
            problems.add(f"{path}.materials[{index}].code", f"material {code!r} is listed twice")
    parts = (f"{path}.situations", f"{path}.materials")
    for index, situation in enumerate(
        item.situations if problems.clean_since(mark, *parts) else ()
    ):
        if not any(
            m.necessity is Necessity.REQUIRED
            and (not m.situations or situation.code in m.situations)
            for m in item.materials
        ):
            problems.add(
                f"{path}.situations[{index}]",
                f"situation {situation.code!r} has no required material",
            )
    _check_commitment(item, path, problems)
    _check_demo_fields(item.demo_fields, ITEM_KEYS, f"{path}.demo_fields", problems)


def _check_commitment(item: ItemSpec, path: str, problems: Problems) -> None:
    """告知承诺制: flagged materials only in an item that offers it, and such an item flags
    at least one; a post-check period only where there is something to check."""
    flagged = [i for i, m in enumerate(item.materials) if m.commitment]
    if not item.notify_commit:
        for index in flagged:
            problems.add(
                f"{path}.materials[{index}].commitment",
                "the item does not offer notify-and-commit (notify_commit)",
            )
        if item.post_check_days is not None:
            problems.add(f"{path}.post_check_days", "only an item with notify_commit has one")
    elif not flagged:
        problems.add(f"{path}.notify_commit", "no material of the item is flagged commitment")
