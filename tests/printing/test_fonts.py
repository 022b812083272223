"""Rare characters print with the fallback font; a character no font has stops the paper."""

from __future__ import annotations

import dataclasses

import pytest

from printing.documents import Party
from printing.escpos import EscposMode, EscposOptions, ticket_escpos
from printing.fonts import FALLBACK_A, FALLBACK_B, FONT_FILES, MissingGlyph, Style, fonts
from printing.pages import render_pages
from printing.render import render_pdf
from tests.printing import literals
from tests.printing.helpers import pdf_fonts, pdf_text

RARE_NAME = "吉𠮷𡉃"  # 𠮷 U+20BB7 and 𡉃 U+21243: CJK Extension B
NO_FONT = "\U00030000"  # CJK Extension G: in none of the bundled fonts


def test_runs_pick_the_fallback_for_extension_a_and_b() -> None:
    runs = fonts().runs("张㐀𠮷伟", Style.SANS)
    assert runs == [(Style.SANS, "张"), (FALLBACK_A, "㐀"), (FALLBACK_B, "𠮷"), (Style.SANS, "伟")]
    # Titles: Song first, sans for what GB 2312 lacks, then the fallbacks.
    assert fonts().runs("镕𡉃", Style.SONG) == [(Style.SANS, "镕"), (FALLBACK_B, "𡉃")]


def test_a_rare_name_is_printed_with_the_extension_b_font() -> None:
    doc = dataclasses.replace(
        literals.receipt(), applicant=Party(name=RARE_NAME, id_number="220102199003071235")
    )
    pdf = render_pdf(doc, literals.BRANDING)
    used = pdf_fonts(pdf)
    assert "HanaMinB" in used, used
    assert used == {"WenQuanYiMicroHei", "BousungEG-Light-GB", "HanaMinB"}  # all embedded, ours
    assert RARE_NAME in pdf_text(
        pdf
    )  # copied and searched as itself (surrogate pairs in ToUnicode)
    # And something dark is drawn where the name is: render the page, not only the text layer.
    darkest = render_pages(pdf, 72)[0].convert("L").getextrema()[0]
    assert isinstance(darkest, int | float) and darkest < 100


def test_the_embedded_fonts_are_subsets() -> None:
    pdf = render_pdf(literals.receipt(), literals.BRANDING)
    assert len(pdf) < 200_000  # the body font alone is 5 MB: only the used glyphs are embedded


def test_a_character_no_font_has_is_a_clear_error() -> None:
    doc = dataclasses.replace(literals.receipt(), applicant=Party(name=f"王{NO_FONT}"))
    with pytest.raises(MissingGlyph) as caught:
        render_pdf(doc, literals.BRANDING)
    assert caught.value.code_point == "U+30000"
    assert "U+30000" in str(caught.value) and NO_FONT in str(caught.value)


def test_the_image_mode_ticket_refuses_it_too() -> None:
    doc = dataclasses.replace(literals.ticket(), service_name_zh=f"办{NO_FONT}")
    with pytest.raises(MissingGlyph, match="U\\+30000"):
        ticket_escpos(doc, EscposOptions(mode=EscposMode.IMAGE))


def test_variation_selectors_are_dropped_not_refused() -> None:
    assert fonts().runs("葛\U000e0100", Style.SANS) == [(Style.SANS, "葛")]


def test_fonts_are_registered_once_per_process() -> None:
    first = fonts()
    render_pdf(literals.receipt(), literals.BRANDING)
    loads = first.loads
    render_pdf(literals.certificate(), literals.BRANDING)
    render_pdf(literals.receipt(), literals.BRANDING)
    assert fonts() is first
    assert first.loads == loads <= len(FONT_FILES)


def test_bundled_fonts_come_with_their_licences() -> None:
    folder = fonts().path(Style.SANS).parent
    for spec in FONT_FILES.values():
        assert (folder / spec.file).is_file()
    licences = {p.name for p in folder.glob("LICENSE-*.txt")}
    assert licences == {
        "LICENSE-wqy-microhei.txt",
        "LICENSE-arphic-gbsn00lp.txt",
        "LICENSE-droid-sans-fallback.txt",
        "LICENSE-hanazono.txt",
    }
    assert (folder / "Apache-2.0.txt").is_file() and (folder / "README.md").is_file()
