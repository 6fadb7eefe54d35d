-- Version 2 -> 3: near-copies and canonical events (stories issue).
-- articles.duplicate_of names the earlier article a syndicated copy repeats; canonical_* hold
-- one row per event as all the articles of a story report it, its mentions and, when the
-- sources disagree, the differing claims side by side. They are derived data: the writer
-- recomputes them for every story a write batch touches (db.py, canonical_store.py).
ALTER TABLE articles ADD COLUMN duplicate_of VARCHAR;

CREATE TABLE IF NOT EXISTS canonical_events (
    id              VARCHAR NOT NULL,
    story           VARCHAR NOT NULL,
    type            VARCHAR NOT NULL,
    source          VARCHAR[],
    target          VARCHAR[],
    date            VARCHAR,
    place           VARCHAR,
    mentions        INTEGER NOT NULL,
    sources         INTEGER NOT NULL,
    first_reported  DATE,
    confidence      DOUBLE,
    contested       BOOLEAN NOT NULL DEFAULT false,
    computed_at     TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS canonical_mentions (
    canonical_id    VARCHAR NOT NULL,
    story           VARCHAR NOT NULL,
    position        INTEGER NOT NULL,
    article_pk      BIGINT NOT NULL,
    event_pk        BIGINT NOT NULL,
    article_id      VARCHAR NOT NULL,
    outlet          VARCHAR,
    reported        DATE,
    duplicate_of    VARCHAR,
    modality        VARCHAR NOT NULL,
    evidence_start  INTEGER NOT NULL,
    evidence_end    INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS canonical_claims (
    canonical_id    VARCHAR NOT NULL,
    story           VARCHAR NOT NULL,
    field           VARCHAR NOT NULL,
    position        INTEGER NOT NULL,
    value           VARCHAR NOT NULL,
    article_ids     VARCHAR[]
);
