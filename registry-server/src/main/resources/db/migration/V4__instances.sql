-- Serving reports of inference sidecars; a report is live until expires_at (renewed by each PUT).
CREATE TABLE instances (
    project     text        NOT NULL,
    id          text        NOT NULL,
    model       text        NOT NULL,
    alias       text        NOT NULL,
    generation  bigint,
    loaded      jsonb       NOT NULL DEFAULT '{}',
    state       text        NOT NULL CHECK (state IN ('LOADING', 'READY', 'DEGRADED')),
    last_error  text,
    pod         text,
    node        text,
    reported_by text        NOT NULL,
    reported_at timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    PRIMARY KEY (project, id)
);
CREATE INDEX instances_live ON instances (project, model, alias, expires_at);
