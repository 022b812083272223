"""The config file's tables as pydantic models: each key declared once, with its type, its
default, its constraints and its description in English and Chinese.

:class:`ConfigFile` is the file as written (``[printers.NAME]`` tables beside ``[printing]``);
:class:`Settings` is what the app reads, the same tables with the printers, routes and
branding resolved into :class:`PrintingSettings`.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field, field_validator, model_validator

from clerk_app.settings_papers import OfficeSettings, PapersSettings, PapersTable
from clerk_app.settings_printing import PrintingSettings, PrintingTable
from onewindow_protocol.wire.appointments import MAX_PULL_DAYS
from printing.config import PrinterConfig
from printing.schema import TABLE, setting, table

__all__ = ["OfficeSettings", "PapersSettings", "PrintingSettings"]

DEFAULT_POST_CHECK_DAYS = 20  # 告知承诺's post-check period when the catalogue sets none
MIN_AUDIT_RETENTION_DAYS = 180
MAX_WINDOW = 999
MAX_POST_CHECK_DAYS = 3650
MAX_IDLE_LOCK_MINUTES = 60
DEFAULT_IDLE_LOCK_MINUTES = 5
MAX_BACKUP_KEEP_DAYS = 3650
MAX_BACKUP_EVERY_HOURS = 168
DEFAULT_PULL_DAYS = 7  # the hall's bookings pulled: today and the next six days
DEFAULT_TURN_NEAR_AHEAD = 3  # "your turn is near" with this many people ahead

Voice = Literal["auto", "tts", "clips", "chime"]
ApplicantScreenMode = Literal["auto", "window", "off"]
Language = Literal["zh_CN", "en"]
ScannerKind = Literal["none", "sane", "folder", "camera"]
IdCardBackend = Literal["serial", "sdk"]
FIRST_SDK_USB_PORT = 1001  # sdtapi numbers USB readers 1001-1016
PasswordPolicyName = Literal["mlps", "modern"]
KeySource = Literal["file", "keyring"]
Cipher = Literal["sm4-gcm", "aes-256-gcm"]


class DatabaseSettings(BaseModel):
    """``[database]``: where the hall's data is."""

    model_config = TABLE
    url: str | None = setting(
        None,
        "sqlite:///FILE or postgresql://USER@HOST/DB; not set: an SQLite file in the data "
        "directory. ONEWINDOW_DB and --db override it. Keep a password in PostgreSQL's "
        "password file (pgpass), not here.",
        "sqlite:///文件 或 postgresql://用户@主机/库；不设则用数据目录下的 SQLite 文件。"
        "环境变量 ONEWINDOW_DB 和 --db 优先。"
        "密码请写在 PostgreSQL 密码文件（pgpass）里，不要写在这里。",
    )


class HallSettings(BaseModel):
    """``[hall]``: this hall and this PC's window."""

    model_config = TABLE
    code: str | None = setting(None, "The hall's code (e.g. CC01).", "大厅编码（如 CC01）。")
    window: int | None = setting(
        None,
        f"This PC's window number, 1 to {MAX_WINDOW}; not set: the clerk picks one.",
        f"本机窗口号，1 至 {MAX_WINDOW}；不设则由工作人员登录时选择。",
        ge=1,
        le=MAX_WINDOW,
    )
    timezone: str = setting(
        "Asia/Shanghai",
        "The hall's time zone (dates on papers and on the command line).",
        "大厅所在时区（文书日期和命令行日期）。",
    )
    post_check_days: int = setting(
        DEFAULT_POST_CHECK_DAYS,
        "告知承诺: the post-check is due within this many working days of acceptance, for "
        "items whose catalogue entry sets no period of its own.",
        "告知承诺事项的核查期限（受理后工作日数），用于事项目录未规定期限的事项。",
        ge=1,
        le=MAX_POST_CHECK_DAYS,
    )


class UiSettings(BaseModel):
    """``[ui]``: the desktop app."""

    model_config = TABLE
    language: Language | None = setting(
        None,
        '"zh_CN" or "en"; not set: the system\'s language.',
        "界面语言：zh_CN 或 en；不设则跟随系统。",
        choice=True,
    )


class DeviceSettings(BaseModel):
    """``[device]``: the account unattended screens (kiosk, display, rating pad) sign in with;
    at a counter, the account the applicant's screen rates under."""

    model_config = TABLE
    user: str | None = setting(None, "The screen's user name.", "账号名。")
    password: str | None = setting(
        None, "Its password (keep the file readable by the device only).", "该账号的密码。",
        repr=False,
    )  # fmt: skip


class AuditSettings(BaseModel):
    """``[audit]``: how long the audit trail is kept."""

    model_config = TABLE
    retention_days: int = setting(
        MIN_AUDIT_RETENTION_DAYS,
        f"Audit records are kept at least this many days (MLPS: at least "
        f"{MIN_AUDIT_RETENTION_DAYS}).",
        f"审计记录至少保存的天数（等保要求不少于 {MIN_AUDIT_RETENTION_DAYS} 天）。",
        ge=MIN_AUDIT_RETENTION_DAYS,
    )


class ScreensSettings(BaseModel):
    """``[screens]``: the kiosk, the display, the applicant's screen and the supervisor's
    alerts."""

    model_config = TABLE
    voice: Voice = setting(
        "auto",
        'How calls are announced: "auto" (speech, else the clip pack, else a chime), "tts", '
        '"clips" or "chime".',
        "叫号播报方式：auto（语音合成，否则录音包，否则提示音）、tts、clips 或 chime。",
        choice=True,
    )
    voice_dir: str | None = setting(
        None,
        "The hall's own clip pack; not set: the bundled one.",
        "大厅自己的录音包文件夹；不设则用程序自带的。",
    )
    kiosk_idle_s: int = setting(
        60,
        "The kiosk returns to its start page after this many seconds untouched.",
        "取号机无人操作多少秒后回到首页。",
        ge=1,
    )
    display_english: bool = setting(
        default=True, en="The display also announces calls in English.", zh="叫号屏同时用英语播报。"
    )
    pause_alert_min: int = setting(
        20,
        "Supervisor alert: a window paused this many minutes.",
        "值班长提醒：窗口暂停超过多少分钟。",
        ge=1,
    )
    crowd_alert: int = setting(
        10,
        "Supervisor alert: more than this many waiting for one service.",
        "值班长提醒：同一业务等候人数超过多少。",
        ge=1,
    )
    alert_sound: bool = setting(
        default=True, en="The supervisor's alerts make a sound.", zh="值班长提醒时发出提示音。"
    )
    applicant: ApplicantScreenMode = setting(
        "auto",
        'The applicant\'s screen at a counter: "auto" (full screen on a second monitor, else a '
        'window), "window" (always a window on the clerk\'s monitor) or "off".',
        "面向申请人的屏幕：auto（有第二块显示器时在其上全屏，否则以窗口显示）、window（总在"
        "工作人员的显示器上以窗口显示）或 off（不显示）。",
        choice=True,
    )
    applicant_monitor: int | None = setting(
        None,
        "Which monitor the applicant's screen fills (0 the first, in the system's order); not "
        "set, or the clerk's own: the first one the clerk's window is not on.",
        "申请人屏幕所用的显示器编号（按系统顺序，0 为第一块）；不设或设为工作人员所用的那块时，"
        "取工作人员窗口所在显示器以外的第一块。",
        ge=0,
    )
    rating_follow_up_days: int = setting(
        5,
        "A bad rating is followed up within this many working days.",
        "差评须在多少个工作日内回访整改。",
        ge=1,
    )


class SyncSettings(BaseModel):
    """``[sync]``: the central approval server."""

    model_config = TABLE
    server_url: str | None = setting(
        None,
        "The central server (https://…); not set: this PC never syncs.",
        "中心审批服务器地址（https://…）；不设则本机不同步。",
    )
    ca_file: str | None = setting(
        None,
        "The hall CA (PEM), the only one trusted for the server; not set: the system's "
        "trusted CAs. Certificates are always verified.",
        "大厅自建 CA 证书（PEM），设置后只信任它签发的服务器证书；不设则使用系统信任的证书。"
        "证书始终校验。",
    )
    credit_timeout_s: float = setting(
        4.0,
        "Seconds the credit check at intake waits for the central server; then the status "
        "shows as unknown (the counter goes on, a supervisor may override).",
        "受理时信用核查等待中心服务器应答的秒数；超时则显示“未能核查”（窗口照常办理，可由主管授权）。",
        gt=0,
        le=30,
    )
    licence_timeout_s: float = setting(
        4.0,
        "Seconds an e-licence lookup at intake waits for the central server; then the clerk may "
        "type the licence number, verified on the next sync.",
        "受理时查询电子证照等待中心服务器应答的秒数；超时可手工录入证照号，待下次同步时核验。",
        gt=0,
        le=30,
    )

    @field_validator("server_url")
    @classmethod
    def _web_address(cls, url: str | None) -> str | None:
        if url is not None and not url.startswith(("https://", "http://")):
            raise ValueError(f"must be an https:// address, not {url!r}")
        return url.rstrip("/") if url else None


class AppointmentSettings(BaseModel):
    """``[appointments]``: bookings made online, checked in at the kiosk."""

    model_config = TABLE
    slot_min: int = setting(
        30, "The length of a booking slot, in minutes.", "预约时段的长度（分钟）。", ge=5, le=240
    )
    early_min: int = setting(
        60,
        "A booking checks in from this many minutes before its slot.",
        "预约可在时段开始前多少分钟签到。",
        ge=0,
        le=600,
    )
    grace_min: int = setting(
        15,
        "… and until this many minutes after its slot's end; not checked in by then, it is "
        "counted a no-show.",
        "……直到时段结束后多少分钟；届时仍未签到的记为爽约。",
        ge=0,
        le=600,
    )
    pull_days: int = setting(
        DEFAULT_PULL_DAYS,
        "The days of bookings the sync pulls: today and the days after.",
        "同步时拉取多少天的预约（今天及之后）。",
        ge=1,
        le=MAX_PULL_DAYS,
    )


class NotificationSettings(BaseModel):
    """``[notifications]``: text messages (短信提醒) the central server sends."""

    model_config = TABLE
    turn_near_ahead: int = setting(
        DEFAULT_TURN_NEAR_AHEAD,
        "A ticket whose holder opted in at the kiosk gets 'your turn is near' when this many "
        "people or fewer are ahead of it; 0 sends none.",
        "在取号机订阅短信提醒的号票，前面等候人数降到此数及以下时发送“即将叫号”短信；0 为不发送。",
        ge=0,
        le=50,
    )
    per_service: dict[str, int] = setting(
        {},
        "The same, per service code where it differs (A = 5, B = 0).",
        "按业务代码单独设置的人数（如 A = 5，B = 0）。",
    )

    @field_validator("per_service")
    @classmethod
    def _in_range(cls, value: dict[str, int]) -> dict[str, int]:
        for code, ahead in value.items():
            if not 0 <= ahead <= 50:
                raise ValueError(f"{code}: between 0 and 50")
        return value


class ScannerSettings(BaseModel):
    """``[scanner]``: where scanned pages come from besides files the clerk picks."""

    model_config = TABLE
    kind: ScannerKind = setting(
        "none",
        '"none", "sane" (a scanner through scanimage), "folder" (a watched folder) or '
        '"camera" (a document camera as a USB camera, through Qt Multimedia, with a live '
        "picture in the scan panel).",
        "none（无）、sane（通过 scanimage 使用扫描仪）、folder（监视文件夹）或 camera"
        "（高拍仪作为 USB 摄像头，经 Qt Multimedia 使用，扫描区显示实时画面）。",
        choice=True,
    )
    device: str | None = setting(
        None,
        "SANE device name; not set: the first scanner SANE finds.",
        "SANE 设备名；不设则用 SANE 找到的第一台。",
    )
    folder: str | None = setting(
        None,
        "The folder a scanner or document camera saves into (kind = folder).",
        "扫描仪或高拍仪保存文件的文件夹（kind = folder 时必填）。",
    )
    camera: str | None = setting(
        None,
        "kind = camera: a part of the document camera's name or id, to pick it among several "
        "cameras; not set: the PC's default camera.",
        "kind = camera 时：高拍仪名称或设备 ID 的一部分，用于在多个摄像头中选定高拍仪；"
        "不设则用本机默认摄像头。",
    )

    @model_validator(mode="after")
    def _folder_named(self) -> ScannerSettings:
        if self.kind == "folder" and not self.folder:
            raise ValueError('kind = "folder" needs folder, the folder to watch')
        return self


class IdCardSettings(BaseModel):
    """``[idcard]``: the ID-card reader at this counter (the security module's serial protocol,
    or the vendor's SDK library)."""

    model_config = TABLE
    backend: IdCardBackend = setting(
        "serial",
        '"serial" (the security module\'s protocol on a serial port) or "sdk" (the vendor\'s '
        "sdtapi.dll-style library, sdk_library).",
        "serial（串口直连安全模块协议）或 sdk（厂商的 sdtapi.dll 类动态库，见 sdk_library）。",
        choice=True,
    )
    port: str | None = setting(
        None,
        "serial: the reader's serial port (/dev/ttyUSB0, COM3 …); not set: this counter has no "
        "reader and the intake form shows no Read ID card button. sdk: the SDK's port number "
        "(1001-1016 USB readers, 1-16 COM ports); not set: 1001, the first USB reader.",
        "serial：身份证阅读器的串口（如 /dev/ttyUSB0、COM3），不设则本窗口无阅读器，"
        "受理表单不显示“读卡”按钮；sdk：动态库的端口号（USB 阅读器 1001-1016，串口 1-16），"
        "不设则为 1001（第一台 USB 阅读器）。",
    )
    sdk_library: str | None = setting(
        None,
        "backend = sdk: the path of the vendor's reader library (sdtapi.dll), installed with "
        "the vendor's driver; OneWindow ships none.",
        "backend = sdk 时必填：厂商阅读器动态库（sdtapi.dll）的路径，随厂商驱动安装；"
        "本软件不附带任何厂商库。",
    )
    photo_decoder: str | None = setting(
        None,
        "The path of the vendor's photo decoder (WltRS.dll), where the hall installed one "
        "(either backend); the photo check shows the decoded card photo. Not set: photo not "
        "available.",
        "厂商照片解码库（WltRS.dll）的路径（大厅已安装时，两种 backend 均可用）；人证核验时显示"
        "解码后的证件照片。不设则证件照片不可用。",
    )
    keep_photo: bool = setting(
        default=False,
        en="Keep the card photo, and the camera picture the clerk compared it with, with the "
        "case's photo check, sealed like scans (the hall key ring). Off: nothing of either "
        "picture is stored; only the verdict is.",
        zh="是否将证件照片及核验时比对的摄像头画面随案件的人证核验记录一并保存（与扫描件一样"
        "用大厅密钥加密）。关闭时两张图片均不保存，只记录核验结果。",
    )
    baud: int = setting(
        115200,
        "The reader's baud rate.",
        "阅读器的波特率。",
        gt=0,
    )
    timeout_s: float = setting(
        3.0,
        "How long to wait, in seconds, for each answer of the reader.",
        "等待阅读器每次应答的最长时间（秒）。",
        gt=0,
        le=30,
    )

    @model_validator(mode="after")
    def _sdk_named(self) -> IdCardSettings:
        if self.backend == "sdk":
            if not self.sdk_library:
                raise ValueError('backend = "sdk" needs sdk_library, the vendor\'s library')
            if self.port is not None and not self.port.isdigit():
                raise ValueError(
                    'backend = "sdk" needs port to be the SDK\'s port number (1001 …), '
                    f"not {self.port!r}"
                )
        return self

    @property
    def sdk_port(self) -> int:
        """The SDK's port number (backend = sdk)."""
        return int(self.port) if self.port else FIRST_SDK_USB_PORT

    @property
    def configured(self) -> bool:
        """This counter has a reader: a serial port is set, or the SDK backend is chosen."""
        return self.backend == "sdk" or self.port is not None


class SecuritySettings(BaseModel):
    """``[security]``: the password policy, the idle lock and where the hall key lives.

    ``password_policy`` picks the defaults (``mlps``: 8 characters of 3 classes, 90-day expiry,
    last 5 not reused; ``modern``: NIST SP 800-63B, 12 characters, no composition rules, no
    expiry, common passwords refused); the ``password_*`` keys override single values.
    """

    model_config = TABLE
    password_policy: PasswordPolicyName = setting(
        "mlps",
        '"mlps" (8 characters of 3 classes, 90-day expiry, last 5 not reused) or "modern" '
        "(NIST SP 800-63B: 12 characters, no expiry, common passwords refused).",
        "mlps（等保：8 位三类字符、90 天过期、近 5 次不得重复）或 modern（NIST SP 800-63B："
        "12 位、不过期、拒绝常见密码）。",
        choice=True,
    )
    password_min_length: int | None = setting(
        None, "Overrides the policy's minimum length.", "覆盖策略的最短长度。", ge=8
    )
    password_expiry_days: int | None = setting(
        None,
        "Overrides the policy's expiry; 0: passwords never expire.",
        "覆盖策略的密码有效期（天）；0 为永不过期。",
        ge=0,
    )
    password_history: int | None = setting(
        None,
        "Overrides how many past passwords may not be reused; 0: none kept.",
        "覆盖不得重复使用的历史密码个数；0 为不保留。",
        ge=0,
    )
    idle_lock_minutes: int = setting(
        DEFAULT_IDLE_LOCK_MINUTES,
        f"The screen locks after this many minutes idle (1 to {MAX_IDLE_LOCK_MINUTES}).",
        f"无操作多少分钟后锁屏（1 至 {MAX_IDLE_LOCK_MINUTES}）。",
        ge=1,
        le=MAX_IDLE_LOCK_MINUTES,
    )
    key_source: KeySource = setting(
        "file",
        'Where the hall key lives: "file" (the hall key file) or "keyring" (the OS keyring).',
        "大厅密钥存放位置：file（密钥文件）或 keyring（操作系统密钥环）。",
        choice=True,
    )
    key_file: str | None = setting(
        None,
        "The hall key file; not set: hall-key.json in the data directory.",
        "大厅密钥文件；不设则为数据目录下的 hall-key.json。",
    )
    cipher: Cipher = setting(
        "sm4-gcm",
        'Algorithm of new keys: "sm4-gcm" or "aes-256-gcm".',
        "新密钥的算法：sm4-gcm 或 aes-256-gcm。",
        choice=True,
    )


class BackupSettings(BaseModel):
    """``[backup]``: online copies of an SQLite hall (``clerk-app maintenance backup``, and the
    desktop app while it runs). A PostgreSQL hall is backed up on its server with pg_dump."""

    model_config = TABLE
    dir: str | None = setting(
        None,
        "Where copies go; not set: backups/ in the database file's folder.",
        "备份存放文件夹；不设则为数据库文件所在文件夹下的 backups/。",
    )
    keep_days: int = setting(
        14,
        "Older copies are deleted once a new one has passed its check.",
        "新备份校验通过后，删除早于多少天的旧备份。",
        ge=1,
        le=MAX_BACKUP_KEEP_DAYS,
    )
    every_hours: int = setting(
        4,
        "The desktop app copies when the newest copy is older than this; 0: it never does.",
        "桌面程序在最新备份早于多少小时时自动备份；0 为不自动备份。",
        ge=0,
        le=MAX_BACKUP_EVERY_HOURS,
    )


class SigningSettings(BaseModel):
    """``[signing]``: the PDF signature on official papers (the hall's certificate)."""

    model_config = TABLE
    enabled: bool = setting(
        default=False,
        en="Sign official papers (receipts, notices, results, handover records) with the hall's "
        "certificate; the archive checks the signature whenever it reads a paper back.",
        zh="用大厅证书对正式文书（回执、告知书、结果、领取记录）加数字签名；存档读取文书时校验签名。",
    )
    pkcs12_file: str | None = setting(
        None,
        "The hall's certificate and key (PKCS#12); not set: hall-signing.p12 in the data "
        "directory. Its passphrase is kept sealed with the hall key in the file beside it "
        "(.passphrase), never in this file.",
        "大厅签名证书及私钥（PKCS#12）；不设则为数据目录下的 hall-signing.p12。"
        "其口令用大厅密钥加密保存在同目录的 .passphrase 文件中，不写在本配置文件里。",
    )
    tsa_url: str | None = setting(
        None,
        "The hall's timestamp authority (RFC 3161, http or https); set: papers carry a "
        "timestamp (PAdES B-T), not set: without (B-B).",
        "大厅时间戳服务地址（RFC 3161，http 或 https）；设置后文书带时间戳（PAdES B-T），"
        "不设则不带（B-B）。",
    )
    seal: bool = setting(
        default=False,
        en="Show the hall's e-seal image (installed with clerk-app signing seal-image, kept "
        "sealed with the hall key) as the signature's appearance; false: an invisible signature.",
        zh="以大厅电子印章图片（用 clerk-app signing seal-image 安装，用大厅密钥加密保存）"
        "作为签名外观；false 为不可见签名。",
    )
    seal_page: int = setting(
        -1,
        "The page the e-seal goes on (1 the first, -1 the last).",
        "电子印章所在页（1 为第一页，-1 为最后一页）。",
    )
    seal_box: list[int] = setting(
        [400, 60, 520, 180],
        "The e-seal's box in points from the page's lower left corner: x1, y1, x2, y2.",
        "电子印章的位置（点，自页面左下角起）：x1, y1, x2, y2。",
    )

    @field_validator("seal_box")
    @classmethod
    def _box(cls, value: list[int]) -> list[int]:
        if len(value) != 4 or value[0] >= value[2] or value[1] >= value[3] or min(value) < 0:
            raise ValueError("seal_box is x1, y1, x2, y2 with x1 < x2 and y1 < y2, all >= 0")
        return value

    @field_validator("seal_page")
    @classmethod
    def _page(cls, value: int) -> int:
        if value == 0:
            raise ValueError("seal_page counts from 1 (or -1 for the last page)")
        return value

    @field_validator("tsa_url")
    @classmethod
    def _tsa(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith(("http://", "https://")):
            raise ValueError("tsa_url is an http:// or https:// address")
        return value


class _Sections(BaseModel):
    model_config = TABLE
    database: DatabaseSettings = table(DatabaseSettings, "The hall's database.", "大厅数据库。")
    hall: HallSettings = table(HallSettings, "This hall and this PC's window.", "大厅与本机窗口。")
    ui: UiSettings = table(UiSettings, "The desktop app.", "桌面程序界面。")
    device: DeviceSettings = table(
        DeviceSettings,
        "The account unattended screens (kiosk, display, rating pad) sign in with; on a counter "
        "PC, the rating device account the applicant's screen submits ratings under.",
        "无人值守屏幕（取号机、叫号屏、评价器）登录用的账号；在窗口电脑上，是申请人屏幕提交"
        "评价所用的评价设备账号。",
    )
    audit: AuditSettings = table(AuditSettings, "The audit trail.", "审计记录。")
    screens: ScreensSettings = table(
        ScreensSettings,
        "The kiosk, the display, the applicant's screen and the supervisor's alerts.",
        "取号机、叫号屏、申请人屏幕和值班长提醒。",
    )
    sync: SyncSettings = table(SyncSettings, "The central approval server.", "中心审批服务器。")
    appointments: AppointmentSettings = table(
        AppointmentSettings,
        "Bookings made online (预约): slots, check-in times, no-shows.",
        "网上预约：时段、签到时间、爽约。",
    )
    notifications: NotificationSettings = table(
        NotificationSettings,
        "Text messages to applicants: when 'your turn is near' is sent.",
        "给申请人的短信：何时发送“即将叫号”提醒。",
    )
    scanner: ScannerSettings = table(
        ScannerSettings,
        "Where scanned pages come from besides files the clerk picks.",
        "除工作人员选择的文件外，扫描件的来源。",
    )
    backup: BackupSettings = table(
        BackupSettings,
        "Online copies of an SQLite hall (a PostgreSQL hall is backed up on its server with "
        "pg_dump).",
        "SQLite 单机方案的在线备份（PostgreSQL 大厅在数据库服务器上用 pg_dump 备份）。",
    )
    idcard: IdCardSettings = table(
        IdCardSettings,
        "The ID-card reader at this counter.",
        "本窗口的身份证阅读器。",
    )
    security: SecuritySettings = table(
        SecuritySettings,
        "The password policy, the idle lock and where the hall key lives.",
        "密码策略、空闲锁屏和大厅密钥的存放位置。",
    )
    signing: SigningSettings = table(
        SigningSettings,
        "The PDF signature on official papers.",
        "正式文书的 PDF 数字签名。",
    )


class ConfigFile(_Sections):
    """The config file as written."""

    papers: PapersTable = table(
        PapersTable,
        "Who decides, seals and answers, as the papers say it; an empty value prints as not set.",
        "文书上载明的决定机关、印章和咨询方式；未设置的项在文书上注明“未设置”。",
    )
    printing: PrintingTable = table(
        PrintingTable, "Which printer prints what.", "哪台打印机打印哪类文书。"
    )
    printers: dict[str, PrinterConfig] = Field(
        default_factory=dict,
        description="[printers.NAME]: one table per printer, its keys by kind (below).",
        json_schema_extra={"zh": "[printers.名称]：每台打印机一张表，可用的键取决于类型（见下）。"},
    )


class Settings(_Sections):
    """What the app reads: the file's tables, the printing and papers resolved.

    The flat names below (``settings.hall_code``) are how the app has always read the
    tables; they are read-only views, the key and its default live in the table's model."""

    papers: PapersSettings = Field(default_factory=PapersSettings)
    printing: PrintingSettings = Field(default_factory=PrintingSettings)

    @property
    def db_url(self) -> str | None:
        return self.database.url

    @property
    def hall_code(self) -> str | None:
        return self.hall.code

    @property
    def window(self) -> int | None:
        return self.hall.window

    @property
    def timezone(self) -> str:
        return self.hall.timezone

    @property
    def post_check_days(self) -> int:
        return self.hall.post_check_days

    @property
    def language(self) -> Language | None:
        return self.ui.language

    @property
    def device_user(self) -> str | None:
        return self.device.user

    @property
    def device_password(self) -> str | None:
        return self.device.password

    @property
    def audit_retention_days(self) -> int:
        return self.audit.retention_days

    @property
    def voice(self) -> Voice:
        return self.screens.voice

    @property
    def voice_dir(self) -> str | None:
        return self.screens.voice_dir

    @property
    def kiosk_idle_s(self) -> int:
        return self.screens.kiosk_idle_s

    @property
    def display_english(self) -> bool:
        return self.screens.display_english

    @property
    def pause_alert_min(self) -> int:
        return self.screens.pause_alert_min

    @property
    def crowd_alert(self) -> int:
        return self.screens.crowd_alert

    @property
    def alert_sound(self) -> bool:
        return self.screens.alert_sound

    @property
    def rating_follow_up_days(self) -> int:
        return self.screens.rating_follow_up_days

    @property
    def sync_server_url(self) -> str | None:
        return self.sync.server_url

    @property
    def sync_ca_file(self) -> str | None:
        return self.sync.ca_file
