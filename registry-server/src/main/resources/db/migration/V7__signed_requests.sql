-- Signatures of signed requests (spec 75-cli, "Offline installers") seen within their 5-minute
-- window: a second use of one is a replay. Shared by every replica, so a request replayed to
-- another replica is refused too. Rows past their window are deleted as new ones arrive.
CREATE TABLE signed_request_replays (
    signature  text        PRIMARY KEY,
    key_id     text        NOT NULL,
    expires_at timestamptz NOT NULL
);
CREATE INDEX signed_request_replays_expiry ON signed_request_replays (expires_at);
