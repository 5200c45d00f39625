"""The one database worker thread.

All DuckDB work of the window runs here, one job after another, so the GUI thread never
waits on a query and jobs never overtake each other (like Anki's ``taskman``). The thread
has its own cursor (DuckDB wants one connection per thread). A job reports progress, its
result or its error through signals, which Qt delivers on the GUI thread.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable

import duckdb
from PySide6.QtCore import QObject, QThread, Signal

from dashboard.data.problems import ImportCancelled
from dashboard.data.store import Store


class JobCancelled(Exception):
    """A job noticed that it was cancelled and stopped early."""


class Job(QObject):
    """One piece of database work: ``work(con, job)`` returns the result.

    ``work`` may call :meth:`report` for progress, send results early through ``partial``,
    and should check :meth:`is_cancelled` between steps. Exactly one of ``succeeded``,
    ``failed`` or ``cancelled`` is emitted, then ``finished``.
    """

    progressed = Signal(float, str)
    partial = Signal(object)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    finished = Signal()

    def __init__(self, work: Callable[[duckdb.DuckDBPyConnection, Job], object]):
        super().__init__()
        self.work = work
        self._cancel_requested = threading.Event()

    def cancel(self) -> None:
        self._cancel_requested.set()

    def is_cancelled(self) -> bool:
        return self._cancel_requested.is_set()

    def check_cancelled(self) -> None:
        if self.is_cancelled():
            raise JobCancelled

    def report(self, fraction: float, message: str) -> None:
        self.progressed.emit(fraction, message)

    def run(self, con: duckdb.DuckDBPyConnection) -> None:
        """Run the work on the calling thread and emit the outcome."""
        try:
            if self.is_cancelled():
                raise JobCancelled
            result = self.work(con, self)
        except (JobCancelled, ImportCancelled, duckdb.InterruptException):
            self.cancelled.emit()
        except Exception as error:
            self.failed.emit(error)
        else:
            if self.is_cancelled():
                self.cancelled.emit()
            else:
                self.succeeded.emit(result)
        self.finished.emit()


class DbWorker(QThread):
    """A thread with its own cursor on ``store`` that runs submitted jobs in order."""

    def __init__(self, store: Store, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self._jobs: queue.SimpleQueue[Job | None] = queue.SimpleQueue()
        self._pending: set[Job] = set()
        self._current: Job | None = None
        self._cursor: duckdb.DuckDBPyConnection | None = None
        self._cursor_lock = threading.Lock()
        self.setObjectName("db-worker")

    def submit(self, job: Job) -> Job:
        """Queue ``job``; connect to its signals before calling this."""
        self._pending.add(job)
        job.finished.connect(lambda: self._pending.discard(job))
        self._jobs.put(job)
        if not self.isRunning():
            self.start()
        return job

    def cancel(self, job: Job) -> None:
        """Cancel ``job``; if it is running a query right now, interrupt the query."""
        job.cancel()
        with self._cursor_lock:
            if self._current is job and self._cursor is not None:
                self._cursor.interrupt()

    def stop(self) -> None:
        """Cancel what is queued, let the running job end, and end the thread."""
        for job in list(self._pending):
            self.cancel(job)
        self._jobs.put(None)
        self.wait()

    def run(self) -> None:
        cursor = self.store.cursor()
        with self._cursor_lock:
            self._cursor = cursor
        try:
            while (job := self._jobs.get()) is not None:
                with self._cursor_lock:
                    self._current = job
                job.run(cursor)
                with self._cursor_lock:
                    self._current = None
        finally:
            with self._cursor_lock:
                self._cursor = None
            cursor.close()


def store_on(con: duckdb.DuckDBPyConnection, store: Store) -> Store:
    """``store``'s methods (freshness, imports, meta) on this thread's cursor."""
    return Store(con, store.path, store.read_only)


class ImmediateRunner:
    """Runs each job at once on the calling thread: snapshots and other headless renders."""

    def __init__(self, store: Store):
        self.store = store
        self._cursor = store.cursor()

    def submit(self, job: Job) -> Job:
        job.run(self._cursor)
        return job

    def cancel(self, job: Job) -> None:
        job.cancel()

    def stop(self) -> None:
        self._cursor.close()
