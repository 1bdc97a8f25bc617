-- From which sequence number the audit chain is keyed (HMAC with the server's audit key), and the
-- keyed proof of that number: entries before it are plain SHA-256 (written before keys existed).
-- Without a row every entry must be keyed; a row whose proof does not verify fails the chain.
CREATE TABLE audit_chain_keyed (
    id         int    PRIMARY KEY CHECK (id = 1),
    keyed_from bigint NOT NULL,
    proof      text   NOT NULL
);
