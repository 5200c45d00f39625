"""The one database worker thread, which holds the database only while it has work.

All DuckDB work of the window runs here, one job after another, so the GUI thread never
waits on a query and jobs never overtake each other (like Anki's ``taskman``). The thread
opens the file when work arrives – read-only for reads, read-write only for a job that
writes – and closes it once its queue has stayed empty for a moment, so an idle window
holds no lock and the command line, or a second window, can use the same file. A job
reports progress, its result or its error through signals, which Qt delivers on the GUI
thread. A job may read on a cursor of its connection from a thread of its own meanwhile
(a refresh of every view does, through ``data.two_connections``), which closes the cursor
before the job ends.
"""

from __future__ import annotations

import os
import queue
import threading
from collections.abc import Callable
from pathlib import Path

import duckdb
from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal

from dashboard.data.problems import ImportCancelled
from dashboard.data.store import LOCK_WAIT_S, DatabaseLockedError, Store


class JobCancelled(Exception):
    """A job noticed that it was cancelled and stopped early."""


class Job(QObject):
    """One piece of database work: ``work(con, job)`` returns the result.

    ``work`` may call :meth:`report` for progress, send results early through ``partial``,
    and should check :meth:`is_cancelled` between steps. ``writes``: the job changes the
    database, so the worker opens it read-write. ``wait``: how long to wait for another
    program holding the file before failing with :class:`DatabaseLockedError`. Exactly one
    of ``succeeded``, ``failed`` or ``cancelled`` is emitted, then ``finished``.
    """

    progressed = Signal(float, str)
    partial = Signal(object)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    finished = Signal()

    def __init__(
        self,
        work: Callable[[duckdb.DuckDBPyConnection, Job], object],
        *,
        writes: bool = False,
        wait: float = LOCK_WAIT_S,
    ):
        super().__init__()
        self.work = work
        self.writes = writes
        self.wait = wait
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

    def fail(self, error: Exception) -> None:
        """The job could not start: the database could not be opened."""
        if self.is_cancelled():
            self.cancelled.emit()
        else:
            self.failed.emit(error)
        self.finished.emit()


def open_for(path: Path, job: Job, open_store: Store | None) -> Store:
    """A store fit for ``job``: the one open if it will do, else the file opened anew."""
    if open_store is not None and (not job.writes or not open_store.read_only):
        return open_store
    if open_store is not None:
        open_store.close()
    return Store.open(path, read_only=not job.writes, wait=job.wait)


_QUEUE_EMPTY = object()
# Opening the file costs about 45 ms and starts with cold caches: on 1M rows a filter change
# shows in 150 ms on a file just opened against 108 ms on one still open. Keeping it open
# this long after the last job spares a user clicking through filters; a command line
# waiting for the file retries for up to LOCK_WAIT_S, far longer.
RELEASE_AFTER_S = 1.0


class DbWorker(QThread):
    """A thread that runs submitted jobs on the file at ``path`` in order.

    ``released`` is emitted each time the thread has closed the file because it ran out of
    work.
    """

    released = Signal()

    def __init__(self, path: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.path = Path(path)
        self._jobs: queue.SimpleQueue[Job | None] = queue.SimpleQueue()
        self._pending: set[Job] = set()
        self._current: Job | None = None
        self._con: duckdb.DuckDBPyConnection | None = None
        self._con_lock = threading.Lock()
        self._stopped = False
        self.setObjectName("db-worker")

    def submit(self, job: Job) -> Job:
        """Queue ``job``; connect to its signals before calling this. After :meth:`stop`,
        a job is cancelled at once: a closing window's last signals start no thread."""
        if self._stopped:
            job.cancel()
            job.fail(JobCancelled())
            return job
        self._pending.add(job)
        job.finished.connect(lambda: self._pending.discard(job))
        self._jobs.put(job)
        if not self.isRunning():
            self.start()
        return job

    def busy(self) -> bool:
        """Some submitted job has not finished yet (as seen from the GUI thread)."""
        return bool(self._pending)

    def holds_database(self) -> bool:
        """The file is open right now: only while there is work."""
        with self._con_lock:
            return self._con is not None

    def cancel(self, job: Job) -> None:
        """Cancel ``job``; if it is running a query right now, interrupt the query."""
        job.cancel()
        with self._con_lock:
            if self._current is job and self._con is not None:
                self._con.interrupt()

    def stop(self) -> None:
        """Cancel what is queued, let the running job end, and end the thread."""
        self._stopped = True
        for job in list(self._pending):
            self.cancel(job)
        self._jobs.put(None)
        self.wait()

    def run(self) -> None:
        store: Store | None = None
        try:
            while (job := self._next_job(store)) is not None:
                if job is _QUEUE_EMPTY:
                    store = self._release(store)
                    continue
                store = self._run(job, store)
        finally:
            self._release(store)

    def _next_job(self, store: Store | None) -> Job | object | None:
        """The next job; while the file is open, wait for one only briefly, then say the
        queue is empty."""
        if store is None:
            return self._jobs.get()
        try:
            return self._jobs.get(timeout=RELEASE_AFTER_S)
        except queue.Empty:
            return _QUEUE_EMPTY

    def _run(self, job: Job, store: Store | None) -> Store | None:
        try:
            store = open_for(self.path, job, store)
        except Exception as error:
            self._set_connection(None, None)
            job.fail(error)
            return None
        self._set_connection(store.con, job)
        job.run(store.con)
        self._set_connection(store.con, None)
        return store

    def _release(self, store: Store | None) -> None:
        self._set_connection(None, None)
        if store is not None:
            store.close()
            self.released.emit()

    def _set_connection(self, con: duckdb.DuckDBPyConnection | None, job: Job | None) -> None:
        with self._con_lock:
            self._con, self._current = con, job


class ImmediateRunner:
    """Runs each job at once on the calling thread, opening the file for it: snapshots and
    other headless renders, and views shown on their own.

    A job submitted while another runs (by a slot of its signals) waits until that one has
    closed the file, as it would on the worker."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._waiting: list[Job] | None = None

    def submit(self, job: Job) -> Job:
        if self._waiting is not None:
            self._waiting.append(job)
            return job
        self._waiting = [job]
        try:
            while self._waiting:
                self._run(self._waiting.pop(0))
        finally:
            self._waiting = None
        return job

    def _run(self, job: Job) -> None:
        try:
            store = open_for(self.path, job, None)
        except Exception as error:
            job.fail(error)
            return
        try:
            job.run(store.con)
        finally:
            store.close()

    def busy(self) -> bool:
        return self._waiting is not None

    def cancel(self, job: Job) -> None:
        job.cancel()

    def stop(self) -> None:
        """Nothing to stop: no thread, and the file is closed after every job."""


class Database:
    """What a view is given: the database file, whether it may be changed here, and the
    runner every job on it goes through. It holds no connection."""

    def __init__(self, path: Path, runner: DbWorker | ImmediateRunner, read_only: bool):
        self.path = Path(path)
        self.runner = runner
        self.read_only = read_only

    @classmethod
    def on_file(cls, path: Path, background: bool, parent: QObject | None = None) -> Database:
        """A database with its own runner: a worker thread, or one that runs jobs at once."""
        runner = DbWorker(path, parent) if background else ImmediateRunner(path)
        return cls(path, runner, read_only=not writable(Path(path)))

    def submit(self, job: Job) -> Job:
        return self.runner.submit(job)


def writable(path: Path) -> bool:
    """Whether this user may change the file (a new file: whether its folder may hold one)."""
    if path.exists():
        return os.access(path, os.W_OK)
    folder = next((parent for parent in path.parents if parent.exists()), None)
    return folder is not None and os.access(folder, os.W_OK)


def store_on(con: duckdb.DuckDBPyConnection, database) -> Store:
    """The store's methods (freshness, imports, meta) on a job's connection to ``database``."""
    return Store(con, database.path, database.read_only)


def error_text(error: Exception) -> str:
    """What went wrong, in the user's language; never DuckDB's own English text."""
    if isinstance(error, DatabaseLockedError):
        return holder_text(error.holder_pid)
    if isinstance(error, duckdb.Error):
        return QCoreApplication.translate(
            "DbWorker", "The database could not be read or changed. Try again."
        )
    return str(error)


def holder_text(holder_pid: int | None) -> str:
    if holder_pid:
        text = QCoreApplication.translate(
            "DbWorker",
            "The database is in use by another program (process %1). Wait until it is done, "
            "or close it, and try again.",
        )
        return text.replace("%1", str(holder_pid))
    return QCoreApplication.translate(
        "DbWorker",
        "The database is in use by another program. Wait until it is done, or close it, "
        "and try again.",
    )
