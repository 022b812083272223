"""The PyInstaller spec's lists agree with the code: what is excluded is never imported, what
is collected exists, and the filter keeps and drops the files it should (no build needed)."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest

from installer import bundle
from installer.build import inputs_digest

ROOT = Path(__file__).resolve().parents[2]
OUR_PACKAGES = ("clerk_app", "ui", "printing")


def _qt_modules_imported() -> set[str]:
    found: set[str] = set()
    for package in OUR_PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            found.update(re.findall(r"PySide6\.(Qt[A-Za-z0-9]+)", text))
            found.update(re.findall(r'"PySide6\.(Qt[A-Za-z0-9]+)"', text))
    return found


def test_used_and_excluded_qt_modules_are_disjoint_and_match_the_code() -> None:
    assert not set(bundle.USED_QT_MODULES) & set(bundle.EXCLUDED_QT_MODULES)
    imported = _qt_modules_imported()
    assert imported <= set(bundle.USED_QT_MODULES), imported - set(bundle.USED_QT_MODULES)
    assert not imported & set(bundle.EXCLUDED_QT_MODULES)


APP_WORK = (
    "import sys, ui.app, ui.smoke, clerk_app.cli.main\n"
    # loaded after start-up: the work windows, the hall screens, the sync engine
    "import ui.clerk.main_window, ui.supervisor.main_window, ui.screens, clerk_app.sync.engine\n"
    "from clerk_app.samples import make_sample\n"
    "from printing.config import NetworkPrinterConfig, build_printer\n"
    "from clerk_app.db.migrate import head_revision\n"
    "make_sample('receipt')\n"
    "build_printer(NetworkPrinterConfig(name='t', host='127.0.0.1'))\n"
    "head_revision()\n"
)


def test_excluded_packages_are_not_loaded_by_the_app() -> None:
    """The app's own imports, a receipt rendered and the smoke test's modules, in a fresh
    interpreter: none of the excluded packages may be among the loaded modules."""
    script = APP_WORK + "print(' '.join(sorted(sys.modules)))\n"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True
    )
    modules = set(result.stdout.split())
    loaded = {m.split(".")[0] for m in modules}
    assert "escpos" in loaded  # the check sees third-party imports
    assert "onewindow_protocol.wire" in modules  # the sync client checks replies against it
    required = set(bundle.EXCLUDED_PACKAGES) - set(bundle.OPTIONAL_IMPORTS)
    assert not loaded & required, loaded & required
    server = {m for m in modules if m.startswith(bundle.SERVER_ONLY_MODULES)}
    assert not server, server


def test_the_app_works_without_the_optional_imports() -> None:
    blocked = "".join(f"sys.modules[{name!r}] = None\n" for name in bundle.OPTIONAL_IMPORTS)
    script = "import sys\n" + blocked + APP_WORK + "print('ok')\n"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert result.stdout.strip() == "ok", result.stderr


@pytest.mark.parametrize("package", bundle.COLLECT_SUBMODULES + bundle.COLLECT_DATA)
def test_collected_packages_exist(package: str) -> None:
    assert importlib.util.find_spec(package) is not None


@pytest.mark.parametrize("package", bundle.COLLECT_DATA)
def test_packages_collected_for_data_have_data_files(package: str) -> None:
    spec = importlib.util.find_spec(package)
    assert spec is not None and spec.origin is not None
    folder = Path(spec.origin).parent
    data = [p for p in folder.rglob("*") if p.is_file() and p.suffix not in (".py", ".pyc")]
    assert data, f"{package} has no data files: collect_data_files would be pointless"


def test_resources_exist() -> None:
    for source, _dest in bundle.RESOURCES:
        assert (ROOT / source).exists(), f"{source} is missing (make translations?)"


def test_alembic_revisions_travel_as_files() -> None:
    dests = {dest for _source, dest in bundle.RESOURCES}
    assert "clerk_app/migrations/versions" in dests
    assert "clerk_app/migrations" in dests


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/translations/qtbase_zh_CN.qm", True),
        ("PySide6/Qt/translations/qtbase_en.qm", True),
        ("PySide6/Qt/translations/qtmultimedia_zh_CN.qm", True),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("PySide6/Qt/translations/qt_zh_TW.qm", False),
        ("PySide6/Qt/translations/qtbase_pt_BR.qm", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", False),
        ("PySide6\\plugins\\platforminputcontexts\\qtvirtualkeyboardplugin.dll", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", True),
        ("PySide6/Qt/plugins/multimedia/libffmpegmediaplugin.so", False),
        ("PySide6/plugins/multimedia/windowsmediaplugin.dll", True),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", False),
        ("PySide6/Qt/plugins/texttospeech/libqtexttospeech_speechd.so", True),
        ("PySide6/Qt/plugins/texttospeech/libqtexttospeech_mock.so", False),
        ("PySide6/Qt/plugins/imageformats/libqjpeg.so", True),
        ("PySide6/Qt/lib/libQt6Core.so.6", True),
        ("PySide6/Qt/lib/libQt6DBus.so.6", True),
        ("PySide6/Qt/lib/libQt6Quick.so.6", False),
        ("PySide6/Qt6Qml.dll", False),
        ("PySide6/Qt/lib/libQt6VirtualKeyboard.so.6", False),
        ("PySide6/Qt/lib/libavcodec.so.61", False),
        ("PySide6/opengl32sw.dll", False),
        ("PIL/_avif.cpython-311-x86_64-linux-gnu.so", False),
        ("resources/translations/onewindow_zh_CN.qm", True),
    ],
)
def test_keep_file(dest: str, kept: bool) -> None:
    assert bundle.keep_file(dest) is kept


def test_system_libraries_stay_out_but_vendored_ones_stay_in() -> None:
    assert not bundle.keep_file("libxcb.so.1", "/usr/lib/x86_64-linux-gnu/libxcb.so.1")
    assert not bundle.keep_file("libssl.so.3", "/lib/x86_64-linux-gnu/libssl.so.3")
    vendored = "/venv/lib/python3.11/site-packages/pillow.libs/libjpeg-6dc8d115.so.62.4.0"
    assert bundle.keep_file("pillow.libs/libjpeg-6dc8d115.so.62.4.0", vendored)
    assert bundle.keep_file("libpython3.11.so.1.0", "/root/.pyenv/versions/3.11.7/lib/x.so")


def test_spec_builds_one_folder_from_the_lists() -> None:
    spec = (ROOT / "installer" / "onewindow.spec").read_text(encoding="utf-8")
    assert "exclude_binaries=True" in spec  # one folder: the binaries go to COLLECT
    assert "COLLECT(" in spec
    assert "onefile" not in spec.lower()
    for name in ("keep_file", "COLLECT_SUBMODULES", "COLLECT_DATA", "EXCLUDED_QT_MODULES",
                 "EXCLUDED_PACKAGES", "RESOURCES"):  # fmt: skip
        assert f"bundle.{name}" in spec


def test_the_build_cache_digest_is_stable() -> None:
    assert inputs_digest() == inputs_digest()
