-- v4: a long import appears all at once, without holding the write lock.
--
-- An import writes its entries in many short transactions, so the CLI, the
-- daemon and the web room can write in between. Each entry it writes carries
-- its batch, and stays out of sight while the batch is listed here; deleting
-- the batch's row shows them all in one step. A batch left here by an import
-- that was killed is cleared by the next import.
CREATE TABLE pending_imports (
    -- AUTOINCREMENT: a number is never given twice, so entries of a batch
    -- published long ago cannot be hidden by a new batch with its number.
    batch      INTEGER PRIMARY KEY AUTOINCREMENT,
    started_ns INTEGER NOT NULL
) STRICT;

-- NULL for entries written one at a time.
ALTER TABLE entries ADD COLUMN batch INTEGER;

CREATE INDEX entries_by_batch ON entries (batch) WHERE batch IS NOT NULL;
