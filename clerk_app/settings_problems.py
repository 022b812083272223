"""One validation of a config document, for the app and for ``config check``: every problem
of the file, each named by its path (``printers.ticket.port must be at least 1, not 0``)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from clerk_app.settings_schema import ConfigFile, PrintingSettings, Settings
from printing.config import DEFAULT_PRINTER, PRINTER_KINDS, PrintRoutes

_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")
_KINDS = {str(model.model_fields["kind"].default) for model in PRINTER_KINDS}


def validate_document(raw: Mapping[str, Any], base: Path) -> tuple[Settings | None, list[str]]:
    """The settings of a parsed config file, or None with every problem; ``base`` is the
    file's folder (relative file names)."""
    try:
        file = ConfigFile.model_validate(raw)
    except ValidationError as exc:
        return None, [problem_text(error) for error in exc.errors(include_url=False)]
    problems = _route_problems(file)
    logo_png, logo_problem = _logo(file, base)
    problems += logo_problem
    if problems:
        return None, problems
    printers = tuple(p.model_copy(update={"name": name}) for name, p in file.printers.items())
    if DEFAULT_PRINTER.name not in file.printers:
        printers = (*printers, DEFAULT_PRINTER)
    table = file.printing
    printing = PrintingSettings(
        role=table.role,
        archive_dir=table.archive_dir,
        printers=printers,
        routes=PrintRoutes(tuple(table.routes.items())) if table.routes else PrintRoutes(),
        branding=table.branding.branding(logo_png),
    )
    sections = {name: getattr(file, name) for name in Settings.model_fields}
    return Settings(**{**sections, "printing": printing, "papers": file.papers.resolve()}), []


def _route_problems(file: ConfigFile) -> list[str]:
    names = {*file.printers, DEFAULT_PRINTER.name}
    return [
        f"printing.routes.{key} names {printer!r}, which is not a [printers.…]"
        for key, printer in file.printing.routes.items()
        if printer not in names
    ]


def _logo(file: ConfigFile, base: Path) -> tuple[bytes | None, list[str]]:
    logo = file.printing.branding.logo
    if not logo:
        return None, []
    try:
        return (base / logo).read_bytes(), []
    except OSError as exc:
        return None, [f"printing.branding.logo: cannot read {logo}: {exc}"]


def _path(loc: tuple[int | str, ...]) -> str:
    parts: list[str] = []
    for i, part in enumerate(loc):
        if i == 2 and loc[0] == "printers" and part in _KINDS:
            continue  # the union's tag, not a key of the file
        text = str(part)
        parts.append(text if _BARE_KEY.match(text) else f'"{text}"')
    return ".".join(parts)


def _model_at(loc: tuple[int | str, ...]) -> type[BaseModel] | None:
    """The model of the table at ``loc`` (None inside a printer or a department)."""
    model: type[BaseModel] | None = ConfigFile
    for part in loc:
        field = model.model_fields.get(str(part)) if model else None
        annotation = field.annotation if field else None
        model = (
            annotation
            if isinstance(annotation, type) and issubclass(annotation, BaseModel)
            else None
        )
    return model


# How each kind of pydantic error reads; {path}, {value} (the value found) and the error's
# context ({ge}, {expected} …) are filled in.
_WORDING: dict[str, str] = {
    "model_type": "[{path}] must be a table",
    "dict_type": "[{path}] must be a table",
    "int_type": "{path} must be a whole number, not {value}",
    "int_from_float": "{path} must be a whole number, not {value}",
    "string_type": "{path} must be text in quotes, not {value}",
    "bool_type": "{path} must be true or false, not {value}",
    "float_type": "{path} must be a number, not {value}",
    "greater_than_equal": "{path} must be at least {ge}, not {value}",
    "less_than_equal": "{path} must be at most {le}, not {value}",
    "greater_than": "{path} must be more than {gt}, not {value}",
    "literal_error": "{path} must be {expected}, not {value}",
    "enum": "{path} must be {expected}, not {value}",
    "union_tag_invalid": "{path}.kind must be one of {kinds}, not {tag!r}",
    "missing": "{path} must be set",
    "string_too_short": "{path} must not be empty",
}


def problem_text(error: ErrorDetails) -> str:
    """One pydantic error as the admin reads it."""
    loc = tuple(error["loc"])
    path = _path(loc)
    if error["type"] == "extra_forbidden":
        return _unknown(loc, path)
    if error["type"] == "value_error":
        message = str(error["msg"]).removeprefix("Value error, ")
        return f"{path} {message}" if message.startswith("must") else f"{path}: {message}"
    wording = _WORDING.get(error["type"])
    if wording is None:
        return f"{path}: {error['msg']}"
    kinds = ", ".join(repr(k) for k in sorted(_KINDS))
    return wording.format(
        **error.get("ctx", {}), path=path, value=repr(error.get("input")), kinds=kinds
    )


def _unknown(loc: tuple[int | str, ...], path: str) -> str:
    if len(loc) == 1:
        known = ", ".join(f"[{name}]" for name in ConfigFile.model_fields)
        return f"[{path}] is not a OneWindow table (a typo? known: {known})"
    model = _model_at(loc[:-1])
    where = _path(loc[:-1])
    known = (
        f" (a typo? [{where}] knows {', '.join(sorted(model.model_fields))})"
        if model is not None
        else ""
    )
    return f"{path} is not a OneWindow setting{known}"
