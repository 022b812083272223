"""Blank-page suspicion, as measured on real scans (docs/hardware.md, "Document scanners").

Greyscale, crop a 4 % margin (scanner edges and punch holes), downscale, median filter (dust and
paper noise), then the share of pixels darker than 160. A page with one short word measured
0.039 %, a noisy blank page 0.000 %: at 0.01 % and below the page is *suspected* blank and the
clerk confirms; nothing is refused on this ground alone.
"""

from __future__ import annotations

from PIL import Image, ImageFilter

MARGIN = 0.04
WORKING_SIZE = 1200  # long side, pixels, after downscaling
MEDIAN_SIZE = 3
DARK_BELOW = 160
BLANK_AT_MOST = 0.0001  # 0.01 %


def dark_share(image: Image.Image) -> float:
    """The share (0..1) of the page's pixels, margins excluded, that count as ink."""
    grey = image.convert("L")
    width, height = grey.size
    dx, dy = round(width * MARGIN), round(height * MARGIN)
    grey = grey.crop((dx, dy, width - dx, height - dy))
    factor = max(1, max(grey.size) // WORKING_SIZE)
    if factor > 1:
        grey = grey.reduce(factor)  # a box average: thin strokes stay grey instead of vanishing
    grey = grey.filter(ImageFilter.MedianFilter(MEDIAN_SIZE))
    histogram = grey.histogram()
    total = grey.width * grey.height
    return sum(histogram[:DARK_BELOW]) / total if total else 0.0


def looks_blank(share: float, threshold: float = BLANK_AT_MOST) -> bool:
    return share <= threshold
