"""The one catalogue of the checklist's reasons (``ReasonCode``) in Chinese and English.

The clerk's screen shows a reason in the UI language; a paper (the one-time notice's 问题
column) always in Chinese. Both read the templates below, so a paper never carries the core's
English and the screen never drifts from the paper. A template names its material only through
:func:`reason_text`'s prefix, so a paper row that already names the material can leave it out.
"""

from __future__ import annotations

from collections.abc import Mapping

from clerk_app.intake.checklist import Reason, ReasonCode
from clerk_app.intake.rules import RefusalGround
from onewindow_base.wording import Language, Wording, date_text

REASONS: Mapping[ReasonCode, Wording] = {
    ReasonCode.NOT_RECEIVED: Wording("未提交", "not received"),
    ReasonCode.COPIES_SHORT: Wording("应交{need}份，实交{have}份", "{have} of {need} copies"),
    ReasonCode.ORIGINAL_NOT_CHECKED: Wording(
        "未出示原件供核验", "the original was not shown for checking"
    ),
    ReasonCode.DEFECT_NOTED: Wording("{text}", "{text}"),
    ReasonCode.NOT_DEFERRABLE: Wording(
        "本事项不允许容缺后补", "this item does not allow it to be deferred"
    ),
    ReasonCode.ELICENCE_NOT_ACCEPTED: Wording(
        "本事项不接受以电子证照代替", "no e-licence can stand in for it"
    ),
    ReasonCode.ELICENCE_VERIFY_FAILED: Wording(
        "电子证照（{text}）核验未通过，请提交材料", "e-licence {text} failed verification"
    ),
    ReasonCode.ELICENCE_TO_VERIFY: Wording(
        "证照号为手工录入，待同步时核验", "typed by hand: to be verified on the next sync"
    ),
    ReasonCode.SCAN_MISSING: Wording("尚未扫描存档", "no scan attached yet"),
    ReasonCode.SUPPLY_BY_MISSING: Wording(
        "已容缺，但未填写补交期限", "deferred without a date to supply it by"
    ),
    ReasonCode.REPLACED_BY_ELICENCE: Wording(
        "以电子证照（{text}）代替，免提交", "replaced by e-licence {text}"
    ),
    ReasonCode.DEFERRED_UNTIL: Wording(
        "容缺后补，于{on}前补交", "deferred, to be supplied by {on}"
    ),
    ReasonCode.ALL_COMPLETE: Wording("所需材料均已齐全", "Every required material is complete"),
    ReasonCode.MATERIAL_DEFERRED: Wording(
        "已标记容缺，只能容缺受理", "deferred, so only acceptance with deferral fits"
    ),
    ReasonCode.NOTHING_MISSING: Wording(
        "材料没有缺少或需补正之处，无需一次性告知",
        "Nothing is missing or defective: there is nothing to notify",
    ),
    ReasonCode.NOTHING_DEFERRED: Wording("没有标记容缺的材料", "No material is marked deferred"),
    ReasonCode.NOT_MARKED_DEFERRED: Wording(
        "可以容缺，但尚未标记容缺", "deferrable, but not marked deferred"
    ),
    ReasonCode.BAD_CREDIT: Wording(
        "申请人有失信记录，不适用容缺受理",
        "The applicant has a bad-credit flag, which excludes deferral",
    ),
    ReasonCode.CREDIT_UNKNOWN: Wording(
        "未能核查申请人信用状况（离线），容缺受理须经主管授权",
        "The applicant's credit status could not be checked (offline): deferral needs a "
        "supervisor's override",
    ),
    ReasonCode.SUPPLY_BY_AFTER_PROMISE: Wording(
        "补交期限{on}晚于承诺办结日期{limit}",
        "to be supplied by {on}, after the promised date {limit}",
    ),
    ReasonCode.PROMISED_DATE_UNKNOWN: Wording(
        "承诺办结日期跨入{year}年，该年度节假日安排尚未导入：受理通知书将载明"
        "“自受理之日起{need}个工作日内作出决定”，不写具体日期",
        "The promised date runs into {year}, whose holiday calendar is not loaded: the receipt "
        "promises a decision within {need} working days of acceptance, without a date",
    ),
    ReasonCode.SUPPLY_BY_UNKNOWN_YEAR: Wording(
        "补交期限{on}无法与承诺期限核对（承诺期限跨入{year}年，该年度节假日安排尚未导入），"
        "请选择{limit}或更早的日期",
        "{on} cannot be checked against the promise, which runs into {year}, whose holiday "
        "calendar is not loaded: choose a date no later than {limit}",
    ),
    ReasonCode.NOT_COMMITTABLE: Wording(
        "本事项不接受以告知承诺代替该材料", "this item does not accept a commitment for it"
    ),
    ReasonCode.COMMITMENT_EXCLUDED: Wording(
        "申请人有失信记录或曾作出虚假承诺，不适用告知承诺，须提交该材料",
        "the applicant has a bad-credit flag or a past false commitment, which excludes "
        "notify-and-commit: it must be submitted",
    ),
    ReasonCode.COMMITMENT_CREDIT_UNKNOWN: Wording(
        "未能核查申请人信用状况（离线），告知承诺须经主管授权，否则须提交该材料",
        "the applicant's credit status could not be checked (offline): notify-and-commit "
        "needs a supervisor's override, else it must be submitted",
    ),
    ReasonCode.COMMITTED: Wording(
        "以申请人签署的告知承诺书代替", "replaced by the applicant's signed commitment"
    ),
    ReasonCode.POST_CHECK_DATE_UNKNOWN: Wording(
        "核查日期暂无法确定（缺少该年度的节假日安排），导入后自动确定",
        "The post-check date is unknown (holiday calendar missing for the year); it is set "
        "once the year is loaded",
    ),
    ReasonCode.REFUSAL_GROUND: Wording("不予受理的理由：{text}", "Ground for refusal: {text}"),
    ReasonCode.REFUSAL_GROUND_STATED: Wording(
        "已记录不予受理的理由：{text}", "A ground for refusal is recorded: {text}"
    ),
    ReasonCode.NO_REFUSAL_GROUND: Wording(
        "没有不予受理的法定理由：材料不齐应一次性告知，不得不予受理",
        "No ground for refusal: missing materials call for a one-time notice, not a refusal",
    ),
    ReasonCode.REFUSAL_EXPLANATION_MISSING: Wording(
        "须写明不予受理的具体理由", "The refusal needs its reason written out"
    ),
    ReasonCode.COMPETENT_AGENCY_MISSING: Wording(
        "不属于本机关职权范围的，须告知有权受理的机关",
        "Outside this agency's remit: name the competent agency",
    ),
    ReasonCode.RELIEF_RIGHTS_MISSING: Wording(
        "须告知申请人依法享有的救济权利", "The refusal must state the applicant's relief rights"
    ),
    ReasonCode.RELIEF_PERIOD_TOO_SHORT: Wording(
        "救济期限短于法定期限（行政复议{need}日，行政诉讼6个月）",
        "Relief periods shorter than the law's (reconsideration {need} days, lawsuit 6 months)",
    ),
}

GROUNDS: Mapping[RefusalGround, Wording] = {
    RefusalGround.OUTSIDE_REMIT: Wording("不属于本机关职权范围", "outside this agency's remit"),
    RefusalGround.NO_LICENCE_NEEDED: Wording("依法不需要取得行政许可", "no licence is needed"),
}

_MATERIAL_PREFIX = {Language.ZH_CN: "{material}：", Language.EN: "{material}: "}


def ground_text(value: str | None, language: Language) -> str:
    """A refusal ground's words; an unknown value (from a newer client) is shown as it is."""
    try:
        return GROUNDS[RefusalGround(value or "")].template(language)
    except ValueError:
        return value or ""


def reason_text(
    reason: Reason,
    language: Language,
    names: Mapping[str, str] | None = None,
    *,
    with_material: bool = True,
) -> str:
    """The reason in ``language``; ``names`` maps material keys to names (else the key)."""
    template = REASONS[reason.code].template(language)
    material = (names or {}).get(reason.material or "", reason.material or "")
    if with_material and reason.material is not None:
        template = _MATERIAL_PREFIX[language] + template
    text = reason.text or ""
    if reason.code in (ReasonCode.REFUSAL_GROUND, ReasonCode.REFUSAL_GROUND_STATED):
        text = ground_text(text, language)
    return template.format(
        material=material,
        have=reason.have,
        need=reason.need,
        text=text,
        on=date_text(reason.on, language),
        limit=date_text(reason.limit, language),
        year="?" if reason.year is None else reason.year,
    )
