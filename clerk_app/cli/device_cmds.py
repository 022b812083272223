"""``clerk-app device …``: try a counter device without the app or a database (the settings
file gives the hall's time zone).

``device idcard`` reads the card on an ID-card reader once and prints it (text, or JSON with
``--json``); the port, the baud rate and the timeout come from the settings' ``[idcard]`` table
unless ``--port``, ``--baud`` or ``--timeout`` say otherwise; ``--sdk PATH`` reads through the
vendor's library instead (``[idcard] backend = "sdk"``), with ``--photo-decoder``. The ID number
is masked (``110105********002X``, as papers print it) unless ``--show-id`` is given; the photo
is not printed, only its size and whether a vendor's decoder made a BMP of it ("photo not
available" otherwise). Nothing of the card is logged. A failure (no card, the card moved, the
reader silent or unplugged, no port at all) is one line on stderr and exit status 1, like every
operational failure of ``clerk-app``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import Any
from zoneinfo import ZoneInfo

from pydantic import ValidationError

from clerk_app.devices.idcard.card import CardData
from clerk_app.devices.idcard.errors import NoReaderConfigured
from clerk_app.devices.idcard.select import reader_from_settings
from clerk_app.settings_schema import IdCardSettings
from onewindow_protocol.masking import mask_id

EXIT_OK = 0
EXIT_USAGE = 2
PHOTO_NOT_AVAILABLE = "photo not available"


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    device = sub.add_parser("device", help="try a counter device (ID-card reader)")
    dsub = device.add_subparsers(dest="device", required=True, metavar="DEVICE")
    idcard = dsub.add_parser(
        "idcard", help="read one card on an ID-card reader (security-module serial protocol)"
    )
    idcard.add_argument(
        "--port", metavar="PATH", help="serial port: /dev/ttyUSB0, COM3 … ([idcard] port)"
    )
    idcard.add_argument(
        "--sdk",
        metavar="PATH",
        help="read through the vendor's library (sdtapi.dll) instead of the serial protocol; "
        "--port is then the SDK's port number, 1001 the first USB reader ([idcard] sdk_library)",
    )
    idcard.add_argument(
        "--photo-decoder",
        metavar="PATH",
        help="the vendor's photo decoder (WltRS.dll) ([idcard] photo_decoder)",
    )
    idcard.add_argument("--baud", type=int, metavar="N", help="baud rate ([idcard] baud)")
    idcard.add_argument(
        "--timeout",
        type=float,
        metavar="SECONDS",
        help="how long to wait for each answer of the reader ([idcard] timeout_s)",
    )
    idcard.add_argument("--show-id", action="store_true", help="print the whole ID number")
    idcard.add_argument("--json", action="store_true", help="print JSON")


def card_payload(card: CardData, *, show_id: bool, today: dt.date) -> dict[str, Any]:
    ethnicity = card.ethnicity_names
    return {
        "kind": card.kind.value,
        "name": card.name,
        "english_name": card.english_name,
        "sex": card.sex_names.zh,
        "sex_code": card.sex,
        "ethnicity": None if ethnicity is None else ethnicity.zh,
        "ethnicity_code": card.ethnicity,
        "nationality": card.nationality,
        "birth_date": card.birth_date.isoformat(),
        "address": card.address,
        "id_number": card.id_number if show_id else mask_id(card.id_number),
        "authority": card.authority,
        "valid_from": card.valid_from.isoformat(),
        "valid_to": None if card.valid_to is None else card.valid_to.isoformat(),
        "expired": card.expired(today),
        "pass_number": card.pass_number,
        "issue_count": card.issue_count,
        "renewal_count": card.renewal_count,
        "photo_bytes": 0 if card.photo is None else len(card.photo),
        "photo": PHOTO_NOT_AVAILABLE
        if card.photo_bmp is None
        else f"BMP, {len(card.photo_bmp)} bytes (decoded by the vendor's library)",
    }


def run(args: argparse.Namespace, hall_zone: ZoneInfo, idcard: IdCardSettings) -> int:
    """Read one card; ``hall_zone`` (``[hall] timezone``) says which day it is for expiry,
    ``idcard`` (``[idcard]``) what the options leave out."""
    overrides: dict[str, object] = {
        "port": args.port,
        "baud": args.baud,
        "timeout_s": args.timeout,
        "sdk_library": args.sdk,
        "photo_decoder": args.photo_decoder,
    }
    if args.sdk:
        overrides["backend"] = "sdk"
    values = idcard.model_dump() | {k: v for k, v in overrides.items() if v is not None}
    try:
        config = IdCardSettings.model_validate(values)
    except ValidationError as exc:
        print(f"error: {exc.errors()[0]['msg']}", file=sys.stderr)
        return EXIT_USAGE
    if not config.configured:
        raise NoReaderConfigured

    def today() -> dt.date:
        return dt.datetime.now(hall_zone).date()

    card = reader_from_settings(config, today).read_card()
    payload = card_payload(card, show_id=args.show_id, today=today())
    if args.json:
        print(json.dumps(payload, ensure_ascii=False))
        return EXIT_OK
    for key, value in payload.items():
        if value is not None:
            print(f"{key}: {value}")
    if payload["expired"]:
        print("warning: this card has expired")
    return EXIT_OK
