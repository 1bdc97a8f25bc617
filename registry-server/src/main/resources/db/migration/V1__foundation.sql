-- Cairn registry: projects, models, versions, version files, audit log, auth state.
-- Rows are soft-deleted (deleted_at) so names can be reused while tombstones keep history.

CREATE TABLE projects (
    id          uuid PRIMARY KEY,
    name        text        NOT NULL,
    description text,
    policies    jsonb       NOT NULL,
    created_at  timestamptz NOT NULL,
    created_by  text        NOT NULL,
    updated_at  timestamptz NOT NULL,
    deleted_at  timestamptz
);
CREATE UNIQUE INDEX projects_live_name ON projects (name) WHERE deleted_at IS NULL;

CREATE TABLE models (
    id                uuid PRIMARY KEY,
    project_id        uuid        NOT NULL REFERENCES projects (id),
    name              text        NOT NULL,
    description       text,
    task              text,
    labels            jsonb       NOT NULL DEFAULT '{}',
    variants          jsonb       NOT NULL,
    default_variant   text        NOT NULL,
    protected_aliases jsonb       NOT NULL DEFAULT '[]',
    state             text        NOT NULL CHECK (state IN ('LIVE', 'ARCHIVED')),
    created_at        timestamptz NOT NULL,
    created_by        text        NOT NULL,
    updated_at        timestamptz NOT NULL,
    deleted_at        timestamptz
);
CREATE UNIQUE INDEX models_live_name ON models (project_id, name) WHERE deleted_at IS NULL;
CREATE INDEX models_by_created ON models (project_id, created_at, id) WHERE deleted_at IS NULL;
CREATE INDEX models_labels ON models USING gin (labels);

CREATE TABLE versions (
    id          uuid PRIMARY KEY,
    model_id    uuid        NOT NULL REFERENCES models (id),
    version     text        NOT NULL,
    variant     text        NOT NULL,
    state       text        NOT NULL CHECK (state IN ('PENDING', 'READY', 'FAILED', 'ARCHIVED')),
    format      text        NOT NULL,
    runtime     jsonb,
    digest      text,
    size_bytes  bigint,
    metadata    jsonb       NOT NULL DEFAULT '{}',
    provenance  jsonb       NOT NULL DEFAULT '{}',
    validation  jsonb       NOT NULL,
    labels      jsonb       NOT NULL DEFAULT '{}',
    notes       text,
    description text,
    failure     jsonb,
    created_at  timestamptz NOT NULL,
    created_by  text        NOT NULL,
    updated_at  timestamptz NOT NULL,
    ready_at    timestamptz,
    deleted_at  timestamptz
);
CREATE UNIQUE INDEX versions_live_name ON versions (model_id, version) WHERE deleted_at IS NULL;
CREATE INDEX versions_by_created ON versions (model_id, created_at, id) WHERE deleted_at IS NULL;

CREATE TABLE version_files (
    version_id uuid    NOT NULL REFERENCES versions (id),
    path       text    NOT NULL,
    sha256     text    NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    size_bytes bigint  NOT NULL CHECK (size_bytes >= 0),
    source     text    NOT NULL CHECK (source IN ('upload', 'reference')),
    uri        text,
    present    boolean NOT NULL DEFAULT false,
    PRIMARY KEY (version_id, path)
);

-- Append-only, hash-chained: hash = sha256(prev_hash || canonical JSON of the entry without hash).
-- seq is allocated under an advisory lock, so the chain order is the commit order.
CREATE TABLE audit_log (
    seq         bigint PRIMARY KEY,
    at          timestamptz NOT NULL,
    actor       text        NOT NULL,
    roles       text        NOT NULL,
    action      text        NOT NULL,
    project     text,
    model       text,
    target      text,
    before      text,
    after       text,
    reason      text,
    approved_by text,
    request_id  text,
    prev_hash   text        NOT NULL,
    hash        text        NOT NULL
);
CREATE INDEX audit_by_project ON audit_log (project, seq);

CREATE FUNCTION audit_log_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_log_no_update_delete
    BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate
    BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- Tokens the server itself issued (the development bootstrap admin): hashes only.
CREATE TABLE api_tokens (
    name       text PRIMARY KEY,
    sha256     text        NOT NULL,
    roles      text        NOT NULL,
    projects   text        NOT NULL,
    created_at timestamptz NOT NULL
);

-- Shared secrets of the replicas (the page-token signing key), created once.
CREATE TABLE server_secrets (
    name  text PRIMARY KEY,
    value bytea NOT NULL
);
