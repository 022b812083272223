"""The joint-punishment list (联合惩戒名单) as a counter asks it (docs/sync-protocol.md).

The identifier travels in a POST body, never in a URL: URLs end up in access logs.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Annotated

from pydantic import Field, StringConstraints

from onewindow_protocol.wire.common import Reply, Request

# A resident ID number or a unified social credit code, normalised (upper case, no spaces).
# The shape only: a number a supervisor let through a wrong check character is asked too.
Subject = Annotated[str, StringConstraints(pattern=r"^[0-9A-Z]{18}$")]


class CreditStatus(enum.StrEnum):
    CLEAR = "clear"  # on no list in force
    LISTED = "listed"  # on the list: 容缺 and 告知承诺 are refused


class CreditLookupRequest(Request):
    identifier: Subject = Field(description="A resident ID number or a unified social credit code.")


class CreditListing(Reply):
    reason: str = Field(description="Why the subject is listed, e.g. 失信被执行人.")
    measure: str = Field(description="The joint punishment measure the counter applies.")
    source: str = Field(description="The list it comes from and the authority that keeps it.")
    listed_since: dt.date
    until: dt.date | None = Field(None, description="Last day in force; null: until removed.")


class CreditLookupReply(Reply):
    status: CreditStatus
    listings: list[CreditListing] = Field(description="Every listing in force (empty: clear).")
    as_of: dt.datetime = Field(description="The server's time of the answer.")
    list_updated_at: dt.datetime | None = Field(
        None, description="When the list last changed (null: never filled)."
    )


class CreditListingIn(Request):
    """What ``central-server credit add`` records (the command line, not the HTTP API)."""

    identifier: Subject
    reason: Annotated[str, StringConstraints(min_length=1, max_length=500, strip_whitespace=True)]
    measure: Annotated[str, StringConstraints(min_length=1, max_length=500, strip_whitespace=True)]
    source: Annotated[str, StringConstraints(min_length=1, max_length=200, strip_whitespace=True)]
    listed_since: dt.date
    until: dt.date | None = None
    added_by: Annotated[str, StringConstraints(min_length=1, max_length=64)]


class CreditListingOut(Reply):
    id: int
    identifier_masked: str
    kind: str
    reason: str
    measure: str
    source: str
    listed_since: dt.date
    until: dt.date | None
    added_by: str
    added_at: dt.datetime
