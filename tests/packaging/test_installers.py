"""The Windows installer script, the desktop entries and the .deb pipeline, checked without a
PyInstaller build: the .deb is built around a stand-in program and inspected with dpkg-deb."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from installer import bundle
from installer.deb import POSTINST, POSTRM, QT_XCB_DEPENDS, build_deb
from installer.disttest import deb_problems, desktop_problems, extracted

ROOT = Path(__file__).resolve().parents[2]
ISS = ROOT / "installer" / "windows" / "onewindow.iss"
DESKTOP = ROOT / "installer" / "linux"


def _sections(text: str) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = ""
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith(";"):
            continue
        match = re.fullmatch(r"\[(\w+)\]", stripped)
        if match:
            current = match.group(1)
            sections.setdefault(current, [])
        elif current:
            sections[current].append(stripped)
    return sections


@pytest.fixture(scope="module")
def iss() -> dict[str, list[str]]:
    raw = ISS.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Inno Setup reads Chinese text only with a BOM"
    return _sections(raw.decode("utf-8-sig"))


def _setup(iss: dict[str, list[str]]) -> dict[str, str]:
    return dict(line.split("=", 1) for line in iss["Setup"])


def test_iss_is_utf8_with_bom_and_crlf() -> None:
    raw = ISS.read_bytes()
    raw.decode("utf-8-sig")  # valid UTF-8
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")


def test_iss_installs_per_machine_in_64_bit_mode(iss: dict[str, list[str]]) -> None:
    setup = _setup(iss)
    assert setup["PrivilegesRequired"] == "admin"
    assert setup["ArchitecturesInstallIn64BitMode"] == "x64compatible"
    assert setup["DefaultDirName"].startswith("{autopf}\\")
    text = ISS.read_text(encoding="utf-8-sig")
    assert "#ifndef AppVersion" in text  # given by build.cmd from pyproject (test_version.py)
    assert f'#define AppExe "{bundle.GUI_EXE}.exe"' in text
    assert f'#define CliExe "{bundle.CLI_EXE}.exe"' in text


def test_iss_speaks_chinese_and_english(iss: dict[str, list[str]]) -> None:
    languages = " ".join(iss["Languages"])
    assert "ChineseSimplified.isl" in languages and "Default.isl" in languages
    keys: dict[str, set[str]] = {}
    for line in iss["CustomMessages"]:
        language, key = line.split("=", 1)[0].split(".")
        keys.setdefault(language, set()).add(key)
    assert keys["chinesesimplified"] == keys["english"]
    used = set(re.findall(r"\{cm:(\w+)", ISS.read_text(encoding="utf-8-sig")))
    used |= set(re.findall(r"CustomMessage\('(\w+)'\)", ISS.read_text(encoding="utf-8-sig")))
    assert used - {"UninstallProgram"} <= keys["english"]


def test_iss_has_a_start_menu_shortcut_per_mode(iss: dict[str, list[str]]) -> None:
    group = [line for line in iss["Icons"] if line.startswith('Name: "{group}')]
    for mode in bundle.MODES:
        assert any(f'Parameters: "run --mode {mode}"' in line for line in group), mode
        assert (ROOT / "resources" / "icons" / f"onewindow-{mode}.ico").is_file()


def test_iss_packages_the_bundle_and_keeps_the_hall_data(iss: dict[str, list[str]]) -> None:
    files = " ".join(iss["Files"])
    assert f"dist\\{bundle.APP_NAME}\\*" in files and "recursesubdirs" in files
    assert "UninstallDelete" not in iss and "UninstallRun" not in iss
    assert any(
        "{commonappdata}\\onewindow" in d and "uninsneveruninstall" in d for d in iss["Dirs"]
    )
    text = ISS.read_text(encoding="utf-8-sig")
    assert "config init" in text and "FileExists(ConfigFile())" in text  # never overwritten


@pytest.mark.parametrize("mode", list(bundle.MODES))
def test_desktop_entry_per_mode(mode: str) -> None:
    entry = DESKTOP / f"onewindow-{mode}.desktop"
    text = entry.read_text(encoding="utf-8")
    assert f"Exec=/opt/{bundle.APP_NAME}/{bundle.GUI_EXE} run --mode {mode}\n" in text
    assert f"Icon=onewindow-{mode}\n" in text
    assert "Name[zh_CN]=" in text and "Comment[zh_CN]=" in text
    for suffix in (".svg", ".png", "-48.png"):
        assert (ROOT / "resources" / "icons" / f"onewindow-{mode}{suffix}").is_file()


def test_desktop_entries_are_valid() -> None:
    validator = shutil.which("desktop-file-validate")
    if validator is None:
        pytest.skip(
            "desktop-file-validate is missing (Debian: desktop-file-utils, make system-deps)"
        )
    for entry in sorted(DESKTOP.glob("*.desktop")):
        result = subprocess.run([validator, str(entry)], capture_output=True, text=True, check=True)
        assert result.returncode == 0 and not result.stdout.strip(), result.stdout


def test_maintainer_scripts_never_touch_the_hall_data() -> None:
    assert "[ ! -e /etc/onewindow/config.toml ]" in POSTINST  # written once, never overwritten
    for script in (POSTINST, POSTRM):
        assert "rm " not in script and '"$1" = purge' not in script


@pytest.fixture(scope="module")
def stand_in_deb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The .deb built around a stand-in bundle (a shell script as the program)."""
    if shutil.which("dpkg-deb") is None:
        pytest.skip("dpkg-deb is missing: the .deb is built on Debian or Ubuntu")
    base = tmp_path_factory.mktemp("deb")
    folder = base / bundle.APP_NAME
    folder.mkdir()
    program = folder / bundle.GUI_EXE
    program.write_text("#!/bin/sh\necho 'smoke test passed: stand-in'\n", encoding="ascii")
    program.chmod(0o755)
    return build_deb(folder, out=base, stage=base / "stage")


def test_deb_metadata_and_contents(stand_in_deb: Path) -> None:
    assert deb_problems(stand_in_deb) == []
    info = subprocess.run(
        ["dpkg-deb", "--field", str(stand_in_deb), "Depends"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for package in QT_XCB_DEPENDS:
        assert package in info


def test_deb_desktop_entries_point_at_the_installed_program(stand_in_deb: Path) -> None:
    with extracted(stand_in_deb) as root:
        assert desktop_problems(root) == []
        assert (root / "usr" / "bin" / bundle.APP_NAME).is_symlink()
        config = root / "opt" / bundle.APP_NAME / "config" / "onewindow.example.toml"
        assert config.is_file()


def test_deb_problems_are_found(tmp_path: Path) -> None:
    """A package shipping /etc and lacking the desktop entries is refused, with each reason."""
    if shutil.which("dpkg-deb") is None:
        pytest.skip("dpkg-deb is missing: the .deb is built on Debian or Ubuntu")
    root = tmp_path / "root"
    (root / "DEBIAN").mkdir(parents=True)
    (root / "DEBIAN" / "control").write_text(
        "Package: onewindow\nVersion: 0\nArchitecture: all\nMaintainer: x <x@example.org>\n"
        "Description: x\n x\n",
        encoding="ascii",
    )
    (root / "etc" / "onewindow").mkdir(parents=True)
    (root / "etc" / "onewindow" / "config.toml").write_text("", encoding="ascii")
    deb = tmp_path / "bad.deb"
    subprocess.run(["dpkg-deb", "--build", "--root-owner-group", str(root), str(deb)],
                   check=True, capture_output=True)  # fmt: skip
    problems = deb_problems(deb)
    assert "Depends lacks libxcb-cursor0" in problems
    assert "./etc/onewindow/config.toml lies outside /opt and /usr" in problems
    assert "./usr/share/applications/onewindow-kiosk.desktop is not in the package" in problems
