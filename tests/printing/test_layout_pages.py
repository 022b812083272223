"""Page layout read back from real PDFs (pypdfium2): the seal and signature block stays with
the last lines of content at every length, and a deferral notice's two copies are one document
(the same number, marked 第一联/第二联, pages numbered within each copy)."""

from __future__ import annotations

import dataclasses
import re

import pytest

from printing.documents import DocumentKind, MaterialProblem, RequiredMaterial
from printing.render import render_pdf
from tests.printing import literals as samples
from tests.printing.pdfium_text import page_texts

B = samples.BRANDING
LAST_NOTICE_LINE = "本告知书所列以外的材料"


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _notice(n: int) -> bytes:
    materials = tuple(
        RequiredMaterial(f"第{i}项证明材料", MaterialProblem.MISSING, "原件及复印件各一份")
        for i in range(1, n + 1)
    )
    return render_pdf(dataclasses.replace(samples.notice(), materials=materials), B)


def test_the_seal_never_stands_alone_on_a_page_of_a_notice() -> None:
    multi_page = 0
    for n in range(8, 40):
        pages = [_squeeze(t) for t in page_texts(_notice(n))]
        multi_page += len(pages) > 1
        sealed = [i for i, text in enumerate(pages) if "申请人（签字）" in text]
        assert len(sealed) == 1, n
        page = pages[sealed[0]]
        assert "（盖章）" in page and B.agency_name in page
        assert LAST_NOTICE_LINE in page, f"{n} materials: the seal is alone on its page"
    assert multi_page >= 10  # the range crosses the page break at every offset


@pytest.mark.parametrize("reasons", range(1, 40, 2))
def test_a_refusals_seal_keeps_the_last_fields_with_it(reasons: int) -> None:
    doc = dataclasses.replace(
        samples.refusal(),
        reasons=tuple(
            f"第{i}条理由：申请事项依法不属于本行政机关职权范围。" for i in range(reasons)
        ),
    )
    pages = [_squeeze(t) for t in page_texts(render_pdf(doc, B))]
    sealed = next(t for t in pages if "申请人（签收）" in t)
    assert "咨询电话" in sealed


def test_the_deferral_notices_copies_are_one_document_marked_by_copy() -> None:
    doc = samples.deferral()
    pages = [_squeeze(t) for t in page_texts(render_pdf(doc, B))]
    assert len(pages) == 2
    number = B.document_number(DocumentKind.DEFERRAL, 2026, doc.doc_seq)
    assert all(number in page for page in pages)
    assert "第一联（申请人联）" in pages[0] and "第二联（存档联）" in pages[1]
    assert "第二联" not in pages[0] and "第一联" not in pages[1]
    for page in pages:
        assert "第1页/共1页" in page and "共2页" not in page
