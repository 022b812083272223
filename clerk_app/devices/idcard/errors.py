"""What stops a card read, each as one line in Chinese and English.

Every error is an :class:`~onewindow_base.failures.OperationalFailure`, so the command line
prints its line (no traceback) and exits 1, like a printer or scanner fault. No message names
the holder or any field of the card: personal data never reaches a log or a terminal through
an error.
"""

from __future__ import annotations

from onewindow_base.failures import OperationalFailure
from onewindow_base.wording import Wording


class IdCardError(OperationalFailure):
    """Any failure of an ID-card read; the subclasses say which."""


class NoCard(IdCardError):  # noqa: N818 - named for what happened
    def __init__(self, port: str) -> None:
        super().__init__(
            Wording(
                "身份证阅读器 {target} 上没有证件：请将证件平放在阅读器感应区后重试。",
                "no card on the ID-card reader {target}: lay the card flat on the reader, "
                "then try again",
            ),
            target=port,
        )


class CardRemoved(IdCardError):  # noqa: N818 - named for what happened
    def __init__(self, port: str) -> None:
        super().__init__(
            Wording(
                "读卡途中证件离开了阅读器 {target}（或证件无法读取）："
                "请将证件放稳，读完前不要移动，然后重试。",
                "the card left the ID-card reader {target} during the read (or cannot be read): "
                "keep it still on the reader until the read is done, then try again",
            ),
            target=port,
        )


class ChecksumError(IdCardError):
    def __init__(self, port: str) -> None:
        super().__init__(
            Wording(
                "与身份证阅读器 {target} 通信时校验和出错：请检查连接线后重试。",
                "a checksum error on the line to the ID-card reader {target}: check the cable, "
                "then try again",
            ),
            target=port,
        )


class DeviceSilent(IdCardError):  # noqa: N818 - named for what happened
    def __init__(self, port: str, timeout_s: float) -> None:
        super().__init__(
            Wording(
                "身份证阅读器 {target} 在 {detail} 秒内没有应答："
                "请确认阅读器已通电、端口和波特率正确。",
                "the ID-card reader {target} did not answer within {detail} s: check that it "
                "is powered and that the port and the baud rate are right",
            ),
            target=port,
            detail=f"{timeout_s:g}",
        )


class PortGone(IdCardError):  # noqa: N818 - named for what happened
    def __init__(self, port: str, detail: str) -> None:
        super().__init__(
            Wording(
                "无法使用身份证阅读器的端口 {target}（{detail}）：请确认阅读器已连接、端口名正确。",
                "cannot use the ID-card reader's port {target} ({detail}): check that the "
                "reader is plugged in and the port name is right",
            ),
            target=port,
            detail=detail,
        )


class ProtocolError(IdCardError):
    def __init__(self, port: str, detail: str) -> None:
        super().__init__(
            Wording(
                "身份证阅读器 {target} 的应答无法理解（{detail}）："
                "请确认该端口连接的是身份证阅读器。",
                "the ID-card reader {target} answered something unexpected ({detail}): check "
                "that this port is an ID-card reader's",
            ),
            target=port,
            detail=detail,
        )


class UnsupportedCard(IdCardError):  # noqa: N818 - named for what happened
    """A card whose text layout this version does not decode (rather than a wrong parse)."""

    def __init__(self, detail: str) -> None:
        super().__init__(
            Wording(
                "此类证件暂不支持读取（{detail}）：请手工录入证件信息。",
                "this kind of card cannot be read yet ({detail}): enter its details by hand",
            ),
            detail=detail,
        )


class BadCardData(IdCardError):  # noqa: N818 - named for what happened
    """The card's text block does not hold what its layout says (a damaged or forged card)."""

    def __init__(self, detail: str) -> None:
        super().__init__(
            Wording(
                "证件芯片中的信息不合规范（{detail}）：请核对证件，必要时手工录入。",
                "the card's chip holds malformed data ({detail}): check the card and enter its "
                "details by hand if needed",
            ),
            detail=detail,
        )


class NoReaderConfigured(IdCardError):  # noqa: N818 - named for what happened
    """No port given and none in the settings' ``[idcard]`` table."""

    def __init__(self) -> None:
        super().__init__(
            Wording(
                "未配置身份证阅读器：请在配置文件的 [idcard] 中设置 port，或用 --port 指定端口。",
                "no ID-card reader is configured: set port in the config file's [idcard] "
                "table, or give --port",
            )
        )


class SdkUnavailable(IdCardError):  # noqa: N818 - named for what happened
    """The vendor's library (reader SDK or photo decoder) cannot be loaded, or lacks a function."""

    def __init__(self, library: str, detail: str) -> None:
        super().__init__(
            Wording(
                "无法使用身份证阅读器厂商的动态库 {target}（{detail}）："
                "请确认已安装厂商驱动，并检查 [idcard] 中的库文件路径。",
                "cannot use the ID-card reader vendor's library {target} ({detail}): check "
                "that the vendor's driver is installed and the library path in [idcard]",
            ),
            target=library,
            detail=detail,
        )
