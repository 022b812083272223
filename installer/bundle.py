"""What goes into the desktop bundle and what stays out, in one place.

The PyInstaller spec (``installer/onewindow.spec``), the build driver (``tools/dist.py``) and
the tests read these lists; nothing here imports PyInstaller, so the tests run without it.
"""

from __future__ import annotations

import fnmatch
import re

APP_NAME = "onewindow"  # the bundle folder, the executable, the package and the /opt directory
DISPLAY_NAME = "OneWindow"
DISPLAY_NAME_ZH = "一窗通"
GUI_EXE = APP_NAME  # windowed on Windows; on Linux also the command line
CLI_EXE = f"{APP_NAME}-cli"  # Windows only: a console executable for `config check` and scripts

# The hall's four screens: one desktop entry, Start-menu shortcut and icon each.
MODES: dict[str, tuple[str, str]] = {
    "clerk": ("窗口受理", "Counter"),
    "supervisor": ("大厅管理", "Supervisor"),
    "kiosk": ("取号机", "Ticket kiosk"),
    "display": ("叫号屏", "Hall display"),
}

# Files from the repository, as (source, destination inside the bundle). The code finds them
# relative to its own modules (``Path(__file__)…/resources``), which PyInstaller reproduces
# under the bundle's ``_internal`` folder.
RESOURCES: tuple[tuple[str, str], ...] = (
    ("resources/fonts", "resources/fonts"),
    ("resources/voice", "resources/voice"),
    ("resources/catalogue", "resources/catalogue"),
    ("resources/calendars", "resources/calendars"),  # the shipped holiday arrangements
    ("resources/icons", "resources/icons"),
    ("resources/translations/onewindow_zh_CN.qm", "resources/translations"),
    ("resources/translations/onewindow_en.qm", "resources/translations"),
    ("installer/config/onewindow.example.toml", "config"),
    # Alembic reads env.py, the template and every revision as files, not from the archive.
    ("clerk_app/migrations/env.py", "clerk_app/migrations"),
    ("clerk_app/migrations/script.py.mako", "clerk_app/migrations"),
    ("clerk_app/migrations/versions", "clerk_app/migrations/versions"),
)

# Imported by name at run time (PyInstaller cannot see these imports): without them the frozen
# app crashes on the first barcode or on the first migration.
COLLECT_SUBMODULES: tuple[str, ...] = (
    "reportlab.graphics.barcode",
    "clerk_app",
    "printing",
    "ui",
    "alembic",
)


def wanted_module(name: str) -> bool:
    """Submodules worth collecting: not test suites (alembic.testing needs pytest)."""
    return ".testing" not in name and ".tests" not in name


# Packages that read their own data files (capability profiles, barcode fonts).
COLLECT_DATA: tuple[str, ...] = ("escpos", "barcode")

# Distributions whose metadata the program reads at run time: its own version
# (clerk_app.__version__ reads pyproject's [project] version through importlib.metadata).
COPY_METADATA: tuple[str, ...] = ("onewindow",)

# Qt modules the app never imports (their Python bindings are not collected).
# Used: QtCore, QtGui, QtWidgets, QtPrintSupport, QtMultimedia (voice clips, document camera),
# QtTextToSpeech (hall display voice) and QtNetwork, which QtMultimedia links against.
EXCLUDED_QT_MODULES: tuple[str, ...] = (
    "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender",
    "QtBluetooth", "QtCharts", "QtConcurrent", "QtDataVisualization", "QtDBus", "QtDesigner",
    "QtGraphs", "QtGraphsWidgets", "QtHelp", "QtHttpServer", "QtLocation",
    "QtMultimediaWidgets", "QtNetworkAuth", "QtNfc", "QtOpenGL", "QtOpenGLWidgets", "QtPdf",
    "QtPdfWidgets", "QtPositioning", "QtQml", "QtQuick", "QtQuick3D", "QtQuickControls2",
    "QtQuickTest", "QtQuickWidgets", "QtRemoteObjects", "QtScxml", "QtSensors", "QtSerialBus",
    "QtSerialPort", "QtSpatialAudio", "QtSql", "QtStateMachine", "QtSvg", "QtSvgWidgets",
    "QtTest", "QtUiTools", "QtWebChannel", "QtWebEngineCore", "QtWebEngineQuick",
    "QtWebEngineWidgets", "QtWebSockets", "QtWebView", "QtXml",
)  # fmt: skip
USED_QT_MODULES: tuple[str, ...] = (
    "QtCore", "QtGui", "QtWidgets", "QtPrintSupport", "QtMultimedia", "QtTextToSpeech",
    "QtNetwork",
)  # fmt: skip

# Python packages that are never part of a counter PC: the central server (the protocol's models
# the counter's sync client checks the server's replies against are in ``onewindow_protocol``),
# the test and development tools, and toolkits nobody uses.
SERVER_ONLY_MODULES: tuple[str, ...] = ("central_server",)
EXCLUDED_PACKAGES: tuple[str, ...] = (
    "fastapi", "uvicorn", "starlette",
    "pytest", "pytestqt", "hypothesis", "schemathesis", "mypy", "ruff", "importlinter",
    "tkinter", "_tkinter", "IPython", "matplotlib", "numpy", "setuptools", "pip",
    "pygments",
)  # fmt: skip
# Excluded although imported when present: their absence is handled where they are imported
# (mako, under alembic, colours its tracebacks with pygments; 30 ms of every start).
OPTIONAL_IMPORTS: tuple[str, ...] = ("pygments",)

# Libraries dropped although a collected plugin or module links them; each goes together with
# what links it (below). QtDBus, QtConcurrent and QtNetwork are not bindings we import, but
# QtGui and QtMultimedia link them, so they stay.
DROPPED_LIBRARIES: tuple[str, ...] = (
    "*Qt6VirtualKeyboard*", "*Qt6Wayland*", "*Qt6Wl*", "*Qt6EglFS*", "*Qt6EglFs*",
    "*Qt6Quick*", "*Qt6Qml*", "*Qt6OpenGL.*", "*Qt6Pdf*", "*Qt6Svg*", "*Qt6FFmpegStub*",
    "libavcodec*", "libavformat*", "libavutil*", "libswresample*", "libswscale*",
    "avcodec-*", "avformat-*", "avutil-*", "swresample-*", "swscale-*",
    "opengl32sw.dll",  # Windows: Mesa's software OpenGL, for QtQuick; widgets never use it
    "*_avif.*", "libavif-*", "*_imagingtk.*",  # Pillow: AVIF pictures and Tk, never read here
)  # fmt: skip

# Plugins dropped whatever pulls them in: the virtual keyboard drags QtQuick and QML in; the
# FFmpeg media backend drags QtQuick, QML and 20 MB of FFmpeg in (without a backend Qt
# Multimedia still plays sound effects, which is all the hall display's clip pack needs; on
# Windows the native backend stays and serves the document camera too); the Wayland, EGLFS,
# framebuffer and VNC platforms are not how a counter PC runs (xcb is, also under a Wayland
# session, through XWayland); the GTK theme pulls GTK's whole stack; the mock speech engine
# is for Qt's own tests; the SVG and PDF image plugins need QtSvg and QtPdf; the TLS
# backends and network information serve no code of ours (HTTPS goes through httpx).
DROPPED_PLUGINS: tuple[str, ...] = (
    "platforminputcontexts/*qtvirtualkeyboardplugin", "multimedia/*ffmpegmediaplugin",
    "platforms/*qeglfs", "platforms/*qlinuxfb", "platforms/*qminimalegl",
    "platforms/*qvkkhrdisplay", "platforms/*qvnc", "platforms/*qwayland",
    "wayland-*/*", "egldeviceintegrations/*", "generic/*",
    "platformthemes/*qgtk3", "texttospeech/*qtexttospeech_mock",
    "iconengines/*qsvgicon", "imageformats/*qsvg", "imageformats/*qpdf",
    "tls/*", "networkinformation/*",
)  # fmt: skip

# Qt's own catalogues (qtbase_zh_CN.qm, …): the two interface languages only.
KEPT_QT_LANGUAGES: tuple[str, ...] = ("zh_CN", "en")
_QT_TRANSLATION = re.compile(r"/translations/[a-z_]+?_(?P<lang>[a-z]{2}(?:_[A-Z]{2})?)\.qm$")

# On Linux, libraries of the operating system (libxcb, fontconfig, libssl…) are not copied
# into the bundle: the .deb depends on their Debian packages instead (tools/deb.py finds them
# with dpkg -S), so security updates reach them. Libraries that wheels vendor (pillow.libs,
# psycopg_binary.libs) and the Python runtime itself are kept.
SYSTEM_LIBRARY_DIRS: tuple[str, ...] = ("/usr/lib/", "/lib/", "/usr/lib64/", "/lib64/")


def is_dropped_library(path: str) -> bool:
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    return any(fnmatch.fnmatchcase(name, pattern) for pattern in DROPPED_LIBRARIES)


def is_dropped_plugin(dest: str) -> bool:
    path = dest.replace("\\", "/")
    if "/plugins/" not in path:
        return False
    relative = path.split("/plugins/", 1)[1].rsplit(".", 1)[0]
    return any(fnmatch.fnmatchcase(relative, pattern) for pattern in DROPPED_PLUGINS)


def is_system_library(source: str) -> bool:
    return source.startswith(SYSTEM_LIBRARY_DIRS) and "site-packages" not in source


def keep_file(dest: str, source: str = "") -> bool:
    """Whether a file PyInstaller collected (destination in the bundle, source on the build
    machine) goes into the bundle."""
    path = "/" + dest.replace("\\", "/")
    translation = _QT_TRANSLATION.search(path)
    if translation and "PySide6" in path:
        return translation.group("lang") in KEPT_QT_LANGUAGES
    return not (is_dropped_plugin(path) or is_dropped_library(path) or is_system_library(source))
