"""Catalogue releases: immutable item versions grouped into numbered releases."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import Field

from onewindow_protocol.wire.common import Reply


class ItemVersionRef(Reply):
    code: str
    version: int
    sha256: str


class CatalogueRelease(Reply):
    release: int
    label: str
    published_at: dt.datetime
    etag: str
    items: list[ItemVersionRef]
    document: dict[str, Any] = Field(
        description="The catalogue file as published (format onewindow-catalogue), every item "
        "in it at the version this release holds."
    )


class CatalogueItemReply(Reply):
    code: str
    version: int
    sha256: str
    published_at: dt.datetime
    item: dict[str, Any]


class PublishOutcome(Reply):
    release: int
    label: str
    etag: str
    created: bool = Field(description="False: the same catalogue was already the current one.")
    items_new: int
    items_unchanged: int
