-- v1: the journal.

CREATE TABLE entries (
    -- Insertion order: `undo` removes the highest.
    seq   INTEGER PRIMARY KEY,
    -- Stable across export and import, so importing twice adds nothing.
    id    TEXT    NOT NULL UNIQUE,
    kind  TEXT    NOT NULL CHECK (kind IN ('joy', 'mood', 'note')),
    -- The UTC instant, in nanoseconds since 1970.
    at_ns INTEGER NOT NULL,
    -- The IANA time zone the person was in.
    tz    TEXT    NOT NULL,
    -- YYYY-MM-DD after the day's rollover hour.
    day   TEXT    NOT NULL,
    mood  INTEGER CHECK (mood BETWEEN 1 AND 5),
    text  TEXT    NOT NULL,
    CHECK ((kind = 'mood') = (mood IS NOT NULL))
) STRICT;

CREATE INDEX entries_by_day ON entries (day, at_ns);

CREATE TABLE entry_tags (
    tag       TEXT    NOT NULL,
    entry_seq INTEGER NOT NULL REFERENCES entries (seq) ON DELETE CASCADE,
    PRIMARY KEY (tag, entry_seq)
) STRICT, WITHOUT ROWID;

CREATE INDEX entry_tags_by_entry ON entry_tags (entry_seq);

-- Trigrams, so a search for 温泉 finds 温泉に行った: Japanese has no spaces
-- for a word tokenizer to split on.
CREATE VIRTUAL TABLE entries_fts USING fts5 (
    text,
    content = 'entries',
    content_rowid = 'seq',
    tokenize = 'trigram'
);

CREATE TRIGGER entries_fts_insert AFTER INSERT ON entries BEGIN
    INSERT INTO entries_fts (rowid, text) VALUES (new.seq, new.text);
END;

CREATE TRIGGER entries_fts_delete AFTER DELETE ON entries BEGIN
    INSERT INTO entries_fts (entries_fts, rowid, text) VALUES ('delete', old.seq, old.text);
END;

CREATE TRIGGER entries_fts_update AFTER UPDATE OF text ON entries BEGIN
    INSERT INTO entries_fts (entries_fts, rowid, text) VALUES ('delete', old.seq, old.text);
    INSERT INTO entries_fts (rowid, text) VALUES (new.seq, new.text);
END;
