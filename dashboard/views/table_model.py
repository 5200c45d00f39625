"""The numbers behind a chart as one table model, shown in a view and copied to Excel."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from dashboard.views.formatting import format_date, format_month, format_number, locale

RAW_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class Column:
    """How one column reads its value and shows it.

    ``kind`` is ``text``, ``number``, ``date`` or ``month``; ``display`` overrides the text
    and ``background`` gives a cell colour (both from the raw value).
    """

    title: str
    kind: str = "text"
    decimals: int = 0
    display: Callable[[object], str] | None = None
    background: Callable[[object], QColor | None] | None = None

    @property
    def numeric(self) -> bool:
        return self.kind == "number"


def _text(column: Column, value: object) -> str:
    if column.display is not None:
        return column.display(value)
    if value is None:
        return "–"
    if column.kind == "number":
        return format_number(value, column.decimals)
    if column.kind == "date":
        return format_date(value)
    if column.kind == "month":
        return format_month(value)
    return str(value)


def _plain_number(value: float, decimals: int) -> str:
    """A decimal comma but no thousands separator, so that Excel reads it as a number."""
    plain = QLocale(locale())
    plain.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator)
    return plain.toString(float(value), "f", decimals)


def _clipboard_text(column: Column, value: object) -> str:
    if column.numeric and column.display is None and isinstance(value, int | float):
        return _plain_number(value, column.decimals)
    if column.kind == "date" and isinstance(value, date):
        return format_date(value)
    return _text(column, value).replace("\t", " ").replace("\n", " ")


class FigureTableModel(QAbstractTableModel):
    """Rows of raw values under typed columns; replaced whole whenever the figures change."""

    def __init__(self, columns: Sequence[Column] = (), parent=None):
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[tuple] = []

    def set_columns(self, columns: Sequence[Column]) -> None:
        self.beginResetModel()
        self._columns = list(columns)
        self._rows = []
        self.endResetModel()

    def set_rows(self, rows: Sequence[Sequence[object]]) -> None:
        if len(rows) == len(self._rows) and rows:
            self._rows = [tuple(row) for row in rows]
            last = self.index(len(rows) - 1, len(self._columns) - 1)
            self.dataChanged.emit(self.index(0, 0), last)
            return
        self.beginResetModel()
        self._rows = [tuple(row) for row in rows]
        self.endResetModel()

    def columns(self) -> list[Column]:
        return list(self._columns)

    def rows(self) -> list[tuple]:
        return list(self._rows)

    def rowCount(self, parent: QModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            return self._columns[section].title
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        column = self._columns[index.column()]
        value = self._rows[index.row()][index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return _text(column, value)
        if role == RAW_ROLE:
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and column.background is not None:
            return column.background(value)
        return None

    def to_tsv(self) -> str:
        """Tab-separated with a header line: pastes into Excel as numbers with decimal comma."""
        lines = ["\t".join(column.title for column in self._columns)]
        for row in self._rows:
            cells = (
                _clipboard_text(column, value)
                for column, value in zip(self._columns, row, strict=True)
            )
            lines.append("\t".join(cells))
        return "\n".join(lines) + "\n"


def record_table(parent: QWidget, model: FigureTableModel) -> QTableView:
    """A read-only table of records (goals, follow-up items, their histories): one row is
    chosen at a time, long texts wrap, the last column takes the rest of the width."""
    table = QTableView(parent)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(True)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    return table
