"""Undo of the last change entered in a view (the goal register, the follow-up log).

The view's action (Ctrl+Z while the view has the focus), its state and tooltip, and the
question asked before anything is taken back; each view says what its last change was.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from dashboard.views.formatting import format_moment
from dashboard.views.goal_dialogs import UndoConfirmation


def _tr(text: str) -> str:
    return QCoreApplication.translate("Undo", text)


def undo_action(view: QWidget, ask: Callable[[], object]) -> QAction:
    """ "Undo last change", asking through ``ask``; Ctrl+Z belongs to ``view`` only while it
    (or a child) has the focus."""
    action = QAction(_tr("Undo last change"), view)
    action.triggered.connect(ask)
    action.setShortcut(QKeySequence.StandardKey.Undo)
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    view.addAction(action)
    return action


def show_undo_state(
    action: QAction, read_only_reason: str | None, description: str | None, nothing: str
) -> None:
    """Enabled when there is something to undo (``description``) and the file may be
    changed; the tooltip says what undo takes back, or why it cannot."""
    action.setEnabled(read_only_reason is None and description is not None)
    if read_only_reason is not None:
        action.setToolTip(read_only_reason)
    elif description is None:
        action.setToolTip(nothing)
    else:
        action.setToolTip(_tr("Undo: %1").replace("%1", description))


def recorded_text(recorded_at: datetime, recorded_by: str | None) -> str:
    """When and by whom the change was recorded, as the end of an undo description."""
    return (
        _tr("recorded %1 by %2")
        .replace("%1", format_moment(recorded_at))
        .replace("%2", recorded_by or "–")
    )


def confirmation(description: str, parent: QWidget, undo: Callable[[], object]) -> UndoConfirmation:
    """The question before undoing; the answer "Undo" calls ``undo``. Open it yourself."""
    box = UndoConfirmation(_tr("Undo %1?").replace("%1", description), parent)
    box.finished.connect(lambda _result: box.confirmed() and undo())
    return box


def undone_text() -> str:
    return _tr("The last change is undone.")
