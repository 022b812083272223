"""The operational failure every front end reports the same way, and its words in both languages.

``OperationalFailure`` is the one exception type the command line and the desktop app turn into
a message instead of a traceback: its :meth:`~OperationalFailure.message` is the whole line,
in Chinese or English. Modules that detect a fault themselves (a damaged or empty hall file, a
database on a network share) raise a subclass with their own
:class:`~onewindow_base.wording.Wording`;
:mod:`onewindow_base.failures.classify` makes one from the exceptions the libraries raise.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping

from onewindow_base.wording import Language, Wording


class FailureKind(enum.StrEnum):
    """What failed; each kind has one text in :data:`FAILURE_TEXT`."""

    DISK_FULL = "disk_full"
    DATABASE_SERVER_DISK_FULL = "database_server_disk_full"
    DATABASE_BUSY = "database_busy"
    DATABASE_DAMAGED = "database_damaged"
    DATABASE_READ_ONLY = "database_read_only"
    DATABASE_CANNOT_OPEN = "database_cannot_open"
    DATABASE_DISK_ERROR = "database_disk_error"
    DATABASE_UNREACHABLE = "database_unreachable"
    DATABASE_REFUSED = "database_refused"
    PERMISSION_DENIED = "permission_denied"
    READ_ONLY_DISK = "read_only_disk"
    FILE_MISSING = "file_missing"
    FILE_ERROR = "file_error"
    SERVER_UNREACHABLE = "server_unreachable"
    KEY_RING = "key_ring"


# ``target`` names the file, folder or server; ``detail`` is the system's own short reason.
FAILURE_TEXT: Mapping[FailureKind, Wording] = {
    FailureKind.DISK_FULL: Wording(
        "磁盘已满，无法写入 {target}：请清理该磁盘的空间后重试；未完成的操作没有保存。",
        "the disk is full: {target} could not be written. Free some space on that disk, then "
        "try again; what was not finished was not saved",
    ),
    FailureKind.DATABASE_SERVER_DISK_FULL: Wording(
        "数据库服务器 {target} 的磁盘已满：请管理员清理其空间后重试；未完成的操作没有保存。",
        "the disk of the database server {target} is full: ask the administrator to free some "
        "space there, then try again; what was not finished was not saved",
    ),
    FailureKind.DATABASE_BUSY: Wording(
        "数据库 {target} 被其他程序锁定，等待后仍未释放：请关闭正在使用它的其他程序"
        "（或等其完成）后重试；未作任何更改。",
        "the database {target} is locked by another program and stayed locked: close the other "
        "programs using it (or wait for them to finish), then try again; nothing was changed",
    ),
    FailureKind.DATABASE_DAMAGED: Wording(  # PostgreSQL's; a damaged SQLite file: DbProblem
        "数据库服务器 {target} 报告数据已损坏（{detail}）：请管理员按部署指南“备份与恢复”"
        "用 pg_restore 从最近的备份恢复。",
        "the database server {target} reports damaged data ({detail}): have the administrator "
        "restore the latest backup with pg_restore (deployment guide, 'Backup and restore')",
    ),
    FailureKind.DATABASE_READ_ONLY: Wording(
        "数据库 {target} 只能读取、无法写入：请检查该文件及其所在文件夹的权限"
        "（运行一窗通的用户须能写入两者），并确认磁盘不是只读的。",
        "the database {target} can be read but not written: check the permissions of the file "
        "and its folder (the user running OneWindow must be able to write both) and that the "
        "disk is not read-only",
    ),
    FailureKind.DATABASE_CANNOT_OPEN: Wording(
        "无法打开数据库 {target}（{detail}）：请确认其文件夹存在，且运行一窗通的用户有读写权限。",
        "the database {target} cannot be opened ({detail}): check that its folder exists and "
        "that the user running OneWindow may read and write there",
    ),
    FailureKind.DATABASE_DISK_ERROR: Wording(
        "读写数据库 {target} 时磁盘出错（{detail}）：请检查磁盘及其剩余空间后重试；"
        "未完成的操作没有保存。",
        "the disk failed while reading or writing the database {target} ({detail}): check the "
        "disk and its free space, then try again; what was not finished was not saved",
    ),
    FailureKind.DATABASE_UNREACHABLE: Wording(
        "无法连接数据库服务器 {target}（{detail}）：请确认 PostgreSQL 正在运行、本机可以访问，"
        "且数据库地址（配置文件 [database] url 或 ONEWINDOW_DB）正确。",
        "cannot connect to the database server {target} ({detail}): check that PostgreSQL is "
        "running and reachable from this PC and that the database address ([database] url in "
        "the config file, or ONEWINDOW_DB) is right",
    ),
    FailureKind.DATABASE_REFUSED: Wording(
        "数据库服务器 {target} 拒绝了请求（{detail}）：请检查数据库地址中的用户名、密码和数据库名，"
        "以及该用户的权限。",
        "the database server {target} refused ({detail}): check the user name, password and "
        "database name in the database address, and that user's privileges",
    ),
    FailureKind.PERMISSION_DENIED: Wording(
        "没有权限访问 {target}：请检查该文件及其所在文件夹的所有者和权限"
        "（运行一窗通的用户须能读写）；未完成的操作没有保存。",
        "permission denied on {target}: check the owner and permissions of that file and its "
        "folder (the user running OneWindow must be able to read and write them); what was not "
        "finished was not saved",
    ),
    FailureKind.READ_ONLY_DISK: Wording(
        "{target} 所在的磁盘是只读的：请将其重新挂载为可写，或改用可写磁盘上的数据文件夹；"
        "未完成的操作没有保存。",
        "{target} is on a read-only disk: mount it writable again or use a data folder on a "
        "writable disk; what was not finished was not saved",
    ),
    FailureKind.FILE_MISSING: Wording(
        "{target} 不存在：请检查路径后重试。",
        "{target} does not exist: check the path, then try again",
    ),
    FailureKind.FILE_ERROR: Wording(
        "无法读写 {target}（{detail}）：请检查磁盘和路径后重试；未完成的操作没有保存。",
        "cannot read or write {target} ({detail}): check the disk and the path, then try "
        "again; what was not finished was not saved",
    ),
    FailureKind.SERVER_UNREACHABLE: Wording(
        "无法连接中心服务器 {target}（{detail}）：请检查本机网络和服务器地址后重试；"
        "待发送的工作保留在本机。",
        "cannot reach the central server {target} ({detail}): check this PC's network and the "
        "server address, then try again; work waiting to be sent stays on this PC",
    ),
    FailureKind.KEY_RING: Wording(
        "无法使用本厅的密钥：{detail}",
        "the hall key ring cannot be used: {detail}",
    ),
}


class OperationalFailure(Exception):  # noqa: N818 - a failure of the surroundings, not a bug
    """An operation its surroundings stopped, with the line that tells the person what to do.

    Subclass it for a fault your module detects, passing your own ``Wording`` and its fields;
    the front ends print ``message(language)`` and nothing else (no traceback), exit non-zero,
    and the desktop app shows it in a message box.
    """

    kind: FailureKind | None = None  # set when the text is one of FAILURE_TEXT's

    def __init__(self, wording: Wording, **fields: object) -> None:
        self.wording = wording
        self.fields = {name: str(value) for name, value in fields.items()}
        super().__init__(self.message(Language.EN))

    @classmethod
    def of(cls, kind: FailureKind, **fields: object) -> OperationalFailure:
        failure = cls(FAILURE_TEXT[kind], **fields)
        failure.kind = kind
        return failure

    def message(self, language: Language = Language.EN) -> str:
        """The whole line, in ``language``."""
        return self.wording.template(language).format(**self.fields)
