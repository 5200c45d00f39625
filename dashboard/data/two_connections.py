"""Reads shared out between a connection and a cursor of it, on the machine's second core.

DuckDB runs one query at a time on a connection, and a figure's query over the rollups is
too small to keep both cores busy by itself; two connections reading at once are. The
window's refresh of every view, the figures of a period and its comparison (command line,
brief) and the headline figures' four sources (the overview, the first view shown) read this
way; the cursor is closed before they return.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable, Sequence
from contextvars import ContextVar, copy_context
from typing import TypeVar

import duckdb

from dashboard.data import rollups
from dashboard.data.values import StaffedSchedule

Read = TypeVar("Read")

# Set while two connections share work out: a read asked for inside it runs where it is
# (two helper threads would share two cores among three connections).
_sharing: ContextVar[bool] = ContextVar("sharing", default=False)


def on_two_connections(
    con: duckdb.DuckDBPyConnection, work: Callable[[duckdb.DuckDBPyConnection], None]
) -> None:
    """Run ``work`` on ``con`` and at the same time on a cursor of it on a helper thread,
    the two sharing out what ``work`` takes from a common queue; return when both are done,
    with the cursor closed, or raise what went wrong. The helper runs in a copy of this
    context, so rows shared in it (``figures.rows_shared``) stay shared."""
    token = _sharing.set(True)
    cursor = con.cursor()
    failed: list[BaseException] = []

    def beside() -> None:
        try:
            work(cursor)
        except BaseException as error:  # raised on the caller's thread below
            failed.append(error)

    helper = threading.Thread(target=copy_context().run, args=(beside,), name="helsevakt-read")
    try:
        helper.start()
        work(con)
    finally:
        helper.join()
        cursor.close()
        _sharing.reset(token)
    if failed:
        raise failed[0]


def read_all(
    con: duckdb.DuckDBPyConnection,
    staffed: StaffedSchedule,
    reads: Sequence[Callable[[duckdb.DuckDBPyConnection], Read]],
) -> list[Read]:
    """Every read's result, in the order given, the reads shared out between ``con`` and a
    cursor of it. All run on ``con`` when the rollups on it were built for it alone (a
    read-only file's stale ones, which a cursor would build again) and inside another
    sharing-out. The first read that fails raises, once both connections are done."""
    results: list = [None] * len(reads)
    waiting = deque(enumerate(reads))

    def read_the_rest(connection: duckdb.DuckDBPyConnection) -> None:
        while True:
            try:
                index, read = waiting.popleft()
            except IndexError:  # the other connection took the last one
                return
            results[index] = read(connection)

    if len(reads) < 2 or _sharing.get() or not beside_allowed(con, staffed):
        read_the_rest(con)
    else:
        on_two_connections(con, read_the_rest)
    return results


def beside_allowed(con: duckdb.DuckDBPyConnection, staffed: StaffedSchedule) -> bool:
    """Whether a cursor of ``con`` may read beside it: not when the rollups on ``con`` are
    temporary ones built for it alone (brought up to date here first)."""
    rollups.ensure(con, staffed)
    return not rollups.holds_temporary(con)
