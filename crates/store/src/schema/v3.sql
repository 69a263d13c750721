-- v3: quiet when it matters, and a break with something to do.

-- A due break that waited for a call, a film, do-not-disturb or the person's
-- quiet. The engine sends a hold again as it changes (a reason joins, the
-- wait ends), so when it began is the key.
CREATE TABLE held_breaks (
    at_ns    INTEGER PRIMARY KEY,
    day      TEXT    NOT NULL,
    kind     TEXT    NOT NULL CHECK (kind IN ('micro', 'rest')),
    -- Comma-separated words: microphone, camera, fullscreen, program,
    -- do_not_disturb, quiet.
    reasons  TEXT    NOT NULL CHECK (reasons <> ''),
    until_ns INTEGER
) STRICT;

CREATE INDEX held_breaks_by_day ON held_breaks (day);

-- `iyashi quiet 1h`: reminders wait until then. One row at most; none when
-- quiet is off. It always ends by itself.
CREATE TABLE quiet (
    only     INTEGER PRIMARY KEY CHECK (only = 1),
    until_ns INTEGER NOT NULL
) STRICT;

-- The guided activity offered with a break, by its id.
ALTER TABLE breaks ADD COLUMN activity TEXT;

-- Work outside the schedule's working hours.
ALTER TABLE overtime ADD COLUMN outside_hours_ms INTEGER NOT NULL DEFAULT 0;
