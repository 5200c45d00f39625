"""Per export kind: how each field is typed in SQL, what makes a row wrong, how rows are stored.

Each spec is built from the columns a file has (field name → raw column) and yields the
SELECT list of the ``typed`` table, the checks run over it, and the INSERTs that store it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from dashboard.data.followup import item_id_sql
from dashboard.data.followup_io import IMPORT_INSERTS
from dashboard.data.goal_dates import ASSESSED_HINT
from dashboard.data.kinds import SERVICE_WORDS
from dashboard.data.parsing import (
    CAREFUL,
    FIRST_YEAR,
    LAST_YEAR,
    Forms,
    as_clock,
    as_date,
    as_month_start,
    as_number,
    as_word,
    cell,
    clock_change_minutes,
    in_spring_gap,
    plausible_year,
)
from dashboard.data.privacy import may_hold_identity_number

NOT_ASSESSED = "('ikke vurdert', '-', '–')"
DATE_HINT = "forventet f.eks. 31.01.2024 14:30 eller 2024-01-31 14:30"
SPRING_GAP = (
    "«{found}» finnes ikke: natten sommertiden begynner, går klokka fra 02:00 rett til "
    "03:00; rett klokkeslettet"
)


@dataclass(frozen=True)
class Check:
    """A condition over ``typed`` that makes a row wrong, and what to tell the user."""

    fields: tuple[str, ...]
    condition: str
    found: str
    missing: str
    invalid: str = ""
    per_row: bool = True

    def message(self, found: str | None) -> str:
        if found is None or not self.invalid:
            return self.missing
        invalid = self.invalid
        if found.startswith(YEAR_MARK):
            found, invalid = found[len(YEAR_MARK) :], YEAR_OUTSIDE
        shown = f"«{found}»" if len(found) <= 60 else f"«{found[:57]}…»"
        if may_hold_identity_number(found):
            # A long number is never quoted back: it may be someone's identity number.
            shown = "verdien (med et langt tall, ikke gjentatt her)"
        return invalid.replace("«{found}»", shown)


# Put before the text of a date that reads, but in a year outside the accepted ones.
YEAR_MARK = "\x01"
YEAR_OUTSIDE = (
    f"«{{found}}» er en dato i et år utenfor {FIRST_YEAR}–{LAST_YEAR}, som en eksport kan "
    "gjelde; skrivefeil i årstallet?"
)


def year_marked(raw: str) -> str:
    """The text of a date-time cell, marked when it reads as a date in a year outside the
    accepted ones (only computed for a refused row, so its cost does not matter)."""
    parsed = f"coalesce(try_strptime({raw}, $datetime_formats), try_strptime({raw}, $date_formats))"
    return (
        f"CASE WHEN year({parsed}) NOT BETWEEN {FIRST_YEAR} AND {LAST_YEAR} "
        f"THEN chr(1) || {raw} ELSE {raw} END"
    )


class Spec:
    """Columns the file has, as SQL text expressions."""

    inserts: tuple[str, ...] = ()
    table: str | None = None
    stored = ""
    # The moment a row belongs to (its year scopes ids with ``--id-scope year``).
    moment = "start_at"

    def __init__(self, columns: dict[str, str], forms: Forms = CAREFUL):
        self.columns = columns
        self.forms = forms
        self.parts: list[str] = []
        self.checks: list[Check] = []
        self.has_id = False
        self.derived_id: str | None = None
        self.read_whole: set[str] = set()
        self.build()

    def text(self, field: str, read: Callable[[str], str] = cell) -> str:
        return read(self.columns[field]) if field in self.columns else "NULL::VARCHAR"

    def typed_text(self, field: str) -> str:
        """The text of a field read as a date-time, number or word, as the forms take it."""
        return self.text(field, self.forms.text)

    def add(self, name: str, expression: str) -> None:
        self.parts.append(f"{expression} AS {name}")

    def insert_all(self) -> str:
        """Store every typed row, ids already there or not (the one-pass import sorts them)."""
        return f"INSERT INTO {self.table} SELECT {self.stored}, $import_id FROM typed"

    @property
    def same_row(self) -> str:
        return same_row(self.stored)

    def check(self, *args, **kwargs) -> None:
        self.checks.append(Check(*args, **kwargs))

    def must_read_whole(self, field: str, by_forms: bool = False) -> None:
        """A row passes its checks only when ``field`` is blank or read whole: as a word of
        a vocabulary, or (``by_forms``) as a date-time, clock time or subproject number by
        forms that bound digit runs.

        Such a text holds no run of more than four digits, so no identity number: the
        one-pass import spares it the privacy search (tests/test_forms.py holds the forms
        and the vocabularies to this)."""
        if not by_forms or self.forms.digit_runs_bounded:
            self.read_whole.add(field)

    @property
    def select(self) -> str:
        return ",\n".join(self.parts)

    def build(self) -> None:
        raise NotImplementedError

    def add_period(self) -> None:
        """``start_at``/``end_at``, from full date-times, split date and clock columns, a
        time-only end (past midnight when before the start) or a duration in minutes."""
        self.add(
            "r_start",
            f"coalesce({self.text('start')}, "
            f"nullif(concat_ws(' ', {self.text('date')}, {self.text('start_clock')}), ''))",
        )
        starts = [self.forms.datetime(self.typed_text("start"))]
        if "date" in self.columns:
            day = as_date(self.text("date"))
            clocks = (as_clock(self.text(field)) for field in ("start", "start_clock"))
            starts += [f"{day} + {clock}" for clock in clocks]
        self.add("start_at", f"coalesce({', '.join(starts)})")
        self.add("r_end", f"coalesce({self.typed_text('end')}, {self.typed_text('end_clock')})")
        self.add("end_full", self.forms.datetime("r_end"))
        if "start_clock" not in self.columns:
            self.must_read_whole("start", by_forms=True)
        if "end_clock" not in self.columns:
            self.must_read_whole("end", by_forms=True)
        # A clock-only end is rare; trying clock formats on every full date-time is not cheap.
        self.add("end_clock", f"CASE WHEN end_full IS NULL THEN {as_clock('r_end')} END")
        self.add("r_duration", self.typed_text("duration"))
        self.add("duration", self.forms.number("r_duration"))
        # Wall-clock times in Oslo: a duration ending past the spring change ends an hour
        # later on the clock, and minutes between two clock times count the real minutes.
        by_duration = "start_at + to_seconds(duration * 60)"
        spring_shift = f"-({clock_change_minutes('start_at', by_duration)})"
        self.add(
            "end_at",
            f"""CASE WHEN end_full IS NOT NULL THEN end_full
                    WHEN end_clock IS NOT NULL THEN start_at::DATE + end_clock
                         + CASE WHEN start_at::DATE + end_clock < start_at
                                THEN INTERVAL 1 DAY ELSE INTERVAL 0 DAY END
                    WHEN duration BETWEEN 0 AND $longest_minutes
                         THEN {by_duration} + to_minutes({spring_shift})
               END""",
        )
        self.add(
            "minutes",
            f"""CASE WHEN end_full IS NULL AND end_clock IS NULL THEN duration
                    ELSE date_diff('second', start_at, end_at) / 60.0
                         + {clock_change_minutes("start_at", "end_at")}
               END""",
        )
        self.check(
            ("start", "date", "start_clock"),
            "start_at IS NULL",
            year_marked("r_start"),
            "mangler starttid",
            f"«{{found}}» er ikke en gyldig dato og tid ({DATE_HINT})",
        )
        self.check(
            ("end", "end_clock"),
            "r_end IS NOT NULL AND end_full IS NULL AND end_clock IS NULL",
            year_marked("r_end"),
            "mangler slutt",
            f"«{{found}}» er ikke en gyldig dato og tid ({DATE_HINT}, eller bare 15:45)",
        )
        self.check(
            ("start", "date", "start_clock"),
            in_spring_gap("start_at"),
            "r_start",
            "",
            SPRING_GAP,
        )
        self.check(
            ("end", "end_clock"),
            f"(end_full IS NOT NULL OR end_clock IS NOT NULL) AND {in_spring_gap('end_at')}",
            "r_end",
            "",
            SPRING_GAP,
        )
        self.check(
            ("end", "end_clock"),
            "end_full < start_at",
            "r_end",
            "slutt er før start",
            "slutt «{found}» er før start",
        )
        self.check(
            ("end", "end_clock"),
            "end_at > start_at + to_minutes($longest_minutes::BIGINT)",
            "r_end",
            "",
            "slutt «{found}» er mer enn ett døgn etter start; skrivefeil i datoen?",
        )

    def add_optional_number(self, field: str) -> None:
        self.add(f"r_{field}", self.typed_text(field))
        self.add(field, self.forms.number(f"r_{field}"))
        self.check(
            (field,),
            f"r_{field} IS NOT NULL AND {field} IS NULL",
            f"r_{field}",
            "",
            "«{found}» er ikke et tall",
        )

    def add_id(self, field: str, content: str, required: bool) -> None:
        """The file's id, or one derived from the row's content and its occurrence."""
        self.add("r_id", self.text(field))
        self.has_id = True
        if not required:
            self.derived_id = (
                f"'h' || md5(concat_ws(chr(31), {content})) || '-' || "
                f"row_number() OVER (PARTITION BY {content} ORDER BY ord)"
            )
        if required:
            self.check((field,), "r_id IS NULL", "r_id", "mangler ID")
        self.check(
            (field,),
            "id IN (SELECT id FROM typed GROUP BY id HAVING count(*) > 1)",
            "r_id",
            "",
            "ID «{found}» står på flere rader; hver rad må ha sin egen ID",
            per_row=False,
        )

    def add_text(self, field: str, required_message: str | None = None) -> None:
        self.add(field, self.text(field))
        if required_message:
            self.check((field,), f"{field} IS NULL", field, required_message)


def same_row(stored: str) -> str:
    """Row ``s`` (stored) holds what row ``t`` holds, id included."""
    return " AND ".join(
        f"s.{column} IS NOT DISTINCT FROM t.{column}" for column in stored.split(", ")
    )


def _insert_new(table: str, stored: str) -> str:
    """Every row not stored identically already (a changed one is refused earlier, or is
    a correction the import then puts in place of the old)."""
    return (
        f"INSERT INTO {table} SELECT {stored}, $import_id FROM typed t "
        f"WHERE NOT EXISTS (SELECT 1 FROM {table} s WHERE {same_row(stored)})"
    )


class ActivitySpec(Spec):
    table = "activities"
    stored = (
        "id, start_at, end_at, minutes, subproject, task, requested_by, municipality, outcome, km"
    )
    inserts = (_insert_new(table, stored),)

    def build(self) -> None:
        self.add_period()
        self.check(
            ("end", "end_clock", "duration"),
            "r_end IS NULL AND r_duration IS NULL",
            "r_end",
            "mangler slutt eller varighet",
        )
        self.check(
            ("duration",),
            "r_end IS NULL AND r_duration IS NOT NULL "
            "AND (duration IS NULL OR duration NOT BETWEEN 0 AND $longest_minutes)",
            "r_duration",
            "",
            "varighet «{found}» er ikke et antall minutter mellom 0 og 1440 (ett døgn)",
        )
        self.add("r_subproject", self.typed_text("subproject"))
        self.add("subproject", self.forms.subproject("r_subproject"))
        self.must_read_whole("subproject", by_forms=True)
        self.check(
            ("subproject",),
            "subproject IS NULL",
            "r_subproject",
            "mangler delprosjekt",
            "ukjent delprosjekt «{found}»; forventet 1–6, «DP2», «Delprosjekt 2» eller navnet",
        )
        self.add_text("task", "mangler oppgave")
        self.add("r_requested_by", self.typed_text("requested_by"))
        self.add("requested_by", as_word("r_requested_by", "service"))
        self.must_read_whole("requested_by")
        services = ", ".join(sorted(set(SERVICE_WORDS.values()), key=str.lower))
        self.check(
            ("requested_by",),
            "requested_by IS NULL",
            "r_requested_by",
            "mangler bestiller",
            f"ukjent bestiller «{{found}}»; forventet en av {services}",
        )
        self.add_text("municipality")
        self.add_text("outcome")
        self.add_optional_number("km")
        self.add_id(
            "id",
            "start_at, end_at, subproject, task, requested_by, municipality, outcome, km",
            required=False,
        )


class CalloutSpec(Spec):
    table = "callouts"
    stored = "id, alarm_at, urgency, resource, doctor_present, municipality"
    moment = "alarm_at"
    inserts = (_insert_new(table, stored),)

    def build(self) -> None:
        self.add_id("id", "", required=True)
        self.add("r_time", self.typed_text("time"))
        self.add("alarm_at", self.forms.datetime("r_time"))
        self.must_read_whole("time", by_forms=True)
        self.check(
            ("time",),
            "alarm_at IS NULL",
            year_marked("r_time"),
            "mangler alarmtid",
            f"«{{found}}» er ikke en gyldig dato og tid ({DATE_HINT})",
        )
        self.add("r_urgency", self.typed_text("urgency"))
        self.add("urgency", as_word("r_urgency", "urgency"))
        self.must_read_whole("urgency")
        self.check(
            ("urgency",),
            "urgency IS NULL",
            "r_urgency",
            "mangler hastegrad",
            "ukjent hastegrad «{found}»; forventet Akutt, Haster eller Vanlig "
            "(også Rød/Gul/Grønn, A/H/V)",
        )
        self.add_text("resource", "mangler ressurs")
        self.add("r_doctor", self.typed_text("doctor_present"))
        self.add("doctor_word", as_word("r_doctor", "yes_no"))
        self.must_read_whole("doctor_present")
        self.add("doctor_present", "coalesce(doctor_word::BOOLEAN, false)")
        self.check(
            ("doctor_present",),
            "r_doctor IS NOT NULL AND doctor_word IS NULL",
            "r_doctor",
            "",
            "«{found}» er ikke ja eller nei; forventet Ja/Nei, J/N, 1/0, x/tom, true/false",
        )
        self.add_text("municipality")


class CarLogSpec(Spec):
    table = "car_trips"
    stored = "id, start_at, end_at, driver_role, purpose, km"
    inserts = (_insert_new(table, stored),)

    def build(self) -> None:
        self.add_period()
        self.check(("end", "end_clock"), "r_end IS NULL", "r_end", "mangler slutt")
        self.add("r_role", self.typed_text("driver_role"))
        self.add("driver_role", as_word("r_role", "role"))
        self.must_read_whole("driver_role")
        self.check(
            ("driver_role",),
            "driver_role IS NULL",
            "r_role",
            "mangler bruker (rolle)",
            "«{found}» er ikke en rolle; forventet Helsevakt eller Legevaktlege "
            "(en rolle, aldri et navn)",
        )
        self.add_text("purpose")
        self.add_optional_number("km")
        self.add_id("id", "start_at, end_at, driver_role, purpose, km", required=False)


class GoalSpec(Spec):
    """Kind 4. The status is kept as written, with its 1–3 value where the vocabulary (or a
    ``Verdi (1–3)`` column of the register's own export) gives one; other words are a status
    without a scale value. The date is kept at the precision written; where the file gives
    none, ``$assessed_fallback`` (the status header's date or the user's) stands in."""

    inserts = (
        """INSERT INTO goals (goal_id, plan, area, goal_text, source_goal_id, deadline,
                              goal_type, evaluation, indicator, comparator, target)
           SELECT i.goal_id, first(t.plan ORDER BY t.ord), first(t.area ORDER BY t.ord),
                  first(t.goal_text ORDER BY t.ord), first(t.given_id ORDER BY t.ord),
                  first(t.deadline ORDER BY t.ord),
                  string_agg(DISTINCT t.goal_type, '; ' ORDER BY t.goal_type),
                  first(t.evaluation ORDER BY t.ord), first(t.indicator ORDER BY t.ord),
                  first(t.comparator ORDER BY t.ord), first(t.target ORDER BY t.ord)
           FROM typed t JOIN goal_ids i ON i.plan = t.plan AND i.goal_text = t.goal_text
                AND i.given_id IS NOT DISTINCT FROM t.given_id
           GROUP BY i.goal_id
           ON CONFLICT (goal_id) DO UPDATE SET
               deadline = coalesce(excluded.deadline, goals.deadline),
               goal_type = coalesce(excluded.goal_type, goals.goal_type),
               evaluation = coalesce(excluded.evaluation, goals.evaluation),
               indicator = coalesce(excluded.indicator, goals.indicator),
               comparator = coalesce(excluded.comparator, goals.comparator),
               target = coalesce(excluded.target, goals.target)""",
        """INSERT INTO goal_assessments (goal_id, assessed_on, status, comment, owner,
                                         recorded_at, recorded_by, import_id, status_text,
                                         assessed_precision)
           SELECT DISTINCT i.goal_id, t.assessed, t.status, t.comment, t.owner,
                  current_timestamp::TIMESTAMP, $user, $import_id, t.status_text,
                  t.assessed_precision
           FROM typed t JOIN goal_ids i ON i.plan = t.plan AND i.goal_text = t.goal_text
                AND i.given_id IS NOT DISTINCT FROM t.given_id
           WHERE NOT EXISTS (
               SELECT 1 FROM goal_assessments a
               WHERE a.goal_id = i.goal_id
                 AND a.assessed_on IS NOT DISTINCT FROM t.assessed
                 AND a.assessed_precision IS NOT DISTINCT FROM t.assessed_precision
                 AND a.status IS NOT DISTINCT FROM t.status
                 -- The same value in other words (2, «Delvis oppfylt») is the same status;
                 -- words without a value are the same in other case or spacing.
                 AND (a.status IS NOT NULL OR lower(trim(a.status_text))
                      IS NOT DISTINCT FROM lower(trim(t.status_text)))
                 AND a.comment IS NOT DISTINCT FROM t.comment
                 AND a.owner IS NOT DISTINCT FROM t.owner)""",
    )

    def build(self) -> None:
        self.add_text("plan", "mangler plan")
        # A table with no goal column holds its goals in the area column.
        goal_field = "goal" if "goal" in self.columns else "area"
        self.add("goal_text", self.text(goal_field))
        self.check((goal_field,), "goal_text IS NULL", "goal_text", "mangler målformulering")
        self.add("given_id", self.text("goal_id"))
        self.add("area", self.text("area") if goal_field == "goal" else "NULL::VARCHAR")
        self.add_status()
        self.add_assessed()
        for field in ("comment", "owner", "deadline", "goal_type", "evaluation"):
            self.add_text(field)
        self.add_indicator()

    def add_status(self) -> None:
        self.add("r_status", self.text("status"))
        self.add(
            "status_text", f"CASE WHEN lower(r_status) NOT IN {NOT_ASSESSED} THEN r_status END"
        )
        self.add("r_scale", self.text("scale"))
        self.add("scale", f"{as_word('r_scale', 'status')}::TINYINT")
        self.add("status", f"coalesce({as_word('status_text', 'status')}::TINYINT, scale)")
        self.check(
            ("status",),
            "regexp_full_match(status_text, '[-+]?[0-9]+([.,][0-9]*)?') AND status IS NULL",
            "r_status",
            "",
            "status «{found}» er utenfor skalaen; forventet 1, 2 eller 3, planens egne ord "
            "(f.eks. «delvis oppnådd») eller tom",
        )
        self.check(
            ("scale",),
            "r_scale IS NOT NULL AND (scale IS NULL OR status_text IS NULL "
            f"OR {as_word('status_text', 'status')}::TINYINT IS DISTINCT FROM scale)",
            "r_scale",
            "",
            "verdien «{found}» passer ikke til statusen på raden; forventet 1, 2 eller 3 "
            "som statusen sier, eller tom",
        )

    def add_indicator(self) -> None:
        """A tie to a figure: its ``metrics`` key and a target such as ">= 0.6" (both or
        neither)."""
        self.add("indicator", self.text("indicator"))
        self.add("r_target", self.text("indicator_target"))
        pattern = "'^(>=|<=|>|<|≥|≤)\\s*(.+)$'"
        self.add("r_comparator", f"regexp_extract(r_target, {pattern}, 1)")
        self.add(
            "comparator",
            "CASE r_comparator WHEN '≥' THEN '>=' WHEN '≤' THEN '<=' "
            "ELSE nullif(r_comparator, '') END",
        )
        self.add("target", as_number(f"regexp_extract(r_target, {pattern}, 2)"))
        self.add("indicator_known", "list_contains($indicator_keys, indicator)")
        self.check(
            ("indicator",),
            "indicator IS NOT NULL AND NOT indicator_known",
            "indicator",
            "",
            "«{found}» er ikke et nøkkeltall programmet regner ut; forventet f.eks. "
            "acute_doctor_share",
        )
        self.check(
            ("indicator_target",),
            "(indicator IS NULL) <> (r_target IS NULL) "
            "OR (r_target IS NOT NULL AND (comparator IS NULL OR target IS NULL))",
            "r_target",
            "mangler målverdi for nøkkeltallet",
            "«{found}» er ikke en målverdi; forventet f.eks. «>= 0,6» (og et nøkkeltall)",
        )

    def add_assessed(self) -> None:
        self.add("r_assessed", f"coalesce({self.text('assessed')}, $assessed_fallback::VARCHAR)")
        bare = "regexp_replace(r_assessed, '^per\\s+', '', 'i')"
        day = f"coalesce({as_date(bare)}, {self.forms.datetime(bare)}::DATE)"
        month = as_month_start(bare)
        year = f"make_date({plausible_year(f'try_cast({bare} AS INTEGER)')}, 1, 1)"
        only_year = f"regexp_full_match({bare}, '[0-9]{{4}}')"
        self.add("assessed_day", day)
        self.add("assessed_month", month)
        self.add("assessed_year", f"CASE WHEN {only_year} THEN {year} END")
        self.add("assessed", "coalesce(assessed_day, assessed_month, assessed_year)")
        self.add(
            "assessed_precision",
            "CASE WHEN assessed_day IS NOT NULL THEN 'day' WHEN assessed_month IS NOT NULL "
            "THEN 'month' WHEN assessed_year IS NOT NULL THEN 'year' END",
        )
        self.check(
            ("assessed",),
            "r_assessed IS NOT NULL AND assessed IS NULL",
            "r_assessed",
            "",
            f"«{{found}}» er ikke en dato; {ASSESSED_HINT}",
        )
        self.check(
            ("assessed",),
            "r_assessed IS NULL AND status_text IS NOT NULL",
            "r_assessed",
            "mangler vurderingsdato for en vurdert status: filen har ingen dato for den; "
            'oppgi datoen statusene gjelder (import --assessed "mai 2021", eller svar når '
            "vinduet spør)",
        )


class ActionSpec(Spec):
    """The follow-up log: an item per row, known by its meeting day and text."""

    inserts = IMPORT_INSERTS

    def build(self) -> None:
        self.add_date("meeting", "meeting_on", "mangler møtedato")
        self.add("item_text", self.text("item"))
        self.check(
            ("item",),
            "item_text IS NULL",
            "item_text",
            "mangler sak (teksten til vedtaket eller oppfølgingspunktet)",
        )
        self.add("item_id", item_id_sql("meeting_on", "item_text"))
        self.check(
            ("item",),
            "item_id IN (SELECT item_id FROM typed GROUP BY item_id HAVING count(*) > 1)",
            "item_text",
            "",
            "saken «{found}» står på flere rader for samme møte; slå radene sammen til én",
            per_row=False,
        )
        self.add_followup_word(
            "kind",
            "action",
            "ukjent type «{found}»; forventet Vedtak eller Oppfølging (tom = Oppfølging)",
        )
        self.add_followup_word(
            "status",
            "open",
            "ukjent status «{found}»; forventet Åpen, Utført eller Utgår (tom = Åpen)",
        )
        self.add_given("responsible", self.text("responsible"))
        self.add_date("deadline", "deadline")
        self.add_given_flag("deadline")
        self.add_given("comment", self.text("comment"))

    def add_given(self, field: str, expression: str) -> None:
        self.add(field, expression)
        self.add_given_flag(field)

    def add_given_flag(self, field: str) -> None:
        """Whether the file has the column of ``field`` (if not, the stored value stays)."""
        self.add(f"given_{field}", "true" if field in self.columns else "false")

    def add_date(self, field: str, name: str, missing: str | None = None) -> None:
        raw = f"r_{field}"
        self.add(raw, self.text(field))
        self.add(name, f"coalesce({as_date(raw)}, {self.forms.datetime(raw)}::DATE)")
        self.check(
            (field,),
            f"{raw} IS NOT NULL AND {name} IS NULL",
            year_marked(raw),
            "",
            "«{found}» er ikke en dato; forventet f.eks. 12.03.2024, 12.3.2024 eller 2024-03-12",
        )
        if missing:
            self.check((field,), f"{raw} IS NULL", raw, missing)

    def add_followup_word(self, field: str, blank: str, invalid: str) -> None:
        raw = f"r_{field}"
        self.add(raw, self.text(field))
        word = as_word(raw, f"followup_{field}")
        self.add_given(field, f"CASE WHEN {raw} IS NULL THEN '{blank}' ELSE {word} END")
        self.check((field,), f"{raw} IS NOT NULL AND {field} IS NULL", raw, "", invalid)


KIND_SPECS: dict[str, type[Spec]] = {
    "activity": ActivitySpec,
    "callouts": CalloutSpec,
    "carlog": CarLogSpec,
    "goals": GoalSpec,
    "actions": ActionSpec,
}


# --- Kinds 6 and 7: reference values and events -----------------------------------------

PERIOD_HINT = "forventet et år (2019), et tidsrom (2018–2022 eller 01.01.2018–31.12.2018) eller tom"
SHARE_HINT = "forventet en andel som 57 %, 57,0 eller 0,57"


def _known_indicators() -> str:
    from dashboard.data.vocabulary import INDICATORS

    return "; ".join(f"{label} ({key})" for key, label in INDICATORS.items())


def as_year_or_date(text: str, last_day: bool) -> str:
    """A date, or a year read as its first (or ``last_day``: last) day."""
    year = f"try_cast(CASE WHEN regexp_full_match({text}, '[0-9]{{4}}') THEN {text} END AS INTEGER)"
    month, day = (12, 31) if last_day else (1, 1)
    return f"coalesce({as_date(text)}, make_date({plausible_year_sql(year)}, {month}, {day}))"


def plausible_year_sql(year: str) -> str:
    return f"CASE WHEN {year} BETWEEN {FIRST_YEAR} AND {LAST_YEAR} THEN {year} END"


# The two ends of a span: «2018–2022», «2018 - 2022», «01.01.2018–31.12.2018», «… til …»,
# and «01.01.2018-31.12.2018» (a hyphen between two day-first dates).
SPAN_PATTERNS = (
    "^(.+?)\\s*[–—]\\s*(.+)$",
    "^(.+?)\\s+(?:-|til)\\s+(.+)$",
    "^([0-9]{4}|[0-9]{1,2}\\.[0-9]{1,2}\\.[0-9]{2,4})-([0-9]{4}|[0-9]{1,2}\\.[0-9]{1,2}\\.[0-9]{2,4})$",
)


def span_end(text: str, group: int) -> str:
    """One end of a span written in one cell, NULL when the cell is no span."""
    ends = [
        f"nullif(regexp_extract({text}, '{pattern}', {group}), '')" for pattern in SPAN_PATTERNS
    ]
    return f"coalesce({', '.join(ends)})"


class ReferenceSpec(Spec):
    """Kind 6: a figure from elsewhere, with its group, period and source.

    A share is read as written with ``%`` (``57 %``); without it, a number above 1 is in per
    cent (``57,0``) and one from 0 to 1 a fraction (``0,57``), so under one per cent must be
    written with ``%`` (``0,5 %``). Stored as a fraction."""

    inserts = (
        """INSERT INTO reference_values
               (indicator, group_name, period_from, period_to, value, source, import_id)
           SELECT DISTINCT indicator, group_name, period_from, period_to, value, source,
                  $import_id
           FROM typed t
           WHERE NOT EXISTS (
               SELECT 1 FROM reference_values s
               WHERE s.indicator = t.indicator AND s.group_name = t.group_name
                 AND s.period_from IS NOT DISTINCT FROM t.period_from
                 AND s.period_to IS NOT DISTINCT FROM t.period_to
                 AND s.value = t.value AND s.source = t.source)""",
    )

    def build(self) -> None:
        self._indicator()
        self.add("group_name", self.text("group"))
        self.check(("group",), "group_name IS NULL", "group_name", "mangler sammenligningsgruppe")
        self.add_text("source", "mangler kilde")
        self._period()
        self._value()
        self._conflicts()

    def _indicator(self) -> None:
        self.add("r_indicator", self.typed_text("indicator"))
        folded = "regexp_replace(r_indicator, '\\s+', ' ', 'g')"
        self.add("indicator", as_word(folded, "indicator"))
        self.must_read_whole("indicator")
        self.check(
            ("indicator",),
            "indicator IS NULL",
            "r_indicator",
            "mangler indikator",
            f"ukjent indikator «{{found}}»; kjente indikatorer: {_known_indicators()}",
        )

    def _period(self) -> None:
        self.add("r_period", self.text("period"))
        self.add("r_period_from", self.text("period_from"))
        self.add("r_period_to", self.text("period_to"))
        whole = as_year_or_date("r_period", last_day=False)
        whole_end = as_year_or_date("r_period", last_day=True)
        first = as_year_or_date(span_end("r_period", 1), last_day=False)
        last = as_year_or_date(span_end("r_period", 2), last_day=True)
        self.add(
            "period_from",
            f"coalesce(CASE WHEN {first} IS NOT NULL AND {last} IS NOT NULL THEN {first} END, "
            f"{whole}, {as_year_or_date('r_period_from', last_day=False)})",
        )
        self.add(
            "period_to",
            f"coalesce(CASE WHEN {first} IS NOT NULL AND {last} IS NOT NULL THEN {last} END, "
            f"{whole_end}, {as_year_or_date('r_period_to', last_day=True)}, "
            f"{as_year_or_date('r_period_from', last_day=True)})",
        )
        self.check(
            ("period",),
            "r_period IS NOT NULL AND period_from IS NULL",
            "r_period",
            "",
            f"perioden «{{found}}» kan ikke leses; {PERIOD_HINT}",
        )
        for field in ("period_from", "period_to"):
            self.check(
                (field,),
                f"r_{field} IS NOT NULL AND {as_year_or_date(f'r_{field}', False)} IS NULL",
                f"r_{field}",
                "",
                "«{found}» er ikke en dato eller et år; forventet f.eks. 01.01.2018 eller 2018",
            )
        self.check(
            ("period_from",),
            "r_period IS NULL AND r_period_from IS NULL AND r_period_to IS NOT NULL",
            "r_period_to",
            "mangler Fra når Til er fylt ut",
        )
        self.check(
            ("period", "period_to"),
            "period_to < period_from",
            "coalesce(r_period, r_period_to)",
            "",
            "perioden slutter før den begynner («{found}»)",
        )

    def _value(self) -> None:
        self.add("r_value", self.typed_text("value"))
        self.add("unit", as_word("indicator", "indicator_unit"))
        self.add("per_cent", "coalesce(contains(r_value, '%'), false)")
        self.add("number", self.forms.number("trim(replace(r_value, '%', ''))"))
        self.add(
            "value",
            """CASE WHEN unit = 'share' AND (per_cent OR number > 1) THEN number / 100
                    ELSE number END""",
        )
        self.check(("value",), "r_value IS NULL", "r_value", "mangler verdi")
        self.check(
            ("value",),
            "r_value IS NOT NULL AND number IS NULL",
            "r_value",
            "",
            "«{found}» er ikke et tall",
        )
        self.check(
            ("value",),
            "unit = 'share' AND number IS NOT NULL AND NOT value BETWEEN 0 AND 1",
            "r_value",
            "",
            f"«{{found}}» er ingen andel mellom 0 og 100 %; {SHARE_HINT}",
        )
        self.check(
            ("value",),
            "unit <> 'share' AND per_cent",
            "r_value",
            "",
            "«{found}» er en prosent, men indikatoren er ingen andel; skriv tallet uten %",
        )
        self.check(
            ("value",),
            "unit <> 'share' AND NOT per_cent AND number < 0",
            "r_value",
            "",
            "«{found}» er negativt; indikatoren kan ikke være under 0",
        )

    def _conflicts(self) -> None:
        """One indicator, group and period has one value and source: a second one, in the
        file or already stored, is refused (never dropped, never silently replaced)."""
        key = (
            "s.indicator = typed.indicator AND s.group_name = typed.group_name "
            "AND s.period_from IS NOT DISTINCT FROM typed.period_from "
            "AND s.period_to IS NOT DISTINCT FROM typed.period_to "
            "AND (s.value <> typed.value OR s.source <> typed.source)"
        )
        self.check(
            ("value",),
            f"EXISTS (SELECT 1 FROM typed s WHERE {key})",
            "r_value",
            "",
            "samme indikator, gruppe og periode står på en annen rad med en annen verdi eller "
            "kilde («{found}» her); behold én av dem",
            per_row=False,
        )
        self.check(
            ("value",),
            f"EXISTS (SELECT 1 FROM reference_values s WHERE {key})",
            "r_value",
            "",
            "samme indikator, gruppe og periode er importert før med en annen verdi eller "
            "kilde («{found}» her); rett eller slett den gamle under «Referanser og "
            "hendelser» i vinduet først, og importer så på nytt",
            per_row=False,
        )


class EventSpec(Spec):
    """Kind 7: a dated event, or a span of days, with its text."""

    inserts = (
        """INSERT INTO events (start_on, end_on, text, import_id)
           SELECT DISTINCT start_on, end_on, text, $import_id FROM typed t
           WHERE NOT EXISTS (
               SELECT 1 FROM events s
               WHERE s.start_on = t.start_on AND s.end_on IS NOT DISTINCT FROM t.end_on
                 AND s.text = t.text)""",
    )

    def build(self) -> None:
        self._date("start", "start_on", "mangler dato")
        self._date("end", "end_on", None)
        self.check(("end",), "end_on < start_on", "r_end", "", "slutt «{found}» er før start")
        self.add_text("text", "mangler tekst (hva som skjedde)")

    def _date(self, field: str, column: str, missing: str | None) -> None:
        """A day, from a date or a date-time; ``missing``: what to say when it is blank."""
        moment = f"r_{field}"
        self.add(moment, self.typed_text(field))
        self.add(column, f"coalesce({as_date(moment)}, {self.forms.datetime(moment)}::DATE)")
        self.check(
            (field,),
            f"{column} IS NULL" if missing else f"{moment} IS NOT NULL AND {column} IS NULL",
            year_marked(moment),
            missing or "",
            "«{found}» er ikke en dato; forventet f.eks. 01.01.2018 eller 2018-01-01",
        )


KIND_SPECS.update({"references": ReferenceSpec, "events": EventSpec})
