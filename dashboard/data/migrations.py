"""Numbered schema migrations, recorded in ``schema_version`` and safe to run twice."""

import duckdb

from dashboard.data.rollups import TABLES as ROLLUP_TABLES

MIGRATIONS: list[tuple[int, str]] = [
    (
        1,
        """
        CREATE SEQUENCE IF NOT EXISTS import_id_seq START 1;
        CREATE TABLE IF NOT EXISTS imports (
            id INTEGER PRIMARY KEY,
            file_name VARCHAR NOT NULL,
            sha256 VARCHAR NOT NULL,
            kind VARCHAR NOT NULL,
            rows_read INTEGER NOT NULL,
            rows_added INTEGER NOT NULL,
            imported_at TIMESTAMP NOT NULL
        );
        CREATE TABLE IF NOT EXISTS activities (
            id VARCHAR NOT NULL,
            start_at TIMESTAMP NOT NULL,
            end_at TIMESTAMP NOT NULL,
            minutes DOUBLE NOT NULL,
            subproject TINYINT NOT NULL CHECK (subproject BETWEEN 1 AND 6),
            task VARCHAR NOT NULL,
            requested_by VARCHAR NOT NULL,
            municipality VARCHAR,
            outcome VARCHAR,
            km DOUBLE,
            import_id INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS callouts (
            id VARCHAR NOT NULL,
            alarm_at TIMESTAMP NOT NULL,
            urgency VARCHAR NOT NULL CHECK (urgency IN ('akutt', 'haster', 'vanlig')),
            resource VARCHAR,
            doctor_present BOOLEAN NOT NULL,
            municipality VARCHAR,
            import_id INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS car_trips (
            id VARCHAR NOT NULL,
            start_at TIMESTAMP NOT NULL,
            end_at TIMESTAMP NOT NULL,
            driver_role VARCHAR NOT NULL CHECK (driver_role IN ('helsevakt', 'legevaktlege')),
            purpose VARCHAR,
            km DOUBLE,
            import_id INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS goals (
            goal_id VARCHAR PRIMARY KEY,
            plan VARCHAR NOT NULL,
            area VARCHAR,
            goal_text VARCHAR NOT NULL
        );
        CREATE TABLE IF NOT EXISTS goal_assessments (
            goal_id VARCHAR NOT NULL,
            assessed_on DATE,
            status TINYINT CHECK (status BETWEEN 1 AND 3),
            comment VARCHAR,
            owner VARCHAR,
            recorded_at TIMESTAMP NOT NULL,
            recorded_by VARCHAR NOT NULL,
            import_id INTEGER
        );
        CREATE TABLE IF NOT EXISTS meta (
            key VARCHAR PRIMARY KEY,
            value VARCHAR NOT NULL
        );
        """,
    ),
    (
        2,
        # A source's own goal id (Mål-ID), so an exported register imports back to the
        # same goals.
        "ALTER TABLE goals ADD COLUMN IF NOT EXISTS source_goal_id VARCHAR;",
    ),
    (
        3,
        # Rows an import replaced with a corrected version (``import --replace-changed``):
        # the old values, and which import replaced them when.
        """
        CREATE TABLE IF NOT EXISTS activities_history AS
            SELECT *, 0 AS replaced_by_import, current_timestamp::TIMESTAMP AS replaced_at
            FROM activities WITH NO DATA;
        CREATE TABLE IF NOT EXISTS callouts_history AS
            SELECT *, 0 AS replaced_by_import, current_timestamp::TIMESTAMP AS replaced_at
            FROM callouts WITH NO DATA;
        CREATE TABLE IF NOT EXISTS car_trips_history AS
            SELECT *, 0 AS replaced_by_import, current_timestamp::TIMESTAMP AS replaced_at
            FROM car_trips WITH NO DATA;
        """,
    ),
    (
        4,
        # Daily rollups: built from the rows by the first rollups.ensure(), then kept up to
        # date by every import.
        "".join(
            f"CREATE TABLE IF NOT EXISTS {name} ({columns});"
            for name, columns in ROLLUP_TABLES.items()
        ),
    ),
    (
        5,
        # The activities' rollup split three ways (by task, service and outcome), each far
        # smaller than one table keyed by all three. The next rollups.ensure() fills them.
        "DROP TABLE IF EXISTS activity_days;"
        + "".join(
            f"CREATE TABLE IF NOT EXISTS {name} ({columns});"
            for name, columns in ROLLUP_TABLES.items()
        )
        + "DELETE FROM meta WHERE key = 'rollup_schedule';",
    ),
    (
        6,
        # Goal tables as planners write them: the status in the source's own words beside
        # its 1–3 value (or none), the assessment date's precision (day, month or year),
        # what planners' tools have on a goal (deadline, goal type, the evaluation's
        # verdict) and a tie to an indicator the dashboard computes, with a target. Rows
        # stored before keep their value, written in the register's words, at day precision.
        """
        ALTER TABLE goal_assessments ADD COLUMN IF NOT EXISTS status_text VARCHAR;
        ALTER TABLE goal_assessments ADD COLUMN IF NOT EXISTS assessed_precision VARCHAR;
        UPDATE goal_assessments SET status_text = CASE status
            WHEN 1 THEN 'Ikke oppfylt' WHEN 2 THEN 'Delvis oppfylt' WHEN 3 THEN 'Oppfylt' END
        WHERE status IS NOT NULL AND status_text IS NULL;
        UPDATE goal_assessments SET assessed_precision = 'day'
        WHERE assessed_on IS NOT NULL AND assessed_precision IS NULL;
        ALTER TABLE goals ADD COLUMN IF NOT EXISTS deadline VARCHAR;
        ALTER TABLE goals ADD COLUMN IF NOT EXISTS goal_type VARCHAR;
        ALTER TABLE goals ADD COLUMN IF NOT EXISTS evaluation VARCHAR;
        ALTER TABLE goals ADD COLUMN IF NOT EXISTS indicator VARCHAR;
        ALTER TABLE goals ADD COLUMN IF NOT EXISTS comparator VARCHAR;
        ALTER TABLE goals ADD COLUMN IF NOT EXISTS target DOUBLE;
        """,
    ),
    (
        7,
        # The steering group's follow-up log: items per meeting, and the append-only history
        # of their state (who recorded each change when, from which import if any).
        """
        CREATE SEQUENCE IF NOT EXISTS followup_change_seq START 1;
        CREATE TABLE IF NOT EXISTS followup_items (
            item_id VARCHAR PRIMARY KEY,
            meeting_on DATE NOT NULL,
            item_text VARCHAR NOT NULL,
            recorded_at TIMESTAMP NOT NULL,
            recorded_by VARCHAR NOT NULL,
            import_id INTEGER,
            position INTEGER
        );
        CREATE TABLE IF NOT EXISTS followup_changes (
            change_no BIGINT NOT NULL DEFAULT nextval('followup_change_seq'),
            item_id VARCHAR NOT NULL,
            kind VARCHAR NOT NULL CHECK (kind IN ('decision', 'action')),
            responsible VARCHAR,
            deadline DATE,
            status VARCHAR NOT NULL CHECK (status IN ('open', 'done', 'dropped')),
            comment VARCHAR,
            effective_on DATE NOT NULL,
            recorded_at TIMESTAMP NOT NULL,
            recorded_by VARCHAR NOT NULL,
            import_id INTEGER
        );
        """,
    ),
    (
        8,
        # Kinds 6 and 7: reference values to compare with, and events to mark on time
        # series. Imported (import_id) or entered in the window (import_id NULL).
        """
        CREATE SEQUENCE IF NOT EXISTS reference_id_seq START 1;
        CREATE TABLE IF NOT EXISTS reference_values (
            id INTEGER NOT NULL DEFAULT nextval('reference_id_seq'),
            indicator VARCHAR NOT NULL,
            group_name VARCHAR NOT NULL,
            period_from DATE,
            period_to DATE,
            value DOUBLE NOT NULL,
            source VARCHAR NOT NULL,
            import_id INTEGER
        );
        CREATE SEQUENCE IF NOT EXISTS event_id_seq START 1;
        CREATE TABLE IF NOT EXISTS events (
            id INTEGER NOT NULL DEFAULT nextval('event_id_seq'),
            start_on DATE NOT NULL,
            end_on DATE,
            text VARCHAR NOT NULL,
            import_id INTEGER
        );
        """,
    ),
    (
        9,
        # The services' rollup also keyed by outcome, so outcomes per requesting service are
        # summed from it rather than counted from the rows. The next rollups.ensure() fills it.
        "DROP TABLE IF EXISTS activity_services;"
        f"CREATE TABLE activity_services ({ROLLUP_TABLES['activity_services']});"
        "DELETE FROM meta WHERE key = 'rollup_schedule';",
    ),
    (
        10,
        # The outcomes per requesting service in a table of their own, the services' rollup
        # without them again: the owners' hours and the overview read five times fewer rows.
        # Every activity rollup also per month, for the whole months of a period. The next
        # rollups.ensure() fills them.
        "DROP TABLE IF EXISTS activity_services;"
        f"CREATE TABLE activity_services ({ROLLUP_TABLES['activity_services']});"
        + "".join(
            f"CREATE TABLE IF NOT EXISTS {name} ({columns});"
            for name, columns in ROLLUP_TABLES.items()
        )
        + "DELETE FROM meta WHERE key = 'rollup_schedule';",
    ),
]


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_version "
        "(version INTEGER PRIMARY KEY, applied_at TIMESTAMP NOT NULL)"
    )
    return con.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0]


def migrate(con: duckdb.DuckDBPyConnection) -> int:
    """Apply every migration newer than the database, each in its own transaction."""
    version = current_version(con)
    for number, script in MIGRATIONS:
        if number <= version:
            continue
        con.begin()
        try:
            con.execute(script)
            con.execute(
                "INSERT INTO schema_version VALUES (?, current_timestamp::TIMESTAMP)", [number]
            )
            con.commit()
        except Exception:
            con.rollback()
            raise
        version = number
    return version
