-- Issue 30 items 1-5: webhook endpoints and their durable outbox.
-- An endpoint belongs to a project; its signing secret is stored encrypted (AES-256-GCM, nonce and
-- ciphertext together) under a key derived from the audit key, which is kept out of the database:
-- a dump of this table does not sign anything. After a rotation the previous secret keeps signing
-- (a second signature) until previous_until.
CREATE TABLE webhook_endpoints (
    id               uuid PRIMARY KEY,
    project          text        NOT NULL,
    url              text        NOT NULL,
    events           text[]      NOT NULL,
    status           text        NOT NULL CHECK (status IN ('ACTIVE', 'DISABLED')),
    description      text,
    format           text        NOT NULL CHECK (format IN ('standard', 'mlflow')),
    secret           bytea       NOT NULL,
    previous_secret  bytea,
    previous_until   timestamptz,
    disabled_reason  text,
    created_at       timestamptz NOT NULL,
    created_by       text        NOT NULL,
    updated_at       timestamptz NOT NULL
);
CREATE INDEX webhook_endpoints_by_project ON webhook_endpoints (project, created_at, id);

-- One row per (endpoint, event): written by the journal in the transaction of the event itself,
-- so a change and its webhook jobs commit or roll back together. Its id is the webhook-id every
-- attempt carries. A worker claims due rows with FOR UPDATE SKIP LOCKED and sets lease_until, so
-- no two replicas attempt the same row at once; a replica killed mid-attempt leaves a lease that
-- expires, and the row is attempted again (at-least-once).
CREATE TABLE webhook_deliveries (
    id              uuid PRIMARY KEY,
    endpoint_id     uuid        NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    event_type      text        NOT NULL,
    data            jsonb       NOT NULL,
    created_at      timestamptz NOT NULL,
    state           text        NOT NULL CHECK (state IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    lease_until     timestamptz,
    delivered_at    timestamptz
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE state = 'PENDING';
CREATE INDEX webhook_deliveries_by_endpoint ON webhook_deliveries (endpoint_id, created_at DESC, id);

-- Every attempt, for the delivery log: status (null when no answer came), latency, at most 4 KiB
-- of the answer's body as text, or what went wrong before an answer.
CREATE TABLE webhook_attempts (
    delivery_id      uuid        NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    attempt          integer     NOT NULL,
    at               timestamptz NOT NULL,
    status_code      integer,
    latency_ms       bigint      NOT NULL,
    response_excerpt text,
    error            text,
    PRIMARY KEY (delivery_id, attempt)
);
