"""Reads shared out between a connection and a cursor of it (the command line's and the
brief's figures of a period and its comparison), and a store opened while code loads."""

import json
import threading
from datetime import date, time

import pytest

from dashboard.data import figures, rollups
from dashboard.data.demo import build_demo
from dashboard.data.metrics import compared_metrics, document, period_metrics
from dashboard.data.store import DatabaseFault, Opening, Store
from dashboard.data.two_connections import read_all
from dashboard.data.values import Comparison, Filters, StaffedHours, StaffedSchedule

WAIT_S = 10


def database(path, rollups_built: bool = True):
    with Store.open(path) as store:
        if rollups_built:
            rollups.ensure(store.con, StaffedSchedule())
    return path


def doubled(index: int, used: dict, first_waits_for: threading.Event | None = None):
    """A read of ``index * 2`` from the database; it notes the connection it ran on. The
    first read waits until another has started, so that both connections must take part."""

    def read(con):
        used[index] = id(con)
        if index == 0 and first_waits_for is not None:
            first_waits_for.wait(WAIT_S)
        elif first_waits_for is not None:
            first_waits_for.set()
        return con.execute("SELECT ? * 2", [index]).fetchone()[0]

    return read


def test_every_result_comes_back_in_order_from_both_connections(tmp_path):
    another_started = threading.Event()
    used: dict[int, int] = {}
    with Store.open(database(tmp_path / "db.duckdb"), read_only=True) as store:
        reads = [doubled(i, used, another_started) for i in range(6)]
        assert read_all(store.con, StaffedSchedule(), reads) == [0, 2, 4, 6, 8, 10]
    assert another_started.is_set()
    assert len(set(used.values())) == 2
    assert sorted(used) == list(range(6))


def test_rollups_built_for_the_connection_alone_keep_every_read_on_it(tmp_path):
    used: dict[int, int] = {}
    with Store.open(database(tmp_path / "db.duckdb", rollups_built=False), read_only=True) as s:
        results = read_all(s.con, StaffedSchedule(), [doubled(i, used) for i in range(4)])
        assert rollups.holds_temporary(s.con)
        assert set(used.values()) == {id(s.con)}
    assert results == [0, 2, 4, 6]


def test_a_read_asked_for_inside_another_runs_on_its_connection(tmp_path):
    inner_used: dict[int, int] = {}

    def nested(con):
        inner = read_all(con, StaffedSchedule(), [doubled(i, inner_used) for i in range(3)])
        assert set(inner_used.values()) == {id(con)}
        return inner

    with Store.open(database(tmp_path / "db.duckdb"), read_only=True) as store:
        outer = read_all(store.con, StaffedSchedule(), [nested, lambda con: "beside"])
    assert outer == [[0, 2, 4], "beside"]


def test_a_failing_read_raises_once_the_others_are_done(tmp_path):
    used: dict[int, int] = {}

    def failing(con):
        raise ValueError("lesingen feilet")

    with Store.open(database(tmp_path / "db.duckdb"), read_only=True) as store:
        reads = [doubled(0, used), failing, *(doubled(i, used) for i in range(2, 6))]
        with pytest.raises(ValueError, match="lesingen feilet"):
            read_all(store.con, StaffedSchedule(), reads)
        # The cursor is closed and the connection still reads.
        assert store.con.execute("SELECT 1").fetchone() == (1,)
    assert sorted(used) == [0, 2, 3, 4, 5]


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    return build_demo(tmp_path_factory.mktemp("demo") / "demo.duckdb", seed=3)


@pytest.mark.parametrize("kind", ["previous", "last-year", "none"])
def test_a_period_and_its_comparison_at_once_equal_each_alone(demo, kind):
    filters = Filters(date(2025, 1, 1), date(2025, 6, 30)).with_comparison(Comparison(kind))
    with Store.open(demo, read_only=True) as store, figures.rows_shared():
        now, before = compared_metrics(store.con, filters)
        alone = period_metrics(store.con, filters)
        compared = filters.comparison()
        before_alone = period_metrics(store.con, compared) if compared else None
    assert (before is None) == (kind == "none")
    # Compared as the command line prints them (a share with no trials is NaN, never equal).
    assert json.dumps(document(now, before)) == json.dumps(document(alone, before_alone))
    assert document(now, None)["activities"]["count"] > 0


def test_comparison_figures_follow_the_staffed_hours_of_the_filters(demo):
    late = StaffedSchedule.constant(StaffedHours(time(12, 0), time(20, 0)))
    filters = Filters(date(2025, 1, 1), date(2025, 3, 31), staffed=late)
    with Store.open(demo, read_only=True) as store:
        now, before = compared_metrics(store.con, filters)
        assert now.utilisation.staffed_hours == figures.staffed_hours(store.con, filters)
        assert before.utilisation.staffed_hours == figures.staffed_hours(
            store.con, filters.comparison()
        )


def test_an_opening_store_reads_once_opened(tmp_path):
    opening = Opening(database(tmp_path / "db.duckdb"), read_only=True)
    with opening.store() as store:
        assert store.read_only
        assert store.con.execute("SELECT count(*) FROM activities").fetchone() == (0,)


def test_an_opening_store_raises_what_opening_raised(tmp_path):
    not_a_database = tmp_path / "notat.duckdb"
    not_a_database.write_text("ikke en database\n" * 100, encoding="utf-8")
    opening = Opening(not_a_database, read_only=True)
    with pytest.raises(DatabaseFault, match=r"notat\.duckdb"):
        opening.store()
