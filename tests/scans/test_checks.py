"""Intake checks on real encoded files and on files that only pretend to be pictures."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from clerk_app.scans.checks import Rejection, check_file, effective_dpi
from clerk_app.scans.sniff import DetectedType, sniff
from clerk_app.scans.types import CheckedFile, IntakeLimits, RawPage, RejectCode
from tests.scans import samples


def accepted(
    data: bytes, name: str = "scan.jpg", limits: IntakeLimits | None = None
) -> CheckedFile:
    verdict = check_file(RawPage(name, data), limits)
    assert isinstance(verdict, CheckedFile), verdict
    return verdict


def refused(data: bytes, name: str = "scan.jpg", limits: IntakeLimits | None = None) -> Rejection:
    verdict = check_file(RawPage(name, data), limits)
    assert isinstance(verdict, Rejection), verdict
    assert verdict.file_name == name
    return verdict


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"\xff\xd8\xff\xe0rest", DetectedType.JPEG),
        (b"\x89PNG\r\n\x1a\nrest", DetectedType.PNG),
        (b"II*\x00rest", DetectedType.TIFF),
        (b"MM\x00*rest", DetectedType.TIFF),
        (b"%PDF-1.7\n", DetectedType.PDF),
        (b"BM" + bytes(12) + (40).to_bytes(4, "little"), DetectedType.BMP),
        (b"BM is not enough", DetectedType.UNKNOWN),
        (b"GIF89a", DetectedType.GIF),
        (b"RIFF\x00\x00\x00\x00WEBPVP8 ", DetectedType.WEBP),
        (b"\x00\x00\x00\x18ftypheic", DetectedType.HEIF),
        (b"\x00\x00\x00\x18ftypmp42", DetectedType.VIDEO),
        (b"MZ\x90\x00", DetectedType.WINDOWS_EXECUTABLE),
        (b"\x7fELF\x02\x01", DetectedType.ELF_EXECUTABLE),
        (b"#!/bin/sh\n", DetectedType.SCRIPT),
        (b"PK\x03\x04", DetectedType.ZIP),
        (b"Rar!\x1a\x07\x00", DetectedType.RAR),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", DetectedType.OLE_DOCUMENT),
        (b"%!PS-Adobe-3.0 EPSF", DetectedType.POSTSCRIPT),
        (b"\xef\xbb\xbf  <!DOCTYPE html>", DetectedType.HTML),
        (b"<svg xmlns=", DetectedType.XML),
        (b"", DetectedType.EMPTY),
        (b"hello", DetectedType.UNKNOWN),
    ],
)
def test_files_are_known_by_their_first_bytes(data: bytes, expected: DetectedType) -> None:
    assert sniff(data) is expected


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("scan.jpg", samples.jpeg(200)),
        ("scan.png", samples.png(300)),
        ("scan.bmp", samples.encode(samples.page(150), "BMP", 150)),
        ("colour.jpg", samples.encode(samples.page(200, mode="RGB"), "JPEG", 200)),
    ],
)
def test_a_good_page_is_accepted_with_its_measures(name: str, data: bytes) -> None:
    checked = accepted(data, name)
    [page] = checked.pages
    assert page.number == 1
    assert page.dpi >= 150
    assert not page.blank_suspected
    stored = Image.open(io.BytesIO(page.data))
    assert stored.format in ("JPEG", "PNG")
    assert stored.size == (page.width, page.height)
    assert round(stored.info["dpi"][0]) == page.dpi
    thumb = Image.open(io.BytesIO(page.thumbnail))
    assert max(thumb.size) == 256


def test_a_bilevel_scan_is_stored_as_png() -> None:
    bilevel = samples.page(300).convert("1")
    [page] = accepted(samples.encode(bilevel, "TIFF", 300, compression="group4")).pages
    assert page.mime == "image/png"
    assert Image.open(io.BytesIO(page.data)).mode == "1"


def test_a_sixteen_bit_scan_becomes_eight_bit_grey() -> None:
    deep = samples.page(200).convert("I").point(lambda v: v * 256).convert("I;16")
    [page] = accepted(samples.encode(deep, "PNG", 200)).pages
    stored = Image.open(io.BytesIO(page.data))
    assert stored.mode == "L"
    assert not page.blank_suspected  # the ink survived the conversion


def test_what_a_file_hides_after_the_picture_is_not_stored() -> None:
    picture = samples.jpeg(200)
    [page] = accepted(picture + samples.zip_archive()).pages
    assert b"PK\x03\x04" not in page.data
    assert b"invoice.jpg" not in page.data


def test_every_page_of_a_multi_page_tiff_is_checked_and_numbered() -> None:
    pages = [samples.page(200, "one"), samples.page(200, "two"), samples.page(200, "three")]
    checked = accepted(samples.tiff(pages), "batch.tif")
    assert checked.detected is DetectedType.TIFF
    assert [p.number for p in checked.pages] == [1, 2, 3]


def test_a_tiff_with_one_oversized_page_is_refused_naming_the_page() -> None:
    limits = IntakeLimits(max_pixels=4_000_000)
    pages = [samples.page(150), samples.page(300), samples.page(150)]
    rejection = refused(samples.tiff(pages), "batch.tif", limits)
    assert rejection.code is RejectCode.TOO_MANY_PIXELS
    assert rejection.page == 2
    assert rejection.size == (2481, 3507)


def test_a_tiff_with_too_many_pages_is_refused() -> None:
    pages = [samples.page(150, None)] * 3
    rejection = refused(samples.tiff(pages), "many.tif", IntakeLimits(max_pages=2))
    assert (rejection.code, rejection.found, rejection.limit) == (RejectCode.TOO_MANY_PAGES, 3, 2)


def test_a_scanners_pdf_becomes_one_picture_per_page() -> None:
    checked = accepted(samples.pdf_of([samples.page(200), samples.page(200, "p2")], 200), "a.pdf")
    assert checked.detected is DetectedType.PDF
    assert [(p.number, p.dpi, p.mime) for p in checked.pages] == [
        (1, 200, "image/jpeg"),
        (2, 200, "image/jpeg"),
    ]


def test_a_born_digital_pdf_has_no_resolution_to_fail() -> None:
    checked = accepted(samples.text_pdf(2), "form.pdf")
    assert [p.dpi for p in checked.pages] == [200, 200]


def test_a_pdf_of_low_resolution_scans_is_refused() -> None:
    rejection = refused(samples.pdf_of([samples.page(100)], 100), "fax.pdf")
    assert (rejection.code, rejection.found, rejection.page) == (
        RejectCode.LOW_RESOLUTION,
        100,
        1,
    )


def test_a_pdf_declaring_a_giant_page_is_refused_before_rendering() -> None:
    rejection = refused(samples.text_pdf(1, (14400, 14400)), "poster.pdf")
    assert rejection.code is RejectCode.TOO_MANY_PIXELS
    assert rejection.size == (40000, 40000)


def test_a_password_protected_pdf_is_refused() -> None:
    assert refused(samples.encrypted_pdf(), "locked.pdf").code is RejectCode.ENCRYPTED


@pytest.mark.parametrize(
    ("name", "data", "detected"),
    [
        ("photo.jpg", samples.windows_exe(), DetectedType.WINDOWS_EXECUTABLE),
        ("scan.png", samples.zip_archive(), DetectedType.ZIP),
        ("scan.jpg", b"GIF89a" + bytes(40), DetectedType.GIF),
        ("scan.tif", b"\x7fELF" + bytes(60), DetectedType.ELF_EXECUTABLE),
        ("scan.pdf", b"just some text", DetectedType.UNKNOWN),
    ],
)
def test_a_disguised_file_is_refused_by_what_it_is(
    name: str, data: bytes, detected: DetectedType
) -> None:
    rejection = refused(data, name)
    assert rejection.code is RejectCode.UNSUPPORTED_TYPE
    assert rejection.detected is detected


@pytest.mark.parametrize(
    "data",
    [
        b"\xff\xd8\xff\xe0" + b"\x00garbage" * 50,
        samples.jpeg(200)[:4000],  # truncated
        b"\x89PNG\r\n\x1a\n" + bytes(100),
        b"%PDF-1.4\nnot really\n",
    ],
    ids=["garbage-jpeg", "truncated-jpeg", "garbage-png", "garbage-pdf"],
)
def test_a_corrupt_file_is_refused(data: bytes) -> None:
    assert refused(data).code is RejectCode.CORRUPT


def test_a_decompression_bomb_is_refused_from_its_header() -> None:
    # 8000 x 8000 declared in a few hundred bytes whose pixel data would not even decode:
    # "too many pixels", not "corrupt", shows the header was judged before any decoding.
    bomb = samples.png_bomb(8000, 8000)
    assert len(bomb) < 1000
    rejection = refused(bomb, "bomb.png")
    assert rejection.code is RejectCode.TOO_MANY_PIXELS
    assert (rejection.size, rejection.found, rejection.limit) == (
        (8000, 8000),
        64_000_000,
        50_000_000,
    )


def test_a_bomb_past_pillows_own_limit_is_refused_too() -> None:
    rejection = refused(samples.png_bomb(100_000, 100_000), "bomb.png")
    assert rejection.code is RejectCode.TOO_MANY_PIXELS
    assert rejection.limit == 50_000_000


def test_a_file_over_the_size_limit_is_refused_unread() -> None:
    rejection = check_file(RawPage("big.tif", b"", size=60 * 1024 * 1024))
    assert isinstance(rejection, Rejection)
    assert (rejection.code, rejection.found, rejection.limit) == (
        RejectCode.TOO_LARGE,
        60 * 1024 * 1024,
        50 * 1024 * 1024,
    )


def test_an_empty_or_unreadable_file_is_refused() -> None:
    assert refused(b"", "empty.jpg").code is RejectCode.EMPTY
    unreadable = check_file(RawPage("gone.jpg", b"", size=0, unreadable=True))
    assert isinstance(unreadable, Rejection)
    assert unreadable.code is RejectCode.UNREADABLE


def test_a_scan_below_150_dpi_is_refused_with_the_dpi_found() -> None:
    rejection = refused(samples.jpeg(100), "fax.jpg")
    assert (rejection.code, rejection.found, rejection.limit) == (
        RejectCode.LOW_RESOLUTION,
        100,
        150,
    )


def test_dpi_read_from_a_png_is_rounded() -> None:
    # PNG stores pixels per metre: 150 dpi comes back as 149.987.
    assert effective_dpi((149.987, 149.987), (1240, 1754)) == 150


def test_a_camera_picture_with_a_placeholder_dpi_is_judged_by_its_pixels() -> None:
    photo = samples.page(300)  # 2481 x 3507 pixels, saved as a camera would: 72 dpi
    [page] = accepted(samples.encode(photo, "JPEG", 72)).pages
    assert page.dpi == 300
    small = samples.page(72)
    rejection = refused(samples.encode(small, "JPEG", 72))
    assert (rejection.code, rejection.found) == (RejectCode.LOW_RESOLUTION, 72)
    no_dpi = samples.encode(samples.page(200), "JPEG")
    assert accepted(no_dpi).pages[0].dpi == 200


def test_blank_and_near_blank_pages_are_suspected_but_not_refused() -> None:
    blank = accepted(samples.jpeg(200, text=None)).pages[0]
    specks = accepted(samples.jpeg(200, text=None, noise=3000)).pages[0]
    word = accepted(samples.jpeg(200, text="Received")).pages[0]
    assert blank.blank_suspected
    assert blank.dark_share == 0
    assert specks.blank_suspected
    assert not word.blank_suspected
    assert word.dark_share > 0.0001


def test_the_blank_threshold_is_the_halls() -> None:
    word = samples.jpeg(200, text="Received")
    assert accepted(word, limits=IntakeLimits(blank_dark_share=0.01)).pages[0].blank_suspected
