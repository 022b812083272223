"""The PDF copy of a licence this server issued: one A4 page with what the registry holds.

The counter prints the certificate itself (with its seal); this copy is what a later case
attaches when the licence stands in for a material (免提交). The built-in STSong-Light CID font
needs no font file: the server ships none.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

FONT = "STSong-Light"


@dataclass(frozen=True, slots=True)
class CopyFields:
    title: str
    number: str
    holder_name: str
    holder_masked: str
    issuer: str
    valid_from: dt.date
    valid_until: dt.date | None
    issued_at: dt.datetime


def render_copy(fields: CopyFields) -> bytes:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4, invariant=True)
    page.setTitle(f"{fields.title} {fields.number}")
    width, height = A4
    page.setFont(FONT, 22)
    page.drawCentredString(width / 2, height - 120, fields.title)
    page.setFont(FONT, 12)
    until = fields.valid_until.isoformat() if fields.valid_until else "长期"
    lines = (
        f"证照编号：{fields.number}",
        f"持证主体：{fields.holder_name}（{fields.holder_masked}）",
        f"发证机关：{fields.issuer}",
        f"有效期限：{fields.valid_from.isoformat()} 至 {until}",
        f"签发时间：{fields.issued_at.strftime('%Y-%m-%d %H:%M')}",
        "电子证照复制件（由中心服务器签发登记，供免提交核验使用）",
    )
    for row, text in enumerate(lines):
        page.drawString(72, height - 190 - row * 26, text)
    page.showPage()
    page.save()
    return out.getvalue()
