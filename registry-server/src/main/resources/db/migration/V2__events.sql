-- The durable event stream (spec 20-integrity-activation, Events). seq is allocated under the
-- same transaction-scoped advisory lock as the audit chain, so seq order is commit order: a
-- reader resuming after seq N can never miss an event that commits later with a smaller seq.
CREATE TABLE events (
    seq     bigint PRIMARY KEY,
    at      timestamptz NOT NULL,
    project text        NOT NULL,
    model   text,
    type    text        NOT NULL,
    data    text        NOT NULL
);
CREATE INDEX events_by_project ON events (project, seq);

-- Garbage collection asks "does anything still reference this blob?".
CREATE INDEX version_files_by_sha256 ON version_files (sha256);
