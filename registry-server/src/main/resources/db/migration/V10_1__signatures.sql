-- Issue 28: signed models. Migration number 10 was assigned to signatures/trust, but V10 already
-- holds the browser sessions; 10.1 keeps this within the assigned number and before V11 (webhooks).
-- One trust policy per project, replaced whole by each PUT: version counts the PUTs, and the
-- document is what the PUT sent (names and PEM text), never private key material.
CREATE TABLE trust_policies (
    project_id  uuid        PRIMARY KEY REFERENCES projects (id),
    version     bigint      NOT NULL CHECK (version > 0),
    document    jsonb       NOT NULL,
    updated_at  timestamptz NOT NULL,
    updated_by  text        NOT NULL
);

-- A version's accepted model.sig, stored verbatim and never changed (immutable once accepted):
-- the bytes, their SHA-256 (the ETag), and what verification found at acceptance.
CREATE TABLE version_signatures (
    version_id  uuid        PRIMARY KEY REFERENCES versions (id) ON DELETE CASCADE,
    bundle      bytea       NOT NULL,
    sha256      text        NOT NULL,
    method      text        NOT NULL CHECK (method IN ('key', 'certificate', 'sigstore')),
    signer      text        NOT NULL,
    verified_at timestamptz NOT NULL,
    created_by  text        NOT NULL
);
