"""What a scanned barcode is: a case's receipt code, an appointment, or something else.

The patterns are the hall's (configurable): receipts print the case number in their barcode,
appointment slips their reference. The UI routes the code (open the case, check the
appointment in) by its kind.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum


class CodeKind(StrEnum):
    RECEIPT = "receipt"
    APPOINTMENT = "appointment"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class CodeRules:
    receipt: str = r"[A-Z0-9]{2,12}-?\d{4,8}-?\d{3,8}"  # e.g. CC01-20261124-0007
    appointment: str = r"(?:YY|APT)-?[A-Z0-9]{4,24}"  # e.g. YY-8K2Q7Z


@dataclass(frozen=True, slots=True)
class ScannedCode:
    kind: CodeKind
    value: str


def classify(text: str, rules: CodeRules | None = None) -> ScannedCode:
    """Normalise what the scanner typed (width, case, spaces) and name its kind."""
    rules = rules or CodeRules()
    value = unicodedata.normalize("NFKC", text).strip().upper()
    if re.fullmatch(rules.appointment, value):
        return ScannedCode(CodeKind.APPOINTMENT, value)
    if re.fullmatch(rules.receipt, value):
        return ScannedCode(CodeKind.RECEIPT, value)
    return ScannedCode(CodeKind.UNKNOWN, value)
