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
from collections.abc import Callable, Iterable, Sequence
from contextvars import ContextVar, copy_context
from typing import TypeVar

import duckdb

from dashboard.data import rollups
from dashboard.data.values import StaffedSchedule

Read = TypeVar("Read")
Item = TypeVar("Item")

# Set while two connections share work out: a sharing-out asked for inside it runs on its
# one connection.
_sharing: ContextVar[bool] = ContextVar("sharing", default=False)


def share_out(
    con: duckdb.DuckDBPyConnection,
    items: Iterable[Item],
    do: Callable[[duckdb.DuckDBPyConnection, Item], object],
    beside: bool = True,
) -> None:
    """``do(connection, item)`` for each item, taken in order from one queue by ``con``
    and, when ``beside``, at the same time by a cursor of it on a helper thread; return when
    both are done, with the cursor closed, or raise what went wrong. All on ``con`` for a
    single item, and inside another sharing-out (two helpers would share two cores among
    three connections). The helper runs in a copy of this context, so rows shared in it
    (``figures.rows_shared``) stay shared."""
    waiting = deque(items)

    def drain(connection: duckdb.DuckDBPyConnection) -> None:
        while True:
            try:
                item = waiting.popleft()
            except IndexError:  # the other connection took the last one
                return
            do(connection, item)

    if not beside or len(waiting) < 2 or _sharing.get():
        drain(con)
    else:
        _on_two_connections(con, drain)


def _on_two_connections(
    con: duckdb.DuckDBPyConnection, drain: Callable[[duckdb.DuckDBPyConnection], None]
) -> None:
    token = _sharing.set(True)
    cursor = con.cursor()
    failed: list[BaseException] = []

    def beside() -> None:
        try:
            drain(cursor)
        except BaseException as error:  # raised on the caller's thread below
            failed.append(error)

    helper = threading.Thread(target=copy_context().run, args=(beside,), name="helsevakt-read")
    try:
        helper.start()
        drain(con)
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
    cursor of it (:func:`share_out`); all on ``con`` when the rollups on it were built for
    it alone (:func:`beside_allowed`). The first read that fails raises, once both
    connections are done."""
    results: list = [None] * len(reads)

    def read(connection: duckdb.DuckDBPyConnection, item: tuple[int, Callable]) -> None:
        index, reading = item
        results[index] = reading(connection)

    share_out(con, enumerate(reads), read, beside=len(reads) > 1 and beside_allowed(con, staffed))
    return results


def beside_allowed(con: duckdb.DuckDBPyConnection, staffed: StaffedSchedule) -> bool:
    """Whether a cursor of ``con`` may read beside it: not when the rollups on ``con`` are
    temporary ones built for it alone (brought up to date here first)."""
    rollups.ensure(con, staffed)
    return not rollups.holds_temporary(con)
