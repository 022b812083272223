"""``clerk-app device …``: try a counter device without the app or a database (the settings
file gives the hall's time zone).

``device idcard`` reads the card on an ID-card reader once and prints it (text, or JSON with
``--json``); the port, the baud rate and the timeout come from the settings' ``[idcard]`` table
unless ``--port``, ``--baud`` or ``--timeout`` say otherwise. The ID number is masked
(``110105********002X``, as papers print it) unless ``--show-id`` is given; the photo is not
printed, only its size. Nothing of the card is logged. A failure (no card, the card moved, the
reader silent or unplugged, no port at all) is one line on stderr and exit status 1, like every
operational failure of ``clerk-app``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from typing import Any
from zoneinfo import ZoneInfo

from clerk_app.devices.idcard.card import CardData
from clerk_app.devices.idcard.errors import NoReaderConfigured
from clerk_app.devices.idcard.reader import IdCardReader
from clerk_app.settings_schema import IdCardSettings
from clerk_app.validation.ids import mask_id

EXIT_OK = 0


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    device = sub.add_parser("device", help="try a counter device (ID-card reader)")
    dsub = device.add_subparsers(dest="device", required=True, metavar="DEVICE")
    idcard = dsub.add_parser(
        "idcard", help="read one card on an ID-card reader (security-module serial protocol)"
    )
    idcard.add_argument(
        "--port", metavar="PATH", help="serial port: /dev/ttyUSB0, COM3 … ([idcard] port)"
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
    }


def run(args: argparse.Namespace, hall_zone: ZoneInfo, idcard: IdCardSettings) -> int:
    """Read one card; ``hall_zone`` (``[hall] timezone``) says which day it is for expiry,
    ``idcard`` (``[idcard]``) what the options leave out."""
    port = args.port or idcard.port
    if port is None:
        raise NoReaderConfigured
    reader = IdCardReader(
        port,
        baudrate=idcard.baud if args.baud is None else args.baud,
        timeout_s=idcard.timeout_s if args.timeout is None else args.timeout,
        today=lambda: dt.datetime.now(hall_zone).date(),
    )
    card = reader.read_card()
    payload = card_payload(card, show_id=args.show_id, today=reader.today())
    if args.json:
        print(json.dumps(payload, ensure_ascii=False))
        return EXIT_OK
    for key, value in payload.items():
        if value is not None:
            print(f"{key}: {value}")
    if payload["expired"]:
        print("warning: this card has expired")
    return EXIT_OK
