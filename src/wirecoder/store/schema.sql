-- wirecoder store: the current schema (version 3), created in one step on a new database.
--
-- Older databases reach the same shape through the migration_NNNN_*.sql files next to
-- this one (see schema.py); a test checks that "version 1 + migrations" and this file
-- give identical tables, so when you change the schema: add a migration file AND edit
-- this file, and bump CURRENT_VERSION by adding the migration.
--
-- Conventions
-- * Spans are Python string offsets into articles.text, end-exclusive (char_start, char_end).
-- * Child rows point to their article by articles.pk (a surrogate key: article ids come
--   from the input and need not be unique across sources; the content hash is).
-- * No FOREIGN KEY constraints: DuckDB checks them row by row on insert and refuses
--   updates of referenced keys, which later merges (stories, near-duplicates) need.
--   The writer (db.py) keeps references whole; tests check there are no orphans.
-- * Times are UTC, stored as TIMESTAMP without zone.
-- * canonical_* (v3) are derived from the stored events of a story and recomputed by the
--   writer for every story a batch touches; ids "<story>/e<n>" hold until the story grows.

CREATE TABLE IF NOT EXISTS schema_version (
    version     INTEGER PRIMARY KEY,
    name        VARCHAR NOT NULL,
    applied_at  TIMESTAMP NOT NULL
);

CREATE SEQUENCE IF NOT EXISTS run_id_seq START 1;
CREATE SEQUENCE IF NOT EXISTS article_pk_seq START 1;
CREATE SEQUENCE IF NOT EXISTS event_pk_seq START 1;

-- One row per batch run (CLI ingest, API ingest): what ran, with which settings, what came of it.
CREATE TABLE IF NOT EXISTS runs (
    id          BIGINT PRIMARY KEY DEFAULT nextval('run_id_seq'),
    started     TIMESTAMP NOT NULL,
    finished    TIMESTAMP,
    command     VARCHAR,
    settings    JSON,
    stored      INTEGER,
    duplicates  INTEGER,
    failed      INTEGER,
    events      INTEGER
);

CREATE TABLE IF NOT EXISTS articles (
    pk           BIGINT PRIMARY KEY,
    id           VARCHAR NOT NULL,
    hash         VARCHAR NOT NULL UNIQUE,   -- Article.hash: re-ingesting the same text is a no-op
    title        VARCHAR,
    date         DATE,                      -- the dateline
    url          VARCHAR,
    source       VARCHAR,                   -- outlet
    origin       VARCHAR,                   -- where it was read from
    text         VARCHAR NOT NULL,
    pipeline     VARCHAR,                   -- model and wirecoder version that analysed it
    run_id       BIGINT,
    ingested_at  TIMESTAMP NOT NULL,
    language     VARCHAR,                   -- v2
    story        VARCHAR,                   -- v2: story id (stories issue)
    duplicate_of VARCHAR                    -- v3: id of the earlier article this one is a near-copy of
);

-- One row per actor per article (Analysis.actors).
CREATE TABLE IF NOT EXISTS actors (
    article_pk  BIGINT NOT NULL,
    actor_id    VARCHAR NOT NULL,           -- "a1", "a2", ... unique within the article
    name        VARCHAR NOT NULL,
    kind        VARCHAR,
    code        VARCHAR,
    sector      VARCHAR,
    igo         VARCHAR,
    role        VARCHAR,
    mentions    INTEGER[][]                 -- [[start, end], ...]
);

CREATE TABLE IF NOT EXISTS events (
    pk                  BIGINT PRIMARY KEY,
    article_pk          BIGINT NOT NULL,
    idx                 INTEGER NOT NULL,   -- position in Analysis.events
    type                VARCHAR NOT NULL,   -- PLOVER type
    mode                VARCHAR,
    context             VARCHAR,
    cameo               VARCHAR,
    goldstein           DOUBLE,
    date                VARCHAR,            -- as stated: "2022-01-12" | "2022-01" | "2022"
    date_precision      VARCHAR,
    event_day           DATE,               -- first day of `date`, else the article's dateline
    location_name       VARCHAR,
    location_country    VARCHAR,
    location_lat        DOUBLE,
    location_lon        DOUBLE,
    location_geonameid  BIGINT,
    location_kind       VARCHAR,
    location_start      INTEGER,
    location_end        INTEGER,
    negated             BOOLEAN NOT NULL DEFAULT false,
    hypothetical        BOOLEAN NOT NULL DEFAULT false,
    future              BOOLEAN NOT NULL DEFAULT false,
    historical          BOOLEAN NOT NULL DEFAULT false,
    size                DOUBLE,
    dead                DOUBLE,
    injured             DOUBLE,
    arrested            DOUBLE,
    evidence_start      INTEGER NOT NULL,
    evidence_end        INTEGER NOT NULL,
    trigger_start       INTEGER,
    trigger_end         INTEGER,
    evidence_text       VARCHAR,            -- articles.text[evidence_start:evidence_end]
    confidence          DOUBLE,
    quote_index         INTEGER             -- v2: the quote (quotes.idx) that states it
);

-- The sides of an event: one row per actor per side, in the order the event lists them.
CREATE TABLE IF NOT EXISTS event_actors (
    event_pk    BIGINT NOT NULL,
    side        VARCHAR NOT NULL CHECK (side IN ('source', 'target')),
    position    INTEGER NOT NULL,
    name        VARCHAR NOT NULL,
    code        VARCHAR,
    sector      VARCHAR,
    igo         VARCHAR,
    actor_id    VARCHAR,
    span_start  INTEGER,                    -- v2
    span_end    INTEGER                     -- v2
);

CREATE TABLE IF NOT EXISTS quotes (
    article_pk        BIGINT NOT NULL,
    idx               INTEGER NOT NULL,
    char_start        INTEGER NOT NULL,
    char_end          INTEGER NOT NULL,
    text              VARCHAR,
    speaker           VARCHAR,
    speaker_code      VARCHAR,
    speaker_actor_id  VARCHAR,
    speaker_start     INTEGER,
    speaker_end       INTEGER,
    cue_start         INTEGER,
    cue_end           INTEGER,
    direct            BOOLEAN NOT NULL DEFAULT false
);

CREATE TABLE IF NOT EXISTS timexes (
    article_pk  BIGINT NOT NULL,
    idx         INTEGER NOT NULL,
    char_start  INTEGER NOT NULL,
    char_end    INTEGER NOT NULL,
    text        VARCHAR,
    type        VARCHAR,
    value       VARCHAR,
    precision   VARCHAR,
    anchored    BOOLEAN
);

-- Place mentions with their resolved coordinates.
CREATE TABLE IF NOT EXISTS places (
    article_pk  BIGINT NOT NULL,
    idx         INTEGER NOT NULL,
    char_start  INTEGER NOT NULL,
    char_end    INTEGER NOT NULL,
    text        VARCHAR,
    name        VARCHAR,
    country     VARCHAR,
    lat         DOUBLE,
    lon         DOUBLE,
    geonameid   BIGINT,
    kind        VARCHAR,
    metonym     BOOLEAN,
    adjectival  BOOLEAN                     -- v2: "Russian troops" (never an event location)
);

CREATE TABLE IF NOT EXISTS quantities (
    article_pk  BIGINT NOT NULL,
    idx         INTEGER NOT NULL,
    char_start  INTEGER NOT NULL,
    char_end    INTEGER NOT NULL,
    text        VARCHAR,
    value       DOUBLE,
    unit        VARCHAR,
    approx      VARCHAR,
    head_start  INTEGER,
    head_end    INTEGER
);

-- v2: named entities as the NER saw them (for re-coding without re-parsing).
CREATE TABLE IF NOT EXISTS entities (
    article_pk  BIGINT NOT NULL,
    idx         INTEGER NOT NULL,
    char_start  INTEGER NOT NULL,
    char_end    INTEGER NOT NULL,
    label       VARCHAR
);

-- Items that could not be read or analysed; the batch went on without them.
CREATE TABLE IF NOT EXISTS failures (
    run_id     BIGINT,
    item       VARCHAR,
    code       VARCHAR NOT NULL,
    reason     VARCHAR,
    stage      VARCHAR,
    retryable  BOOLEAN,
    origin     VARCHAR,
    failed_at  TIMESTAMP NOT NULL
);

-- v3: one event as all the articles of a story report it (stories/canonical.py), its
-- mentions (one per reporting event record) and the differing claims when sources disagree.
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
