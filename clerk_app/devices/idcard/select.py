"""The counter's reader as ``[idcard]`` describes it: the serial backend or the vendor's SDK."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from clerk_app.devices.idcard.errors import NoReaderConfigured
from clerk_app.devices.idcard.reader import CardReader, IdCardReader
from clerk_app.devices.idcard.sdk import SdkCardReader
from clerk_app.settings_schema import IdCardSettings


def reader_from_settings(config: IdCardSettings, today: Callable[[], dt.date]) -> CardReader:
    """The reader ``config`` names; :class:`NoReaderConfigured` where it names none."""
    if config.backend == "sdk" and config.sdk_library:  # the settings model requires it
        return SdkCardReader(
            config.sdk_library,
            config.sdk_port,
            today=today,
            photo_decoder=config.photo_decoder,
        )
    if config.port is None:
        raise NoReaderConfigured
    return IdCardReader(
        config.port,
        config.baud,
        config.timeout_s,
        today=today,
        photo_decoder=config.photo_decoder,
    )
