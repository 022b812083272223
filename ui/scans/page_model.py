"""The case's pages as a list model, with thumbnails loaded lazily off the GUI thread.

The view asks for a page's decoration only when the page is on screen; the model answers with
a placeholder at once and gathers the asked-for thumbnails into one background load (a
zero-delay timer batches the requests of one paint), so a case with many pages paints at
once and its thumbnails follow. Reordering by drag and drop goes through ``dropMimeData`` (a
row number in our own MIME type), by keyboard through :meth:`PageListModel.move_row`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QImage, QPixmap

from clerk_app.scans.page_list import ListedPage, PageList
from clerk_app.scans.pages import PageRecord
from ui.tasks import TaskRunner

log = logging.getLogger(__name__)

PAGE_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's ListedPage
NEEDS_CONFIRMATION_ROLE = Qt.ItemDataRole.UserRole + 2  # bool
MIME_ROWS = "application/x-onewindow-page-row"
ICON_SIZE = QSize(160, 160)

_Index = QModelIndex | QPersistentModelIndex
ThumbnailReader = Callable[[PageRecord], bytes]


class PageListModel(QAbstractListModel):
    thumbnails_loaded = Signal(int)  # how many arrived in one batch
    pages_changed = Signal()

    def __init__(
        self,
        pages: PageList,
        read_thumbnail: ThumbnailReader,
        runner: TaskRunner,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._pages = pages
        self._read = read_thumbnail
        self._runner = runner
        self._materials: dict[str, str] = {}
        self._cache: dict[str, QPixmap] = {}
        self._wanted: dict[str, PageRecord] = {}
        self._loading: set[str] = set()
        self._placeholder = _placeholder()
        self._flush = QTimer(self)
        self._flush.setSingleShot(True)
        self._flush.setInterval(0)
        self._flush.timeout.connect(self._load_wanted)

    @property
    def pages(self) -> PageList:
        return self._pages

    def set_materials(self, materials: Iterable[tuple[str, str]]) -> None:
        """(key, label) of the case's materials, for the page captions."""
        self._materials = dict(materials)
        if self.rowCount():
            self.dataChanged.emit(self.index(0), self.index(self.rowCount() - 1))

    def material_label(self, key: str | None) -> str:
        if key is None:
            return self.tr("Not assigned")
        return self._materials.get(key, key)

    # ------------------------------------------------------------------ Qt model API
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self._pages)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._pages):
            return None
        row = index.row()
        entry = self._pages[row]
        answers: dict[int, Callable[[], Any]] = {
            Qt.ItemDataRole.DisplayRole: lambda: self._caption(row, entry),
            Qt.ItemDataRole.DecorationRole: lambda: self._thumbnail(entry.page),
            Qt.ItemDataRole.ToolTipRole: lambda: self._details(entry.page),
            Qt.ItemDataRole.ForegroundRole: lambda: (
                QColor("#b45309") if entry.needs_confirmation else None
            ),
            PAGE_ROLE: lambda: entry,
            NEEDS_CONFIRMATION_ROLE: lambda: entry.needs_confirmation,
        }
        answer = answers.get(role)
        return None if answer is None else answer()

    def _details(self, page: PageRecord) -> str:
        return self.tr("{width} × {height} pixels, {dpi} dpi, {size} KB").format(
            width=page.width, height=page.height, dpi=page.dpi, size=page.bytes // 1024
        )

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsDropEnabled
        if not index.isValid():
            return base
        return (
            base
            | Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | (Qt.ItemFlag.ItemIsDragEnabled)
        )

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802 - Qt API
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt API
        return [MIME_ROWS]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802 - Qt API
        mime = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        mime.setData(MIME_ROWS, QByteArray(",".join(map(str, rows)).encode()))
        return mime

    def dropMimeData(  # noqa: N802 - Qt API
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,  # noqa: ARG002 - Qt API; a list has one column
        parent: _Index,
    ) -> bool:
        """Move the dragged page to the drop position; returns False so that the view does not
        also delete the source row (the move is complete here)."""
        if action != Qt.DropAction.MoveAction or not data.hasFormat(MIME_ROWS):
            return False
        rows = [int(r) for r in bytes(data.data(MIME_ROWS).data()).decode().split(",") if r]
        if len(rows) != 1:
            return False
        target = parent.row() if row < 0 and parent.isValid() else row
        if target < 0:
            target = self.rowCount()
        source = rows[0]
        destination = target - 1 if target > source else target
        self.move_row(source, min(destination, self.rowCount() - 1))
        return False

    # ------------------------------------------------------------------ editing
    def add_pages(self, records: Iterable[PageRecord], material: str | None = None) -> int:
        records = list(records)
        fresh = [r for r in records if r.sha256 not in {e.page.sha256 for e in self._pages.entries}]
        if not fresh:
            return 0
        first = len(self._pages)
        self.beginInsertRows(QModelIndex(), first, first + len(_unique(fresh)) - 1)
        added = self._pages.add(fresh, material)
        self.endInsertRows()
        self.pages_changed.emit()
        return len(added)

    def move_row(self, source: int, destination: int) -> bool:
        if source == destination or not (
            0 <= source < len(self._pages) and 0 <= destination < len(self._pages)
        ):
            return False
        qt_destination = destination + 1 if destination > source else destination
        self.beginMoveRows(QModelIndex(), source, source, QModelIndex(), qt_destination)
        self._pages.move(source, destination)
        self.endMoveRows()
        self.pages_changed.emit()
        return True

    def remove_row(self, row: int) -> ListedPage:
        self.beginRemoveRows(QModelIndex(), row, row)
        removed = self._pages.remove(row)
        self.endRemoveRows()
        self.pages_changed.emit()
        return removed

    def assign(self, rows: Iterable[int], material: str | None) -> None:
        rows = sorted(set(rows))
        self._pages.assign(rows, material)
        for row in rows:
            self.dataChanged.emit(self.index(row), self.index(row))
        self.pages_changed.emit()

    def confirm(self, row: int) -> None:
        self._pages.confirm(row)
        self.dataChanged.emit(self.index(row), self.index(row))
        self.pages_changed.emit()

    # ------------------------------------------------------------------ thumbnails
    @property
    def loading(self) -> bool:
        """Thumbnails have been asked for and have not arrived yet."""
        return bool(self._wanted or self._loading)

    def thumbnail_ready(self, page: PageRecord) -> bool:
        return page.thumbnail_sha256 in self._cache

    def _caption(self, row: int, entry: ListedPage) -> str:
        caption = self.tr("{number}. {material}").format(
            number=row + 1, material=self.material_label(entry.material)
        )
        if entry.needs_confirmation:
            caption += "\n" + self.tr("Looks blank: confirm")
        return caption

    def _thumbnail(self, page: PageRecord) -> QPixmap:
        cached = self._cache.get(page.thumbnail_sha256)
        if cached is not None:
            return cached
        if page.thumbnail_sha256 not in self._loading:
            self._wanted[page.thumbnail_sha256] = page
            self._flush.start()
        return self._placeholder

    def _load_wanted(self) -> None:
        batch = list(self._wanted.values())
        self._wanted.clear()
        self._loading.update(p.thumbnail_sha256 for p in batch)
        read = self._read

        def work() -> list[tuple[str, QImage]]:
            # Decoded and scaled to the icon size here, so that painting only copies pixels.
            return [(p.thumbnail_sha256, _icon(QImage.fromData(read(p)))) for p in batch]

        self._runner.run(work, self._loaded, self._failed, owner=self)

    def _loaded(self, images: list[tuple[str, QImage]]) -> None:
        arrived = set()
        for sha, image in images:
            self._loading.discard(sha)
            if not image.isNull():
                self._cache[sha] = QPixmap.fromImage(image)
                arrived.add(sha)
        for row, entry in enumerate(self._pages.entries):
            if entry.page.thumbnail_sha256 in arrived:
                index = self.index(row)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])
        self.thumbnails_loaded.emit(len(arrived))

    def _failed(self, error: Exception) -> None:
        self._loading.clear()
        log.error("cannot load page thumbnails: %s", error)


def _icon(image: QImage) -> QImage:
    if image.isNull():
        return image
    return image.scaled(
        ICON_SIZE, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )


def _unique(records: list[PageRecord]) -> list[PageRecord]:
    seen: dict[str, PageRecord] = {}
    for record in records:
        seen.setdefault(record.sha256, record)
    return list(seen.values())


def _placeholder() -> QPixmap:
    pixmap = QPixmap(ICON_SIZE.width() * 3 // 4, ICON_SIZE.height())
    pixmap.fill(QColor("#e5e7eb"))
    return pixmap
