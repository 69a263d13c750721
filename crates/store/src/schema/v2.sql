-- v2: the rhythm of work and rest.

-- A stretch of work. The engine sends a session again, longer, under the
-- same start, so the start is the key.
CREATE TABLE work_sessions (
    start_ns  INTEGER PRIMARY KEY,
    day       TEXT    NOT NULL,
    end_ns    INTEGER NOT NULL,
    worked_ms INTEGER NOT NULL CHECK (worked_ms >= 0),
    manual    INTEGER NOT NULL CHECK (manual IN (0, 1))
) STRICT;

CREATE INDEX work_sessions_by_day ON work_sessions (day);

-- Every break, however it went. Append-only.
CREATE TABLE breaks (
    seq       INTEGER PRIMARY KEY,
    day       TEXT    NOT NULL,
    kind      TEXT    NOT NULL CHECK (kind IN ('micro', 'rest')),
    outcome   TEXT    NOT NULL CHECK (outcome IN ('taken', 'natural', 'skipped')),
    at_ns     INTEGER NOT NULL,
    length_ms INTEGER NOT NULL CHECK (length_ms >= 0),
    postponed INTEGER NOT NULL CHECK (postponed >= 0),
    asked     INTEGER NOT NULL CHECK (asked IN (0, 1))
) STRICT;

CREATE INDEX breaks_by_day ON breaks (day);

-- A day past its limit, its evening stop or into the night; the last word
-- for a day replaces the one before.
CREATE TABLE overtime (
    day                   TEXT    PRIMARY KEY,
    worked_ms             INTEGER NOT NULL,
    daily_limit_ms        INTEGER NOT NULL,
    beyond_limit_ms       INTEGER NOT NULL,
    after_evening_stop_ms INTEGER NOT NULL,
    late_night            INTEGER NOT NULL CHECK (late_night IN (0, 1)),
    workday               INTEGER NOT NULL CHECK (workday IN (0, 1))
) STRICT, WITHOUT ROWID;

-- `iyashi work start` while no daemon runs: the session is open until
-- `iyashi work stop`. One row at most.
CREATE TABLE manual_work (
    only       INTEGER PRIMARY KEY CHECK (only = 1),
    started_ns INTEGER NOT NULL
) STRICT;
