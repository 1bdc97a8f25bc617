-- Aliases: one row per (model, alias) holding the whole pointer set {variant: version}, so a
-- change is a single-row update (no reader can see a mix of two generations), and the history
-- of every generation for rollback and audit.
CREATE TABLE aliases (
    id         uuid PRIMARY KEY,
    model_id   uuid        NOT NULL REFERENCES models (id),
    alias      text        NOT NULL,
    pointers   jsonb       NOT NULL DEFAULT '{}',
    generation bigint      NOT NULL,
    managed_by text,
    reason     text,
    updated_at timestamptz NOT NULL,
    updated_by text        NOT NULL,
    UNIQUE (model_id, alias)
);

CREATE TABLE alias_history (
    alias_id    uuid        NOT NULL,
    generation  bigint      NOT NULL,
    pointers    jsonb       NOT NULL,
    action      text        NOT NULL,
    at          timestamptz NOT NULL,
    actor       text        NOT NULL,
    reason      text,
    approved_by text,
    request_id  text,
    PRIMARY KEY (alias_id, generation)
);
-- The rate limit counts recent writes of one alias across all replicas.
CREATE INDEX alias_history_recent ON alias_history (alias_id, at);

-- Idempotency-Key: the first answer to a key is kept 24 h and replayed for repeats.
CREATE TABLE idempotency_keys (
    scope        text        NOT NULL,
    key          text        NOT NULL,
    request_hash text        NOT NULL,
    status       int,
    body         text,
    created_at   timestamptz NOT NULL,
    PRIMARY KEY (scope, key)
);
