-- The two steps of a write that run under the chain lock, each one round trip instead of two.
-- Both are VOLATILE plpgsql: every statement inside takes a fresh snapshot (READ COMMITTED), so
-- what they read after pg_advisory_xact_lock is what the previous lock holder committed.

-- Takes the lock that orders the audit chain and the event stream (until the transaction ends;
-- taking it twice is harmless) and returns the chain head, or no row for an empty chain.
CREATE FUNCTION cairn_chain_head(lock_key bigint)
RETURNS TABLE (seq bigint, hash text)
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(lock_key);
    RETURN QUERY SELECT a.seq, a.hash FROM audit_log a ORDER BY a.seq DESC LIMIT 1;
END;
$$;

-- Takes the same lock, numbers and inserts one event, and NOTIFYs its number on commit.
CREATE FUNCTION cairn_append_event(
    lock_key bigint, at_ timestamptz, project_ text, model_ text, type_ text, data_ text,
    channel text)
RETURNS bigint
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    next_seq bigint;
BEGIN
    PERFORM pg_advisory_xact_lock(lock_key);
    SELECT COALESCE(MAX(e.seq), 0) + 1 INTO next_seq FROM events e;
    INSERT INTO events (seq, at, project, model, type, data)
        VALUES (next_seq, at_, project_, model_, type_, data_);
    PERFORM pg_notify(channel, CAST(next_seq AS text));
    RETURN next_seq;
END;
$$;
