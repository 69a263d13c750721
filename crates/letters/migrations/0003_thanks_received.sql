-- When an answer was thanked, so its writer can hear of the thanks their
-- answers received (all of them, or since a time). Never who thanked: the
-- thanker is the letter's writer, and nothing here is shown to anyone else.
-- One file for both backends, as 0002.
ALTER TABLE replies ADD COLUMN thanked_at BIGINT;
-- Thanks given before this column existed count from the answer's own time,
-- the earliest they can have been given.
UPDATE replies SET thanked_at = created_at WHERE thanked = 1;
-- Only thanked answers are indexed: the writer's question reads these alone.
CREATE INDEX replies_thanked ON replies (author_hash, thanked_at) WHERE thanked_at IS NOT NULL;
