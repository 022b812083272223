"""Reading a case back for its next visit: the case, its applicant, its item, its pages."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from clerk_app.catalogue.types import ItemDetail
from clerk_app.intake.lookup import CaseLookup
from clerk_app.intake.mailing import MailingInput
from clerk_app.intake.service import IntakeService
from clerk_app.intake.types import (
    CONTINUABLE,
    ApplicantInput,
    CaseDetail,
    IntakeRefusal,
    IntakeRefused,
    PageRef,
)
from clerk_app.scans.page_list import ListedPage
from clerk_app.scans.pages import PageRecord
from ui.tasks import TaskRunner

DEFAULT_DPI = 300


@dataclass(frozen=True, slots=True)
class LoadedPage:
    record: PageRecord
    material: str | None


@dataclass(frozen=True, slots=True)
class LoadedCase:
    detail: CaseDetail
    applicant: ApplicantInput
    item: ItemDetail
    pages: tuple[LoadedPage, ...]
    mailing: MailingInput | None = None  # 邮寄送达 as last chosen, for the clerk to keep or change


def page_record(page: PageRef) -> LoadedPage:
    record = PageRecord(
        sha256=page.sha256,
        mime=page.mime,
        width=page.width,
        height=page.height,
        dpi=page.dpi or DEFAULT_DPI,
        bytes=page.size_bytes,
        thumbnail_sha256=page.thumb_sha256 or page.sha256,
        blank_suspected=False,  # the clerk kept it on the earlier visit
    )
    return LoadedPage(record, page.material_code)


def page_refs(entries: Iterable[ListedPage]) -> tuple[PageRef, ...]:
    """The panel's pages as the draft carries them, in the clerk's order."""
    return tuple(
        PageRef(
            sha256=e.page.sha256,
            mime=e.page.mime,
            width=e.page.width,
            height=e.page.height,
            size_bytes=e.page.bytes,
            dpi=e.page.dpi,
            thumb_sha256=e.page.thumbnail_sha256,
            material_code=e.material,
        )
        for e in entries
    )


class CaseLoader(QObject):
    loaded = Signal(object)  # LoadedCase
    failed = Signal(object)  # Exception

    def __init__(
        self,
        lookup: CaseLookup,
        intake: IntakeService,
        runner: TaskRunner,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._lookup = lookup
        self._intake = intake
        self._runner = runner

    def load(self, case_number: str) -> None:
        lookup, intake = self._lookup, self._intake

        def work() -> LoadedCase:
            detail = lookup.by_number(case_number)
            number = detail.summary.case_number
            if detail.summary.state not in CONTINUABLE:
                raise IntakeRefused(IntakeRefusal.CASE_CLOSED, number)
            item = intake.item(detail.summary.item_code, detail.catalogue_version_id)
            pages = tuple(page_record(p) for p in detail.pages)
            applicant, mailing = lookup.applicant_of(number), lookup.mailing_of(number)
            return LoadedCase(detail, applicant, item, pages, mailing)

        self._runner.run(work, self.loaded.emit, self.failed.emit, owner=self)
