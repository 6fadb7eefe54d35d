-- Version 1 -> 2: keep what the analysis carries beyond version 1's tables
-- (article language and story id, the quote an event comes from, the spans of event
-- sides, adjectival place mentions, the NER entities), so a stored article can be re-coded without re-parsing.
ALTER TABLE articles ADD COLUMN language VARCHAR;
ALTER TABLE articles ADD COLUMN story VARCHAR;
ALTER TABLE events ADD COLUMN quote_index INTEGER;
ALTER TABLE event_actors ADD COLUMN span_start INTEGER;
ALTER TABLE event_actors ADD COLUMN span_end INTEGER;
ALTER TABLE places ADD COLUMN adjectival BOOLEAN;

CREATE TABLE IF NOT EXISTS entities (
    article_pk  BIGINT NOT NULL,
    idx         INTEGER NOT NULL,
    char_start  INTEGER NOT NULL,
    char_end    INTEGER NOT NULL,
    label       VARCHAR
);
