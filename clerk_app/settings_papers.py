"""``[papers]``: who decides, seals and answers, as the hall's papers say it."""

from __future__ import annotations

import dataclasses

from pydantic import BaseModel, ConfigDict, Field

from printing.schema import TABLE, setting


class OfficeSettings(BaseModel):
    """What the papers say about who decides, seals and answers: ``[papers]`` for the hall,
    ``[papers.departments."部门"]`` for one department (named as in the catalogue), whose
    values override the hall's. An empty value is not set: the paper says so, never a guess.
    The Chinese description is the name a paper prints where the value is missing.
    """

    model_config = ConfigDict(**TABLE, str_strip_whitespace=True)
    licensing_body: str = setting(
        "", "The body that decides and is named on its decisions.", "作出决定的行政机关"
    )
    counter_seal: str = setting(
        "", "The seal on the counter's papers (the center's 受理专用章).", "受理专用章"
    )
    decision_seal: str = setting("", "The seal on the department's decisions.", "决定机关印章")
    reconsideration_body: str = setting(
        "", "复议机关: the government at the same level.", "行政复议机关"
    )
    court: str = setting("", "The court a lawsuit goes to.", "管辖法院")
    consultation_phone: str = setting("", "The phone number for questions.", "咨询电话")
    deferral_measure: str = setting(
        "", "The local 容缺受理 measure, as cited on the deferral notice.", "容缺受理办法"
    )
    pickup_wording: str = setting(
        "", "How the result is collected, as the receipt says it.", "取件方式"
    )

    def over(self, base: OfficeSettings) -> OfficeSettings:
        """These values where set, else ``base``'s."""
        return base.model_copy(update={k: v for k, v in self if v})


@dataclasses.dataclass(frozen=True, slots=True)
class PapersSettings:
    """``[papers]``: the hall's values and each department's overrides."""

    hall: OfficeSettings = dataclasses.field(default_factory=OfficeSettings)
    departments: tuple[tuple[str, OfficeSettings], ...] = ()

    @property
    def configured(self) -> bool:
        return self != PapersSettings()

    def office(self, department: str) -> OfficeSettings:
        """The department's values over the hall's."""
        own = dict(self.departments).get(department)
        return self.hall if own is None else own.over(self.hall)


class PapersTable(OfficeSettings):
    """``[papers]`` as written: the hall's values and ``[papers.departments."部门"]``."""

    departments: dict[str, OfficeSettings] = Field(
        default_factory=dict,
        description="One table per department, named as in the catalogue: "
        '[papers.departments."市场监督管理局"], with the keys above; its values override the '
        "hall's.",
        json_schema_extra={
            "zh": '每个部门一张表，名称与事项目录一致：[papers.departments."市场监督管理局"]，'
            "键同上，其值覆盖大厅的设置。"
        },
    )

    def resolve(self) -> PapersSettings:
        hall = OfficeSettings(**self.model_dump(exclude={"departments"}))
        return PapersSettings(hall, tuple(self.departments.items()))
