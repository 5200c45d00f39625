"""A refresh's fetches: the shown view first and alone, the others on two connections."""

import threading
import time

from dashboard.data import figures, rollups
from dashboard.data.store import Store
from dashboard.data.values import StaffedSchedule
from dashboard.views.main_window import fetch_views
from dashboard.views.worker import Job

SHARED_SQL = "SELECT $value * 2 AS doubled"


def run_on_a_worker(fetches, path, qtbot) -> list:
    """fetch_views as the window's worker runs it (not on the GUI thread), with the window's
    part played here: each result collected, the shown view's marked as drawn."""
    arrived = []

    def collect(fetched):
        arrived.append(fetched)
        if fetched.drawn is not None:
            fetched.drawn.set()

    job = Job(lambda con, job: fetch_views(fetches, con, job, 7, StaffedSchedule()))
    job.partial.connect(collect)
    with Store.open(path, read_only=True) as store:
        worker = threading.Thread(target=job.run, args=(store.con,))
        worker.start()
        qtbot.waitUntil(lambda: not worker.is_alive(), timeout=20000)
    qtbot.waitUntil(lambda: len(arrived) == len(fetches), timeout=20000)
    return arrived


def database(path, rollups_built: bool = True):
    """A migrated file; its rollups built for the default staffed hours, or never (as a
    file no import has written to yet)."""
    with Store.open(path) as store:
        if rollups_built:
            rollups.ensure(store.con, StaffedSchedule())
    return path


def connections_used(qtbot, path) -> tuple[list, dict[int, int]]:
    """Six views' fetches, each a moment long; what arrived, and the connection of each."""
    used: dict[int, int] = {}
    first_done = []

    def fetch_of(index):
        def fetch(con):
            if index != 0:
                assert first_done, "a view was fetched before the shown one was done"
            time.sleep(0.05)  # long enough that both connections take a share
            used[index] = id(con)
            rows = figures.query_rows(con, SHARED_SQL, {"value": 21})
            if index == 0:
                first_done.append(True)
            return rows[0][0]

        return fetch

    arrived = run_on_a_worker({index: fetch_of(index) for index in range(6)}, path, qtbot)
    return arrived, used


def test_the_first_view_alone_then_the_others_on_two_connections(qtbot, tmp_path):
    arrived, used = connections_used(qtbot, database(tmp_path / "refresh.duckdb"))
    assert sorted(fetched.index for fetched in arrived) == list(range(6))
    assert {fetched.data for fetched in arrived} == {42}
    assert {fetched.generation for fetched in arrived} == {7}
    assert arrived[0].index == 0
    assert len(set(used.values())) == 2


def test_rollups_built_for_the_connection_alone_keep_every_fetch_on_it(qtbot, tmp_path):
    # Read-only, the stale rollups are built as temporary tables another connection would
    # not see (and would build again).
    path = database(tmp_path / "refresh.duckdb", rollups_built=False)
    arrived, used = connections_used(qtbot, path)
    assert len(arrived) == 6
    assert len(set(used.values())) == 1


def test_a_failing_view_is_sent_as_its_error_and_the_others_still_arrive(qtbot, tmp_path):
    path = database(tmp_path / "refresh.duckdb")

    def failing(con):
        raise ValueError("ingen tall")

    fetches = {0: lambda con: 1, 1: failing, 2: lambda con: 3, 3: lambda con: 4}
    arrived = {fetched.index: fetched for fetched in run_on_a_worker(fetches, path, qtbot)}
    assert str(arrived[1].error) == "ingen tall"
    assert [arrived[index].data for index in (0, 2, 3)] == [1, 3, 4]


def test_no_view_to_fetch_is_a_refresh_that_ends_at_once(qtbot, tmp_path):
    # A filter change while only views that ignore the filters are built fetches nothing.
    with Store.open(database(tmp_path / "refresh.duckdb"), read_only=True) as store:
        job = Job(lambda con, job: fetch_views({}, con, job, 7, StaffedSchedule()))
        assert fetch_views({}, store.con, job, 7, StaffedSchedule()) == 7
