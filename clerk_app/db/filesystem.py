"""Which file system holds a database file, to keep SQLite off network shares.

SQLite's locking relies on the local file system: over SMB/CIFS or NFS the locks are advisory
or broken and two PCs writing one file corrupt it (https://www.sqlite.org/useovernet.html).
Linux reports the mount's type in ``/proc/self/mountinfo`` (the same name ``statfs`` maps its
magic number to); Windows reports a mapped network drive as ``DRIVE_REMOTE`` and a UNC path
(``\\\\server\\share\\…``) is a share by its name. The probe is a plain function, injectable
where the database is opened, so tests can put a file "on" any file system.
"""

from __future__ import annotations

import ntpath
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

FsProbe = Callable[[Path], str]

# Linux mount types that are a share on another machine.
NETWORK_TYPES = frozenset(
    {
        "cifs",
        "smb3",
        "smbfs",
        "nfs",
        "nfs4",
        "afs",
        "ncpfs",
        "ceph",
        "glusterfs",
        "fuse.glusterfs",
        "fuse.sshfs",
        "fuse.rclone",
        "davfs",
        "fuse.davfs2",
        "9p",  # also how WSL 2 sees Windows drives: no working locks either
    }
)
UNC = "unc"  # a Windows path \\server\share\…
REMOTE_DRIVE = "remote drive"  # a Windows drive letter mapped to a share
UNKNOWN = "unknown"
_DRIVE_REMOTE = 4  # GetDriveTypeW
_OCTAL_ESCAPE = re.compile(r"\\([0-7]{3})")


@dataclass(frozen=True, slots=True)
class Mount:
    mount_point: str
    fs_type: str


def is_network(fs_type: str) -> bool:
    return fs_type in NETWORK_TYPES or fs_type in (UNC, REMOTE_DRIVE)


def is_unc_path(path: str) -> bool:
    r"""``\\server\share\…`` or ``//server/share/…``, also in the long form ``\\?\UNC\…``;
    a local long path (``\\?\C:\…``) and a device path (``\\.\…``) are not shares."""
    text = path.replace("/", "\\")
    if text[:8].upper() == "\\\\?\\UNC\\":
        return True
    if text.startswith(("\\\\?\\", "\\\\.\\")):
        return False
    drive, _ = ntpath.splitdrive(text)
    return drive.startswith("\\\\") and len(drive) > 2


def _unescape(field: str) -> str:
    """mountinfo writes a space in a mount point as ``\\040`` (also tab, newline, ``\\``)."""
    return _OCTAL_ESCAPE.sub(lambda m: chr(int(m.group(1), 8)), field)


def parse_mountinfo(text: str) -> list[Mount]:
    """The mounts of ``/proc/self/mountinfo`` in order (a later one hides an earlier one at
    the same point). A line: ``id parent major:minor root mount-point options [optional
    fields…] - type source super-options``."""
    mounts = []
    for line in text.splitlines():
        fields = line.split(" ")
        if "-" not in fields[6:]:
            continue
        separator = fields.index("-", 6)
        if separator + 1 >= len(fields):
            continue
        mounts.append(Mount(_unescape(fields[4]), fields[separator + 1]))
    return mounts


def _contains(mount_point: str, path: str) -> bool:
    return mount_point in ("/", path) or path.startswith(mount_point + "/")


def mount_type(mounts: Iterable[Mount], path: str) -> str:
    """The type of the mount holding the absolute ``path``: the deepest mount point over it,
    the last mounted when several share a point."""
    best: Mount | None = None
    for mount in mounts:
        if _contains(mount.mount_point, path) and (
            best is None or len(mount.mount_point) >= len(best.mount_point)
        ):
            best = mount
    return best.fs_type if best is not None else UNKNOWN


def _existing(path: Path) -> Path:
    """The path itself or its nearest existing parent (a new database's folder may not exist
    yet)."""
    path = path.absolute()
    while not path.exists() and path.parent != path:
        path = path.parent
    return path.resolve()


def linux_fs_type(path: Path) -> str:
    try:
        text = Path("/proc/self/mountinfo").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return UNKNOWN
    return mount_type(parse_mountinfo(text), str(_existing(path)))


def windows_fs_type(path: Path) -> str:
    if is_unc_path(str(path)):
        return UNC
    import ctypes  # noqa: PLC0415 - Windows only

    absolute = str(path.absolute())
    if is_unc_path(absolute):
        return UNC
    drive = ntpath.splitdrive(absolute)[0]
    if not drive:
        return UNKNOWN
    kind = ctypes.windll.kernel32.GetDriveTypeW(drive + "\\")  # type: ignore[attr-defined]
    return REMOTE_DRIVE if kind == _DRIVE_REMOTE else "local"


def fs_type(path: Path) -> str:
    """The file system of ``path`` (a file that may not exist yet) on this platform."""
    if sys.platform == "win32":
        return windows_fs_type(path)
    if sys.platform.startswith("linux"):
        return linux_fs_type(path)
    return UNKNOWN  # macOS and others: no network check
