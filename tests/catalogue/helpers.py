"""Small catalogue documents built in code, so each test states exactly what it relies on."""

from __future__ import annotations

import copy
from typing import Any

from clerk_app.catalogue.format import CatalogueDocument, parse


def material(code: str, name_zh: str, **extra: Any) -> dict[str, Any]:
    return {
        "code": code,
        "name_zh": name_zh,
        "name_en": f"{name_zh} (en)",
        "form": "original",
        "copies": 1,
        "necessity": "required",
        "source": "applicant",
        "check": "keep_original",
        **extra,
    }


def item(
    code: str, name_zh: str, department_zh: str = "市场监督管理局", **extra: Any
) -> dict[str, Any]:
    return {
        "code": code,
        "basic_code": code[-12:].rjust(12, "0"),
        "version": 1,
        "status": "in_force",
        "name_zh": name_zh,
        "name_en": f"{name_zh} (en)",
        "type": "licence",
        "department_zh": department_zh,
        "department_en": "Market Regulation Bureau",
        "applicant_kinds": ["legal_person"],
        "statutory_limit_days": 20,
        "promised_limit_days": 5,
        "handling": "promised",
        "visits": 1,
        "channels": ["window"],
        "fees": [],
        "result": {"name_zh": "许可证", "name_en": "Licence", "kind": "licence"},
        "sources": [],
        "situations": [
            {"code": "01", "name_zh": "新办", "name_en": "New"},
            {"code": "02", "name_zh": "委托办理", "name_en": "Through an agent"},
        ],
        "materials": [
            material("M01", "申请书"),
            material("M02", "授权委托书", situations=["02"]),
            material("M03", "场所使用证明", necessity="deferrable", form="copy"),
        ],
        **extra,
    }


def raw_document(version: str = "v1", items: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {
        "format": "onewindow-catalogue",
        "format_version": 1,
        "version": version,
        "source": "tests",
        "items": items
        if items is not None
        else [
            item("220100000000000001", "食品经营许可"),
            item("220100000000000002", "营业执照办理"),
            item("220100000000000003", "结婚登记", "民政局", type="confirmation"),
        ],
    }


def document(version: str = "v1", items: list[dict[str, Any]] | None = None) -> CatalogueDocument:
    return parse(raw_document(version, items))


def changed(raw: dict[str, Any], index: int, **fields: Any) -> dict[str, Any]:
    result = copy.deepcopy(raw)
    result["items"][index].update(fields)
    return result
