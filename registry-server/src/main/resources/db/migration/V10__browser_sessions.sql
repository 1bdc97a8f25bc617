-- Issue 26 item 13: browser sessions. The cookie carries a random id; a row keeps only its SHA-256,
-- the identity the exchanged token stood for (name, roles, projects, as audit entries record them),
-- the session's CSRF token and its end, never later than the token's own. A token known by its hash
-- (tokens file, stored tokens) leaves that hash in token_sha256, so each request asks its source
-- again: withdrawing the token ends its sessions. In the database so that every replica behind the
-- Service knows every session, and a logout on one ends it on all.
CREATE TABLE browser_sessions (
    id_sha256      text        PRIMARY KEY,
    principal_name text        NOT NULL,
    roles          jsonb       NOT NULL,
    projects       jsonb       NOT NULL,
    token_sha256   text,
    csrf_token     text        NOT NULL,
    created_at     timestamptz NOT NULL,
    expires_at     timestamptz NOT NULL
);
CREATE INDEX browser_sessions_expiry ON browser_sessions (expires_at);
