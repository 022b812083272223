"""Why a hall database cannot be used as it is, and what the person at the PC does about it.

A damaged file, an empty one, a file on a network share: the app refuses it with
:class:`DatabaseRefused`, whose text names the file and the next step, in both languages
(the command line prints it in the configured or the system language, the desktop app in its
own). ``maintenance backup`` and ``maintenance restore`` refuse with the same type.
"""

from __future__ import annotations

import enum
import sqlite3
from typing import Any

from onewindow_base.failures.base import OperationalFailure
from onewindow_base.wording import Wording

RESTORE_COMMAND = "clerk-app maintenance restore"


class DbProblem(enum.StrEnum):
    DAMAGED = "damaged"  # not an SQLite file, or its pages are malformed
    EMPTY = "empty"  # a 0-byte file where a hall database was expected
    NETWORK_SHARE = "network_share"  # SQLite on SMB/CIFS, NFS, a UNC path
    IN_USE = "in_use"  # restore refused: a OneWindow process holds the database
    NO_BACKUP = "no_backup"  # restore: no backup that passes its checks
    BACKUP_UNUSABLE = "backup_unusable"  # restore --from FILE: the file fails its checks
    BACKUP_FAILED = "backup_failed"  # backup: the copy could not be made or failed its check
    NOT_SQLITE = "not_sqlite"  # backup/restore of a PostgreSQL hall is the server's job


TEXTS: dict[DbProblem, Wording] = {
    DbProblem.DAMAGED: Wording(
        "数据库文件 {path} 已损坏，无法打开。请关闭本机所有一窗通程序，然后运行"
        "“{restore}”从最近的备份恢复。",
        "The database file {path} is damaged and cannot be opened. Close OneWindow on this "
        "PC, then run `{restore}` to restore the newest backup.",
    ),
    DbProblem.EMPTY: Wording(
        "数据库文件 {path} 是空文件（0 字节），不是大厅数据库，程序不会把它当作新库使用。"
        "请运行“{restore}”从备份恢复；确需新建大厅时，先删除该文件。",
        "The database file {path} is empty (0 bytes), not a hall database, and is not "
        "started afresh. Run `{restore}` to restore a backup, or delete the file to start a "
        "new hall.",
    ),
    DbProblem.NETWORK_SHARE: Wording(
        "数据库文件 {path} 位于网络共享（{fs}）上。SQLite 文件在网络共享上多台电脑同时使用会"
        "损坏数据：多台电脑共用一个大厅请使用 PostgreSQL（见部署指南“一个大厅”），单机请把"
        "文件放在本机磁盘上。",
        "The database file {path} is on a network share ({fs}). An SQLite file on a network "
        "share is corrupted when PCs share it: a hall of several PCs uses PostgreSQL (see "
        "the deployment guide, 'A hall'); a single PC keeps the file on its own disk.",
    ),
    DbProblem.IN_USE: Wording(
        "数据库 {path} 正被一窗通程序使用。请先关闭本机所有一窗通窗口（含叫号屏、取号机），"
        "再恢复。",
        "The database {path} is in use by OneWindow. Close every OneWindow window on this PC "
        "(display and kiosk included) before restoring.",
    ),
    DbProblem.NO_BACKUP: Wording(
        "在 {folder} 中没有找到通过检查的备份，未做任何改动。请用“{restore} --from 文件”"
        "指定一个备份文件。",
        "No backup that passes its checks was found in {folder}; nothing was changed. Name "
        "a backup file with `{restore} --from FILE`.",
    ),
    DbProblem.BACKUP_UNUSABLE: Wording(
        "备份文件 {path} 未通过检查（{reason}），未做任何改动。",
        "The backup file {path} fails its checks ({reason}); nothing was changed.",
    ),
    DbProblem.BACKUP_FAILED: Wording(
        "数据库 {path} 备份失败（{reason}）；旧备份均已保留。",
        "The backup of {path} failed ({reason}); every older backup is kept.",
    ),
    DbProblem.NOT_SQLITE: Wording(
        "PostgreSQL 数据库在数据库服务器上用 pg_dump 备份、用 pg_restore 恢复，"
        "步骤见部署指南“备份与恢复”。",
        "A PostgreSQL database is backed up with pg_dump and restored with pg_restore on the "
        "database server: see the deployment guide, 'Backup and restore'.",
    ),
}

_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26


class DatabaseRefused(OperationalFailure):
    """The database (or a backup of it) cannot be used; nothing was changed."""

    def __init__(self, problem: DbProblem, **values: Any) -> None:
        self.problem = problem
        super().__init__(TEXTS[problem], restore=RESTORE_COMMAND, **values)


def is_damage(exc: BaseException) -> bool:
    """Whether an SQLite error says the file is not a database or its pages are malformed."""
    orig = getattr(exc, "orig", exc)
    if not isinstance(orig, sqlite3.DatabaseError):
        return False
    code = getattr(orig, "sqlite_errorcode", None)
    return code is not None and code & 0xFF in (_SQLITE_CORRUPT, _SQLITE_NOTADB)
