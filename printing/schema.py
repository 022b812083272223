"""The one way a setting is declared: its default, an English and a Chinese description.

The descriptions feed the settings reference in ``docs/deployment.*.md``
(``python -m clerk_app.settings_doc``) and the template ``config init`` writes.
"""

from __future__ import annotations

import json
from enum import Enum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from pydantic.fields import FieldInfo

# Every table of the config file: unknown keys are errors; models are values.
TABLE = ConfigDict(extra="forbid", frozen=True)


def setting(default: Any, en: str, zh: str, **constraints: Any) -> Any:
    """A field with its default (``...``: required) and its description in both languages.

    Values are never coerced (TOML has its own types: "3" is not a window number, 1 is not
    true); an enum or a choice (``choice=True``) takes its value, as the file spells it."""
    if not isinstance(default, Enum) and not constraints.pop("choice", False):
        constraints["strict"] = True
    return Field(default, description=en, json_schema_extra={"zh": zh}, **constraints)


def table(model: type[BaseModel], en: str, zh: str) -> Any:
    """A table of the file, all defaults when it is left out, with its descriptions."""
    return Field(default_factory=model, description=en, json_schema_extra={"zh": zh})


def zh_description(field: FieldInfo) -> str:
    extra = field.json_schema_extra
    return str(extra.get("zh", "")) if isinstance(extra, dict) else ""


Lang = Literal["en", "zh_CN"]


def description(field: FieldInfo, lang: Lang) -> str:
    if lang == "en":
        return field.description or ""
    return zh_description(field)


def toml_value(value: object) -> str:
    """A value as the config file spells it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Enum):
        return toml_value(value.value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # a JSON string is a TOML basic string
    return str(value)


def table_model(field: FieldInfo) -> type[BaseModel] | None:
    """The model of a field that is a table of its own, else None."""
    annotation = field.annotation
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return None
