"""Tables whose columns fit what they show: a clerk should not have to widen a column to read a
case number or a certificate number."""

from __future__ import annotations

from PySide6.QtWidgets import QTableView

# Above this many rows the fit reads only the rows on screen (Qt's own sampling would still read
# every row of a long outbox); the widest case numbers and names are alike anyway.
FIT_ALL_ROWS = 500


def fit_columns(view: QTableView) -> None:
    """Size every column to its contents now and after every reset of the view's model; the
    last section keeps stretching where the view says so. The clerk may still drag a column."""
    model = view.model()
    assert model is not None, "set the model first"

    def fit() -> None:
        if model.rowCount() <= FIT_ALL_ROWS:
            view.resizeColumnsToContents()
            return
        header = view.horizontalHeader()
        for column in range(model.columnCount()):
            header.resizeSection(column, max(header.sectionSizeHint(column), 60))

    model.modelReset.connect(fit)
    fit()
