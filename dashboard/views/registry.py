"""The window's views, in the order of the sidebar: the one list the main window, the
snapshots and the tests read.

Each view's module is imported only when the view is first shown, so the heavy libraries
its charts need (pyqtgraph, numpy) stay off the path to a painted window.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication


@dataclass(frozen=True)
class ViewEntry:
    """A view: its key, its title (translated in the view class's own context), where its
    class lives, and the file name its snapshot gets."""

    key: str
    title_source: str
    module: str
    class_name: str
    snapshot_name: str

    def title(self) -> str:
        return QCoreApplication.translate(self.class_name, self.title_source)

    def view_class(self) -> type:
        return getattr(importlib.import_module(self.module), self.class_name)


VIEWS: tuple[ViewEntry, ...] = (
    ViewEntry(
        "overview",
        QT_TRANSLATE_NOOP("OverviewView", "Overview"),
        "dashboard.views.overview_view",
        "OverviewView",
        "oversikt",
    ),
    ViewEntry(
        "gains",
        QT_TRANSLATE_NOOP("GainsView", "Gains"),
        "dashboard.views.gains_view",
        "GainsView",
        "gevinster",
    ),
    ViewEntry(
        "task_mix",
        QT_TRANSLATE_NOOP("TaskMixView", "Task mix"),
        "dashboard.views.task_mix_view",
        "TaskMixView",
        "oppgavemiks",
    ),
    ViewEntry(
        "callouts",
        QT_TRANSLATE_NOOP("CalloutsView", "Call-outs"),
        "dashboard.views.callouts_view",
        "CalloutsView",
        "utrykninger",
    ),
    ViewEntry(
        "car_use",
        QT_TRANSLATE_NOOP("CarUseView", "Car use"),
        "dashboard.views.car_use_view",
        "CarUseView",
        "bilbruk",
    ),
    ViewEntry(
        "goals",
        QT_TRANSLATE_NOOP("GoalsView", "Goals"),
        "dashboard.views.goals_view",
        "GoalsView",
        "maal",
    ),
    ViewEntry(
        "followup",
        QT_TRANSLATE_NOOP("FollowUpView", "Follow-up"),
        "dashboard.views.followup_view",
        "FollowUpView",
        "oppfolging",
    ),
    ViewEntry(
        "cost_sharing",
        QT_TRANSLATE_NOOP("CostSharingView", "Cost sharing"),
        "dashboard.views.cost_view",
        "CostSharingView",
        "kostnadsdeling",
    ),
    ViewEntry(
        "capacity",
        QT_TRANSLATE_NOOP("CapacityView", "Capacity"),
        "dashboard.views.capacity_view",
        "CapacityView",
        "kapasitet",
    ),
    ViewEntry(
        "import",
        QT_TRANSLATE_NOOP("ImportView", "Import"),
        "dashboard.views.import_view",
        "ImportView",
        "import",
    ),
    ViewEntry(
        "references",
        QT_TRANSLATE_NOOP("ReferencesView", "References and events"),
        "dashboard.views.references_view",
        "ReferencesView",
        "referanser",
    ),
)


def index_of(key: str) -> int:
    return next(index for index, entry in enumerate(VIEWS) if entry.key == key)
