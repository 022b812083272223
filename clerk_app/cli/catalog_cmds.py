"""``clerk-app catalog …``: import, export, validate, search and roll back the item catalogue.

A refused file exits 1 with every problem on stderr, one per line (JSON path, item code,
message); the active catalogue is untouched.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from clerk_app.catalogue.format import CatalogueDocument, dumps
from clerk_app.catalogue.generate import generate
from clerk_app.catalogue.service import CatalogueService
from clerk_app.catalogue.types import (
    CatalogueRefusal,
    CatalogueRefused,
    SearchHit,
)
from clerk_app.services import Services

EXIT_OK, EXIT_REFUSED = 0, 1


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    catalog = sub.add_parser("catalog", help="the service-item catalogue")
    csub = catalog.add_subparsers(dest="action", required=True, metavar="ACTION")

    imp = csub.add_parser("import", help="import a catalogue file and make it active")
    imp.add_argument("file", type=Path)
    val = csub.add_parser("validate", help="check a catalogue file; changes nothing")
    val.add_argument("file", type=Path)
    exp = csub.add_parser("export", help="write a catalogue version to a file")
    exp.add_argument("-o", "--output", type=Path, required=True)
    exp.add_argument("--version", help="version label (default: the active one)")
    csub.add_parser("versions", help="list the stored catalogue versions")
    act = csub.add_parser("activate", help="make a stored version active again")
    act.add_argument("version", metavar="LABEL")
    search = csub.add_parser("search", help="search items by name, code, pinyin or department")
    search.add_argument("text")
    search.add_argument("--limit", type=int, default=20)
    show = csub.add_parser("show", help="an item with its situations and materials")
    show.add_argument("code")
    gen = csub.add_parser("generate", help="write a synthetic catalogue for scale tests")
    gen.add_argument("-o", "--output", type=Path, required=True)
    gen.add_argument("--items", type=int, default=1300)
    gen.add_argument("--seed", type=int, default=2026)

    for p in csub.choices.values():
        p.add_argument("--json", action="store_true", help="print JSON")


def _print(args: argparse.Namespace, payload: Any, text: str) -> None:
    print(json.dumps(payload, ensure_ascii=False, default=str) if args.json else text)


def _hit_json(hit: SearchHit) -> dict[str, Any]:
    item = hit.item
    return {
        "item_id": item.item_id,
        "code": item.code,
        "name": item.name_zh,
        "name_en": item.name_en,
        "department": item.department_zh,
        "match": hit.match.name.lower(),
    }


def _refused(args: argparse.Namespace, exc: CatalogueRefused) -> int:
    where = f"{args.file}: " if getattr(args, "file", None) else ""
    for problem in exc.problems:
        print(f"{where}{problem}", file=sys.stderr)
    print(f"clerk-app: {exc}; nothing was changed", file=sys.stderr)
    if args.json:
        problems = [asdict(p) for p in exc.problems]
        print(json.dumps({"refused": exc.code.value, "problems": problems}, ensure_ascii=False))
    return EXIT_REFUSED


def _version_id(service: CatalogueService, label: str | None) -> int | None:
    if label is None:
        return None
    for version in service.versions():
        if version.label == label:
            return version.version_id
    raise CatalogueRefused(CatalogueRefusal.UNKNOWN_VERSION, detail=label)


def _summary(doc: CatalogueDocument) -> str:
    materials = sum(len(item.materials) for item in doc.items)
    return f"catalogue {doc.version}: {len(doc.items)} items, {materials} materials"


def _import(service: CatalogueService, args: argparse.Namespace) -> None:
    out = service.import_file(args.file, by=args.operator)
    if out.created:
        state = "imported and active"
    else:
        state = "already stored; now active" if out.activated else "already the active catalogue"
    text = (
        f"catalogue {out.version.label}: {state} ({out.version.item_count} items, "
        f"{out.items_added} new item versions, {out.items_reused} unchanged)"
    )
    _print(args, asdict(out), text)


def _validate(service: CatalogueService, args: argparse.Namespace) -> None:
    doc = service.validate_file(args.file)
    payload = {"valid": True, "version": doc.version, "items": len(doc.items)}
    _print(args, payload, _summary(doc) + ": valid")


def _export(service: CatalogueService, args: argparse.Namespace) -> None:
    doc = service.export_file(args.output, _version_id(service, args.version))
    payload = {"version": doc.version, "items": len(doc.items), "file": str(args.output)}
    _print(args, payload, _summary(doc) + f" written to {args.output}")


def _versions(service: CatalogueService, args: argparse.Namespace) -> None:
    versions = service.versions()
    lines = [
        f"{'*' if v.active else ' '} {v.label:<32} {v.item_count:>5} items  {v.checksum[:12]}"
        for v in versions
    ]
    _print(args, [asdict(v) for v in versions], "\n".join(lines) or "no catalogue imported")


def _activate(service: CatalogueService, args: argparse.Namespace) -> None:
    version_id = _version_id(service, args.version)
    assert version_id is not None
    version = service.activate(version_id, by=args.operator)
    _print(args, asdict(version), f"catalogue {version.label} is active")


def _search(service: CatalogueService, args: argparse.Namespace) -> None:
    hits = service.search(args.text, args.limit)
    lines = [
        f"{h.item.code:<24} {h.item.name_zh}  ({h.item.department_zh}; {h.match.name.lower()})"
        for h in hits
    ]
    _print(args, [_hit_json(h) for h in hits], "\n".join(lines) or "no match")


def _show(service: CatalogueService, args: argparse.Namespace) -> None:
    d = service.item_by_code(args.code)
    lines = [f"{d.code} {d.name_zh} / {d.name_en} ({d.department_zh})"]
    for situation in d.situations:
        lines.append(f"  [{situation.code}] {situation.name_zh}")
        lines += [
            f"    - {m.name_zh} ({m.necessity.value}, {m.form.value} x{m.copies})"
            for m in d.materials_for(situation.code)
        ]
    _print(args, d.model_dump(mode="json"), "\n".join(lines))


Handler = Callable[[CatalogueService, argparse.Namespace], None]
HANDLERS: dict[str, Handler] = {
    "import": _import,
    "validate": _validate,
    "export": _export,
    "versions": _versions,
    "activate": _activate,
    "search": _search,
    "show": _show,
}


def run(services: Services, args: argparse.Namespace) -> int:
    try:
        if args.action == "generate":  # no database needed, but harmless to have it open
            doc = generate(args.items, args.seed)
            args.output.write_text(dumps(doc), encoding="utf-8")
            _print(args, {"version": doc.version, "items": len(doc.items)}, _summary(doc))
            return EXIT_OK
        HANDLERS[args.action](services.catalogue, args)
    except CatalogueRefused as exc:
        return _refused(args, exc)
    return EXIT_OK
