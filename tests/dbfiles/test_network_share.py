"""SQLite on a network share is refused with a message that points to PostgreSQL.

The file system probe is injectable; the parser and the UNC rule are tested on real input.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from clerk_app.cli.main import main
from clerk_app.db.filesystem import (
    UNC,
    fs_type,
    is_network,
    is_unc_path,
    mount_type,
    parse_mountinfo,
)

# Lines as /proc/self/mountinfo has them (a Debian host with an SMB share, an NFS home, a
# bind mount, optional fields and a mount point with a space).
MOUNTINFO = """\
22 1 259:2 / / rw,relatime shared:1 - ext4 /dev/nvme0n1p2 rw,errors=remount-ro
25 22 0:23 / /proc rw,nosuid,nodev,noexec,relatime shared:13 - proc proc rw
40 22 0:36 / /home rw,relatime shared:20 - nfs4 fs1:/export/home rw,vers=4.2,rsize=1048576
41 40 259:2 /srv/local /home/clerk/local rw,relatime shared:1 - ext4 /dev/nvme0n1p2 rw
88 22 0:52 / /mnt/hall\\040share rw,relatime shared:40 - cifs //nas/hall rw,vers=3.1.1,cache=strict
90 22 0:53 / /mnt/plain rw,relatime - ext4 /dev/sdb1 rw
91 90 0:54 / /mnt/plain rw,relatime - cifs //nas/over rw,vers=3.0
"""


def test_mountinfo_is_parsed_with_escapes_and_optional_fields() -> None:
    mounts = parse_mountinfo(MOUNTINFO)
    assert [m.fs_type for m in mounts] == ["ext4", "proc", "nfs4", "ext4", "cifs", "ext4", "cifs"]
    assert mounts[4].mount_point == "/mnt/hall share"


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/var/lib/onewindow/onewindow.sqlite3", "ext4"),
        ("/home/clerk/.local/share/onewindow/onewindow.sqlite3", "nfs4"),
        ("/home/clerk/local/onewindow.sqlite3", "ext4"),  # a local mount inside the NFS home
        ("/homework/onewindow.sqlite3", "ext4"),  # /home is not a prefix of /homework
        ("/mnt/hall share/onewindow.sqlite3", "cifs"),
        ("/mnt/plain/onewindow.sqlite3", "cifs"),  # mounted over: the last mount counts
    ],
)
def test_the_deepest_mount_over_a_path_gives_its_type(path: str, expected: str) -> None:
    assert mount_type(parse_mountinfo(MOUNTINFO), path) == expected


@pytest.mark.parametrize(
    ("path", "unc"),
    [
        (r"\\hall-nas\onewindow\onewindow.sqlite3", True),
        ("//hall-nas/onewindow/onewindow.sqlite3", True),
        (r"\\?\UNC\hall-nas\onewindow\onewindow.sqlite3", True),
        (r"\\?\C:\onewindow\onewindow.sqlite3", False),
        (r"\\.\PhysicalDrive0", False),
        (r"C:\Users\clerk\AppData\Local\onewindow\onewindow.sqlite3", False),
        ("/home/clerk/onewindow.sqlite3", False),
    ],
)
def test_unc_paths_are_shares(path: str, unc: bool) -> None:
    assert is_unc_path(path) is unc


def test_network_types() -> None:
    assert all(is_network(t) for t in ("cifs", "smb3", "nfs", "nfs4", UNC, "remote drive"))
    assert not any(is_network(t) for t in ("ext4", "xfs", "btrfs", "tmpfs", "ntfs", "local"))


def test_this_machines_temporary_folder_is_not_a_share(tmp_path: Path) -> None:
    assert not is_network(fs_type(tmp_path / "new" / "hall.sqlite3"))


@pytest.mark.parametrize("share", ["cifs", "nfs4", UNC])
@pytest.mark.parametrize("command", [("queue", "status"), ("migrate",), ("maintenance", "backup")])
def test_the_cli_refuses_sqlite_on_a_share_and_points_to_postgresql(
    share: str, command: tuple[str, ...], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "share" / "hall.sqlite3"
    probed: list[Path] = []

    def probe(where: Path) -> str:
        probed.append(where)
        return share

    code = main(["--db", f"sqlite:///{path}", *command], fs_probe=probe)
    out, err = capsys.readouterr()
    assert code == 1
    assert out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert f"{path}" in err and f"({share})" in err and "PostgreSQL" in err
    assert probed == [path]
    assert not path.exists()  # nothing created on the share


def test_the_refusal_is_in_chinese_for_a_chinese_hall(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[ui]\nlanguage = "zh_CN"\n', encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'hall.sqlite3'}"
    code = main(["--config", str(config), "--db", url, "queue", "status"], fs_probe=lambda _: "nfs")
    err = capsys.readouterr().err
    assert code == 1
    assert "位于网络共享（nfs）上" in err and "PostgreSQL" in err
