"""Import: drop export files or choose them, see what every import brought, and why a file
was refused (file, row, column, what was wrong), in a table the user can read and copy."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dashboard.data.kinds import KIND_LABELS
from dashboard.data.problems import AssessedDateNeeded, ImportRefused, ImportResult, Problem
from dashboard.data.store import Store
from dashboard.data.values import Filters
from dashboard.views.assessed_date_panel import AssessedDatePanel
from dashboard.views.base import View
from dashboard.views.formatting import format_moment
from dashboard.views.table_model import Column, FigureTableModel
from dashboard.views.worker import store_on

FILE_SUFFIXES = (".csv", ".txt", ".xlsx")
KINDS = {
    "activity": QT_TRANSLATE_NOOP("ImportView", "Activity log"),
    "callouts": QT_TRANSLATE_NOOP("ImportView", "Call-outs"),
    "carlog": QT_TRANSLATE_NOOP("ImportView", "Car log"),
    "goals": QT_TRANSLATE_NOOP("ImportView", "Goal status"),
    "actions": QT_TRANSLATE_NOOP("ImportView", "Follow-up log"),
    "references": QT_TRANSLATE_NOOP("ImportView", "Reference values"),
    "events": QT_TRANSLATE_NOOP("ImportView", "Events"),
}


def kind_label(kind: str) -> str:
    """A kind's name in the user's language, from its code or the importer's bokmål name."""
    code = next((code for code, name in KIND_LABELS.items() if name == kind), kind)
    return QCoreApplication.translate("ImportView", KINDS[code]) if code in KINDS else kind


@dataclass
class ImportOutcome:
    """What happened to each file of one import: added, refused, or not reached."""

    results: list[ImportResult] = field(default_factory=list)
    refusals: dict[str, list[Problem]] = field(default_factory=dict)
    cancelled_file: str | None = None
    skipped: list[str] = field(default_factory=list)
    error: str | None = None
    # Goal tables with statuses but no date for them: the view asks for it.
    needs_date: list[Path] = field(default_factory=list)

    @property
    def rows_added(self) -> int:
        return sum(result.rows_added for result in self.results)


def import_files(
    store: Store,
    paths: list[Path],
    kind: str | None,
    progress: Callable[[float, str], None],
    cancelled: Callable[[], bool],
    assessed: str | None = None,
) -> ImportOutcome:
    """Import each file in turn; a refusal or cancel leaves that file's changes out.
    ``assessed``: the date the user gave for goal statuses their file gives none for."""
    from dashboard.data.importer import import_file
    from dashboard.data.problems import ImportCancelled

    outcome = ImportOutcome()
    for number, path in enumerate(paths):
        if cancelled():
            outcome.skipped.extend(p.name for p in paths[number:])
            break
        try:
            outcome.results.append(
                import_file(
                    store,
                    path,
                    kind,
                    _file_progress(progress, number, paths),
                    cancelled,
                    assessed=assessed,
                )
            )
        except AssessedDateNeeded as refusal:
            outcome.refusals[path.name] = refusal.problems
            outcome.needs_date.append(path)
        except ImportRefused as refusal:
            outcome.refusals[path.name] = refusal.problems
        except ImportCancelled:
            outcome.cancelled_file = path.name
            outcome.skipped.extend(p.name for p in paths[number + 1 :])
            break
    return outcome


def _file_progress(
    progress: Callable[[float, str], None], number: int, paths: list[Path]
) -> Callable[[float, str], None]:
    """One file's progress as a part of the whole import's."""

    def report(fraction: float, message: str) -> None:
        progress((number + fraction) / len(paths), f"{paths[number].name}: {message}")

    return report


def importable(paths: list[Path]) -> list[Path]:
    return [path for path in paths if path.suffix.lower() in FILE_SUFFIXES and path.is_file()]


def _heading(text: str, factor: float = 1.2) -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(True)
    label.setFont(font)
    return label


def _table(model: FigureTableModel) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setAlternatingRowColors(True)
    table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.setWordWrap(True)
    return table


class DropZone(QFrame):
    """A framed area that takes export files dropped on it."""

    files_dropped = Signal(list)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setObjectName("dropZone")
        self.setStyleSheet(
            "#dropZone { border: 2px dashed #8899aa; border-radius: 8px; background: #f4f7fa; }"
        )

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if importable([Path(url.toLocalFile()) for url in event.mimeData().urls()]):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = importable([Path(url.toLocalFile()) for url in event.mimeData().urls()])
        if paths:
            event.acceptProposedAction()
            self.files_dropped.emit(paths)


class ImportView(View):
    """Choose or drop files; provenance of every import; problems of a refused file."""

    follows_filters = False

    # Paths, kind (None: recognised), the date of goal statuses (None: from the files).
    import_requested = Signal(list, object, object)
    choose_requested = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.drop_zone = DropZone(self)
        self.choose_button = QPushButton(self.tr("Choose files…"))
        self.kind_box = QComboBox()
        self.kind_box.addItem(self.tr("Recognise from the headers"), None)
        for kind in KINDS:
            self.kind_box.addItem(kind_label(kind), kind)
        self.read_only_label = QLabel(
            self.tr("This database is read-only here: importing is switched off.")
        )
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems_heading = _heading("", 1.05)
        self.problems_heading.setStyleSheet("color: #a4161a;")
        self.problems_heading.setWordWrap(True)
        self.problems = FigureTableModel(self._problem_columns(), self)
        self.problems_table = _table(self.problems)
        self.problems_table.setAccessibleName(self.tr("What was wrong"))
        self.imports = FigureTableModel(self._import_columns(), self)
        self.imports_table = _table(self.imports)
        self.imports_table.setAccessibleName(self.tr("Imports so far"))
        self.date_panel = AssessedDatePanel(self)
        self._lay_out()
        self._connect()
        self.set_read_only(store.read_only)
        self.show_problems({})

    def _problem_columns(self) -> list[Column]:
        return [
            Column(self.tr("File")),
            Column(self.tr("Row"), "number"),
            Column(self.tr("Column")),
            Column(self.tr("What was wrong")),
        ]

    def _import_columns(self) -> list[Column]:
        return [
            Column(self.tr("Imported"), display=format_moment),
            Column(self.tr("File")),
            Column(self.tr("Kind"), display=kind_label),
            Column(self.tr("Rows read"), "number"),
            Column(self.tr("New rows"), "number"),
            Column(self.tr("SHA-256 (start)"), display=lambda digest: str(digest)[:12]),
        ]

    def _lay_out(self) -> None:
        zone = QVBoxLayout(self.drop_zone)
        zone.setContentsMargins(18, 16, 18, 16)
        hint = QLabel(
            self.tr(
                "Drop export files here (CSV, TXT or XLSX): activity log, call-outs, car log, "
                "goal status, follow-up log, reference values or events. Files are checked "
                "before anything is saved; a file with problems changes nothing."
            )
        )
        hint.setWordWrap(True)
        zone.addWidget(hint)
        row = QHBoxLayout()
        row.addWidget(self.choose_button)
        row.addSpacing(12)
        row.addWidget(QLabel(self.tr("Kind of export")))
        row.addWidget(self.kind_box)
        row.addStretch(1)
        zone.addLayout(row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(_heading(self.title(), 1.5))
        layout.addWidget(self.drop_zone)
        layout.addWidget(self.read_only_label)
        layout.addWidget(self.result_label)
        layout.addWidget(self.problems_heading)
        layout.addWidget(self.date_panel)
        layout.addWidget(self.problems_table, 2)
        layout.addWidget(_heading(self.tr("Imports so far")))
        layout.addWidget(self.imports_table, 3)

    def _connect(self) -> None:
        self.choose_button.clicked.connect(self.choose_requested)
        self.drop_zone.files_dropped.connect(self.request_import)
        self.date_panel.date_given.connect(self._import_with_date)
        copy = QShortcut(QKeySequence.StandardKey.Copy, self.problems_table)
        copy.activated.connect(self.copy_problems)

    def title(self) -> str:
        return self.tr("Import")

    def fetch(self, con: duckdb.DuckDBPyConnection, filters: Filters) -> list[dict]:
        return store_on(con, self.store).imports()

    def present(self, data: list[dict]) -> None:
        self.imports.set_rows(
            [
                (
                    row["imported_at"],
                    row["file_name"],
                    row["kind"],
                    row["rows_read"],
                    row["rows_added"],
                    row["sha256"],
                )
                for row in data
            ]
        )

    def chosen_kind(self) -> str | None:
        return self.kind_box.currentData()

    def request_import(self, paths: list[Path]) -> None:
        if not self.store.read_only and paths:
            self.import_requested.emit(list(paths), self.chosen_kind(), None)

    def _import_with_date(self, paths: list[Path], assessed: str) -> None:
        if not self.store.read_only:
            self.import_requested.emit(list(paths), self.chosen_kind(), assessed)

    def set_read_only(self, read_only: bool) -> None:
        self.drop_zone.setEnabled(not read_only)
        self.read_only_label.setVisible(read_only)

    def show_outcome(self, outcome: ImportOutcome) -> None:
        lines = [self._result_line(result) for result in outcome.results]
        if outcome.cancelled_file:
            lines.append(
                self.tr("Cancelled while importing %1: that file changed nothing.").replace(
                    "%1", outcome.cancelled_file
                )
            )
        if outcome.skipped:
            lines.append(self.tr("Not imported: %1").replace("%1", ", ".join(outcome.skipped)))
        if outcome.error:
            lines.append(self.tr("The import failed: %1").replace("%1", outcome.error))
        self.result_label.setText("\n".join(lines))
        self.show_problems(outcome.refusals)
        self.date_panel.ask(outcome.needs_date)

    def _result_line(self, result: ImportResult) -> str:
        if result.already_imported:
            text = self.tr("%1 (%2): %3 rows, all imported before – nothing changed.")
        else:
            text = self.tr("%1 (%2): %3 rows read, %4 new.")
        line = (
            text.replace("%1", result.file)
            .replace("%2", kind_label(result.kind))
            .replace("%3", str(result.rows_read))
            .replace("%4", str(result.rows_added))
        )
        if not result.unused_columns:
            return line + self._empty_rows_note(result)
        unused = self.tr("Columns not used: %1.").replace("%1", ", ".join(result.unused_columns))
        return f"{line} {unused}" + self._empty_rows_note(result)

    def _empty_rows_note(self, result: ImportResult) -> str:
        """Rows of only delimiters or spaces are left out, never unsaid."""
        if not result.empty_rows:
            return ""
        note = self.tr(" %1 empty row(s) (only delimiters or spaces) left out.")
        return note.replace("%1", str(result.empty_rows))

    def show_problems(self, refusals: dict[str, list[Problem]]) -> None:
        rows = [
            (problem.file, problem.row, problem.column or "", problem.message)
            for problems in refusals.values()
            for problem in problems
        ]
        self.problems.set_rows(rows)
        if refusals:
            text = self.tr("Refused: %1. Nothing from these files was saved; fix the rows below.")
            self.problems_heading.setText(text.replace("%1", ", ".join(refusals)))
        self.problems_heading.setVisible(bool(refusals))
        self.problems_table.setVisible(bool(refusals))
        self.problems_table.resizeRowsToContents()

    def copy_problems(self) -> None:
        QApplication.clipboard().setText(self.problems.to_tsv())


if __name__ == "__main__":
    from dashboard.views.app import run_view

    sys.exit(run_view(ImportView))
