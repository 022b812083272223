"""``[printing]`` and its ``[printing.branding]`` as written, and the printing settings the app
reads once the ``[printers.NAME]`` tables and the routes are resolved."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field, model_validator

from printing.config import DEFAULT_PRINTER, PrinterConfig, PrintRoutes
from printing.documents import HallBranding
from printing.schema import TABLE, setting, table

PrintRole = Literal["window", "kiosk"]
_BRANDING = HallBranding()


class BrandingTable(BaseModel):
    """``[printing.branding]``: what the hall's papers say about the hall."""

    model_config = TABLE
    agency_name: str = setting(_BRANDING.agency_name, "The agency's name.", "机构全称。")
    agency_name_en: str = setting(
        _BRANDING.agency_name_en, "The agency's name in English.", "机构英文名称。"
    )
    agency_short: str = setting(
        _BRANDING.agency_short, "Its short name in document numbers.", "文号中的机构简称。"
    )
    document_number_format: str = setting(
        _BRANDING.document_number_format,
        "Document numbers; placeholders {agency} {type} {year} {series} {seq}.",
        "文号格式；占位符 {agency} {type} {year} {series} {seq}。",
    )
    seal_label: str = setting(
        _BRANDING.seal_label, "Printed where the seal goes.", "盖章处印的字样。"
    )
    footer: str = setting(_BRANDING.footer, "The papers' footer.", "文书页脚。")
    status_url: str = setting(
        _BRANDING.status_url,
        "Where a case's status is looked up; must hold {case_number}.",
        "办件进度查询网址，须含 {case_number}。",
    )
    verify_url: str = setting(
        _BRANDING.verify_url,
        "Where a certificate is verified; must hold {certificate_number}.",
        "证照核验网址，须含 {certificate_number}。",
    )
    logo: str | None = setting(
        None,
        "A PNG logo, relative to the config file's folder.",
        "徽标 PNG 文件，相对于配置文件所在文件夹。",
    )

    @model_validator(mode="after")
    def _formats_work(self) -> BrandingTable:
        self.branding(None)  # HallBranding checks its formats and templates
        return self

    def branding(self, logo_png: bytes | None) -> HallBranding:
        return HallBranding(**self.model_dump(exclude={"logo"}), logo_png=logo_png)


class _PrintingCommon(BaseModel):
    model_config = TABLE
    role: PrintRole = setting(
        "window",
        'This PC\'s role in the routes: "window" (a counter PC) or "kiosk" (the ticket machine).',
        "本机在打印路由中的角色：window（窗口电脑）或 kiosk（取号机）。",
        choice=True,
    )
    archive_dir: str | None = setting(
        None,
        "Where archived documents and other files are kept; not set: blobs/ in the data directory.",
        "归档文书及其他文件的存放文件夹；不设则为数据目录下的 blobs/。",
    )


class PrintingTable(_PrintingCommon):
    """``[printing]`` as written."""

    routes: dict[str, str] = Field(
        default_factory=dict,
        description='[printing.routes]: "ROLE.KIND" (kiosk.ticket, window.receipt), "ROLE.*" '
        'or "*" = "PRINTER"; the most specific match wins. Not set: every paper goes to '
        "the system's default printer.",
        json_schema_extra={
            "zh": "[printing.routes]：“角色.文书类型”（kiosk.ticket、window.receipt）、“角色.*”"
            "或 “*” = “打印机名”；最具体的匹配优先。不设则全部送系统默认打印机。"
        },
    )
    branding: BrandingTable = table(
        BrandingTable,
        "What the hall's papers say about the hall.",
        "文书上的机构名称、文号格式和页脚等。",
    )


class PrintingSettings(_PrintingCommon):
    """``[printing]`` with its ``[printers.NAME]``, routes and branding resolved."""

    printers: tuple[PrinterConfig, ...] = (DEFAULT_PRINTER,)
    routes: PrintRoutes = Field(default_factory=PrintRoutes)
    branding: HallBranding = Field(default_factory=HallBranding)

    def printer(self, name: str) -> PrinterConfig | None:
        return next((p for p in self.printers if p.name == name), None)
