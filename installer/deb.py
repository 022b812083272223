"""``make deb``: the one-folder bundle as a Debian package installing under /opt/onewindow.

The package holds the program, a desktop entry and an icon per mode, the config template and
``/usr/bin/onewindow``. It holds no data: the hall's database, archived papers and logs live in
the PostgreSQL server or the users' data folders, and ``/etc/onewindow/config.toml`` is written
by the maintainer script (never shipped), so neither ``apt remove`` nor ``apt purge`` touches
them. Depends lists the Debian packages of every system library the bundle loads (found with
ldd and ``dpkg -S``), which always include Qt's xcb libraries (docs/hardware.md).
"""

from __future__ import annotations

import argparse
import importlib.metadata
import re
import shutil
import subprocess
import sys
from pathlib import Path

from installer import bundle
from installer.build import DIST, ROOT, resolved_system_libraries

OUT = ROOT / "dist"
STAGE = ROOT / "build" / "deb"
PREFIX = Path("opt") / bundle.APP_NAME
MAINTAINER = "OneWindow maintainers <onewindow@example.gov.cn>"
# Qt's xcb platform plugin loads these (docs/hardware.md); ldd finds them too, and they are
# listed here as well so the package is right even when built on a machine without them.
QT_XCB_DEPENDS = (
    "libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxcb-image0", "libxcb-randr0",
    "libxcb-render-util0", "libxcb-xkb1", "libxkbcommon-x11-0", "libegl1", "libgl1",
    "libfontconfig1", "libdbus-1-3",
)  # fmt: skip
# System libraries a bundled plugin links that a build machine may lack, and their packages:
# the text-to-speech plugin talks to speech-dispatcher through libspeechd.
LIBRARY_PACKAGES = {"libspeechd.so.2": "libspeechd2"}
RECOMMENDS = ("speech-dispatcher", "fonts-wqy-microhei", "cups-client", "sane-utils")

POSTINST = """#!/bin/sh
# Writes the machine's config file once, from the template; never overwrites the hall's own.
set -e
if [ "$1" = configure ]; then
    if [ ! -e /etc/onewindow/config.toml ]; then
        mkdir -p /etc/onewindow
        /opt/onewindow/onewindow config init /etc/onewindow/config.toml >/dev/null
    fi
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q /usr/share/applications || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1; then
        gtk-update-icon-cache -q -t /usr/share/icons/hicolor || true
    fi
fi
exit 0
"""
POSTRM = """#!/bin/sh
# The hall's data is not the package's: /etc/onewindow, the users' data folders and the
# PostgreSQL database stay on remove and on purge (docs/deployment.*.md, "Uninstalling").
set -e
if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q /usr/share/applications || true
fi
exit 0
"""


def version() -> str:
    return importlib.metadata.version("onewindow")


def package_of(library: Path) -> str | None:
    """The Debian package that owns a library file (its real path, then as ldd named it)."""
    for candidate in dict.fromkeys((library, library.resolve())):
        result = subprocess.run(
            ["dpkg", "-S", str(candidate)], capture_output=True, text=True, check=False
        )
        if result.returncode == 0:
            return result.stdout.split(":", 1)[0].strip()
    return None


def depends(folder: Path) -> list[str]:
    packages = {p for lib in resolved_system_libraries(folder) if (p := package_of(lib))}
    packages.update(QT_XCB_DEPENDS)
    packages.update(LIBRARY_PACKAGES.values())
    packages.discard("libc6")  # essential; versioned below instead
    glibc = subprocess.run(
        ["dpkg-query", "-W", "-f=${Version}", "libc6"], capture_output=True, text=True, check=False
    ).stdout.split("-")[0]
    versioned = [f"libc6 (>= {glibc})"] if glibc else []
    return versioned + sorted(packages)


def control(folder: Path, installed_kb: int) -> str:
    arch = subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()
    return (
        f"Package: {bundle.APP_NAME}\n"
        f"Version: {version()}\n"
        "Section: misc\n"
        "Priority: optional\n"
        f"Architecture: {arch}\n"
        f"Maintainer: {MAINTAINER}\n"
        f"Installed-Size: {installed_kb}\n"
        f"Depends: {', '.join(depends(folder))}\n"
        f"Recommends: {', '.join(RECOMMENDS)}\n"
        f"Description: {bundle.DISPLAY_NAME} ({bundle.DISPLAY_NAME_ZH}) service-counter software\n"
        " Queue tickets, calling, intake of applicants' materials and printing for the\n"
        " counters of a government one-stop service center: the counter (clerk) app,\n"
        " the supervisor dashboard, the ticket kiosk and the hall display.\n"
    )


def _stage(folder: Path, stage: Path) -> Path:
    if stage.exists():
        shutil.rmtree(stage)
    root = stage / "root"
    target = root / PREFIX
    shutil.copytree(folder, target, symlinks=True, ignore=shutil.ignore_patterns(".inputs"))
    (target / "config").mkdir()
    shutil.copy2(ROOT / "installer" / "config" / "onewindow.example.toml", target / "config")
    (root / "usr" / "bin").mkdir(parents=True)
    (root / "usr" / "bin" / bundle.APP_NAME).symlink_to(f"/{PREFIX}/{bundle.GUI_EXE}")
    apps = root / "usr" / "share" / "applications"
    apps.mkdir(parents=True)
    icons = root / "usr" / "share" / "icons" / "hicolor"
    for size in ("256x256", "48x48", "scalable"):
        (icons / size / "apps").mkdir(parents=True)
    for mode in bundle.MODES:
        name = f"{bundle.APP_NAME}-{mode}"
        shutil.copy2(ROOT / "installer" / "linux" / f"{name}.desktop", apps)
        shutil.copy2(ROOT / "resources" / "icons" / f"{name}.png", icons / "256x256" / "apps")
        shutil.copy2(
            ROOT / "resources" / "icons" / f"{name}-48.png",
            icons / "48x48" / "apps" / f"{name}.png",
        )
        shutil.copy2(ROOT / "resources" / "icons" / f"{name}.svg", icons / "scalable" / "apps")
    docs = root / "usr" / "share" / "doc" / bundle.APP_NAME
    docs.mkdir(parents=True)
    for guide in sorted((ROOT / "docs").glob("*.md")):
        shutil.copy2(guide, docs)
    shutil.copy2(ROOT / "resources" / "fonts" / "README.md", docs / "fonts-README.md")
    return root


def build_deb(folder: Path | None = None, out: Path = OUT, stage: Path = STAGE) -> Path:
    folder = folder or DIST / bundle.APP_NAME
    root = _stage(folder, stage)
    installed_kb = sum(p.lstat().st_size for p in root.rglob("*") if not p.is_dir()) // 1024
    debian = root / "DEBIAN"
    debian.mkdir()
    (debian / "control").write_text(control(folder, installed_kb), encoding="utf-8")
    for name, text in (("postinst", POSTINST), ("postrm", POSTRM)):
        script = debian / name
        script.write_text(text, encoding="utf-8")
        script.chmod(0o755)
    deb = out / f"{bundle.APP_NAME}_{version()}_{_arch(root)}.deb"
    subprocess.run(
        ["dpkg-deb", "--build", "--root-owner-group", "-Zxz", str(root), str(deb)],
        check=True,
        capture_output=True,
    )
    return deb


def _arch(root: Path) -> str:
    text = (root / "DEBIAN" / "control").read_text(encoding="utf-8")
    match = re.search(r"^Architecture: (\S+)$", text, re.MULTILINE)
    return match.group(1) if match else "all"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m installer.deb", description=__doc__)
    parser.add_argument("--bundle", type=Path, help="default: dist/onewindow")
    args = parser.parse_args(argv)
    if shutil.which("dpkg-deb") is None:
        print("dpkg-deb is missing: build the .deb on Debian or Ubuntu", file=sys.stderr)
        return 1
    deb = build_deb(args.bundle)
    print(f"{deb.relative_to(ROOT)}: {deb.stat().st_size / 1_000_000:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
