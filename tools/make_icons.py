"""``make icons``: the app's icon and one per mode, as SVG, PNG (48 and 256 px) and, for the
Windows installer, one multi-size ICO, all drawn from the same few shapes below.

    .venv/bin/python tools/make_icons.py [resources/icons]

Each icon is a rounded tile in the mode's colour with a white pictogram: the counter (a
paper with a tick), the supervisor (a bar chart), the kiosk (a numbered ticket), the hall
display (a screen with sound waves); the app's own icon is a window (一窗).
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
GRID = 64  # shapes are drawn on a 64-unit grid
WHITE = "#ffffff"


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float
    r: float = 0  # corner radius
    fill: str = WHITE


@dataclass(frozen=True)
class Line:
    points: tuple[tuple[float, float], ...]
    width: float
    colour: str = WHITE


Shape = Rect | Line

ICONS: dict[str, tuple[str, tuple[Shape, ...]]] = {
    "onewindow": (
        "#c62828",
        (
            Rect(14, 14, 36, 36, 3),
            Rect(18, 18, 28, 12, 1, "#c62828"),
            Rect(18, 34, 28, 12, 1, "#c62828"),
        ),
    ),
    "onewindow-clerk": (
        "#1565c0",
        (
            Rect(17, 11, 30, 42, 3),
            Line(((23, 21), (41, 21)), 3, "#1565c0"),
            Line(((23, 28), (37, 28)), 3, "#1565c0"),
            Line(((24, 40), (30, 46), (42, 34)), 4, "#1565c0"),
        ),
    ),
    "onewindow-supervisor": (
        "#2e7d32",
        (
            Rect(14, 34, 8, 16, 1.5),
            Rect(28, 24, 8, 26, 1.5),
            Rect(42, 14, 8, 36, 1.5),
            Line(((11, 53), (53, 53)), 3),
        ),
    ),
    "onewindow-kiosk": (
        "#ef6c00",
        (
            Rect(16, 12, 32, 40, 3),
            Rect(22, 19, 20, 10, 1.5, "#ef6c00"),
            Line(((22, 36), (42, 36)), 3, "#ef6c00"),
            Line(((22, 43), (36, 43)), 3, "#ef6c00"),
        ),
    ),
    "onewindow-display": (
        "#6a1b9a",
        (
            Rect(10, 14, 34, 26, 3),
            Rect(14, 18, 26, 18, 1, "#6a1b9a"),
            Line(((27, 40), (27, 48)), 3),
            Line(((19, 49), (35, 49)), 3),
            Line(((48, 20), (52, 27), (48, 34)), 3),
            Line(((53, 15), (58, 27), (53, 39)), 3),
        ),
    ),
}


def svg(background: str, shapes: tuple[Shape, ...]) -> str:
    parts = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" '
            f'viewBox="0 0 {GRID} {GRID}">'
        ),
        f'<rect x="2" y="2" width="60" height="60" rx="12" fill="{background}"/>',
    ]
    for shape in shapes:
        if isinstance(shape, Rect):
            parts.append(
                f'<rect x="{shape.x:g}" y="{shape.y:g}" width="{shape.w:g}" height="{shape.h:g}" '
                f'rx="{shape.r:g}" fill="{shape.fill}"/>'
            )
        else:
            points = " ".join(f"{x:g},{y:g}" for x, y in shape.points)
            parts.append(
                f'<polyline points="{points}" fill="none" stroke="{shape.colour}" '
                f'stroke-width="{shape.width:g}" stroke-linecap="round" stroke-linejoin="round"/>'
            )
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def png(background: str, shapes: tuple[Shape, ...], size: int) -> Image.Image:
    """Drawn four times larger and scaled down, for smooth edges."""
    big = size * 4
    k = big / GRID
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((2 * k, 2 * k, 62 * k, 62 * k), radius=12 * k, fill=background)
    for shape in shapes:
        if isinstance(shape, Rect):
            box = (shape.x * k, shape.y * k, (shape.x + shape.w) * k, (shape.y + shape.h) * k)
            draw.rounded_rectangle(box, radius=shape.r * k, fill=shape.fill)
        else:
            points = [(x * k, y * k) for x, y in shape.points]
            width = round(shape.width * k)
            draw.line(points, fill=shape.colour, width=width, joint="curve")
            for x, y in (points[0], points[-1]):  # round caps
                half = width / 2
                draw.ellipse((x - half, y - half, x + half, y + half), fill=shape.colour)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def write_icons(directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, (background, shapes) in ICONS.items():
        (directory / f"{name}.svg").write_text(svg(background, shapes), encoding="utf-8")
        written.append(directory / f"{name}.svg")
        for size in (48, 256):
            suffix = "" if size == 256 else f"-{size}"
            path = directory / f"{name}{suffix}.png"
            png(background, shapes, size).save(path, optimize=True)
            written.append(path)
        ico = directory / f"{name}.ico"
        sizes = [(s, s) for s in (16, 24, 32, 48, 64, 128, 256)]
        png(background, shapes, 256).save(ico, sizes=sizes)
        written.append(ico)
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", nargs="?", type=Path, default=ROOT / "resources" / "icons")
    args = parser.parse_args()
    written = write_icons(args.directory)
    print(f"{len(written)} files in {args.directory}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
