"""Which instrument a decision is printed on, what it cites and who it names (docs/domain-rules.md).

A counter's 不予受理 (Administrative Licensing Law art. 32) and a back office's adverse
decision are different instruments; the latter takes the wording of the item's type: only a
licence is refused under art. 38 of the Licensing Law (不予行政许可决定书), a confirmation, a
benefit and the other types cite their own rules, which the catalogue carries per item
(``legal_basis``). Who decides, seals and hears an appeal comes from the hall's ``[papers]``
settings, a department's over the hall's; a value the hall has not set is printed as not set,
never guessed.
"""

from __future__ import annotations

from dataclasses import dataclass

from clerk_app.catalogue.types import ItemType
from clerk_app.settings import OFFICE_KEY_NAMES, OfficeSettings

LICENSING_LAW = "《中华人民共和国行政许可法》"


@dataclass(frozen=True, slots=True)
class Instrument:
    title: str  # the paper's title
    verb: str  # the decision, as its sentence says it
    procedural_basis: str  # the general rule it applies; "" where the item's own rules govern


DENIALS: dict[ItemType, Instrument] = {
    ItemType.LICENCE: Instrument(
        "不予行政许可决定书", "不予行政许可", f"{LICENSING_LAW}第三十八条第二款"
    ),
    ItemType.CONFIRMATION: Instrument("不予确认决定书", "不予确认", ""),
    ItemType.BENEFIT: Instrument("不予给付决定书", "不予给付", ""),
    ItemType.ADJUDICATION: Instrument("驳回申请决定书", "驳回申请人的裁决申请", ""),
    ItemType.AWARD: Instrument("不予奖励决定书", "不予奖励", ""),
    ItemType.OTHER_POWER: Instrument("不予批准决定书", "不予批准", ""),
    ItemType.PUBLIC_SERVICE: Instrument("不予办理决定书", "不予办理", ""),
}
ITEM_BASIS_MISSING = "〔本事项的法律依据未在事项目录中载明〕"
# The art. 32 clauses a counter applies to a licence: (五) accept, (四) notice, (一)/(二) refuse.
ACCEPT_BASIS = f"{LICENSING_LAW}第三十二条第一款第（五）项"
NOTICE_BASIS = f"{LICENSING_LAW}第三十二条第一款第（四）项"


def not_set(key: str) -> str:
    """What a paper prints for a setting the hall has not made: plainly that it is missing."""
    return f"〔{OFFICE_KEY_NAMES[key]}未设置〕"


def setting(office: OfficeSettings, key: str) -> str:
    value: str = getattr(office, key)
    return value or not_set(key)


def join_bases(*bases: str | None) -> str:
    return "及".join(b.strip() for b in bases if b and b.strip())


def denial_basis(item_type: ItemType, item_basis: str | None, decision_basis: str = "") -> str:
    """The basis of an adverse decision: the decision's own (from the back office) or the
    item's, after the general rule of its type."""
    own = decision_basis.strip() or (item_basis or "").strip()
    general = DENIALS[item_type].procedural_basis
    if not own and not general:
        return ITEM_BASIS_MISSING
    return join_bases(general, own)


def counter_basis(item_type: ItemType, item_basis: str | None, licence_clause: str) -> str:
    """A counter paper's basis: for a licence the art. 32 clause with the item's own basis; for
    the other types (not governed by the Licensing Law) the item's basis alone."""
    if item_type is ItemType.LICENCE:
        return join_bases(licence_clause, item_basis)
    return (item_basis or "").strip() or ITEM_BASIS_MISSING
