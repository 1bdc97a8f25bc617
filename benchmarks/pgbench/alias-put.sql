-- The statements of one Cairn alias PUT, as PostgreSQL would run them with no server in between
-- (the reference of the alias-put benchmark, spec 90-quality): lock the alias row, take the audit
-- chain lock, write the pointers and a history row, append an audit row after reading the chain
-- head, append an event and NOTIFY, in one transaction. Run by AliasPutBenchmark against the
-- registry's own database after the registry's run, on the same 64 'staging' aliases:
--   pgbench -n -M prepared -c 32 -j 2 -T 15 -f benchmarks/pgbench/alias-put.sql <db>
\set m random(0, 63)
BEGIN;
SELECT a.id AS alias_id FROM aliases a JOIN models mo ON mo.id = a.model_id
  WHERE mo.name = CONCAT('m', CAST(:m AS text)) AND a.alias = 'staging' FOR UPDATE OF a \gset
SELECT pg_advisory_xact_lock(4846235291876414788);
UPDATE aliases SET pointers = jsonb_build_object('default',
    CASE WHEN pointers->>'default' = 'v1' THEN 'v2' ELSE 'v1' END),
  generation = generation + 1, updated_at = now(), updated_by = 'pgbench', reason = 'bench'
  WHERE id = CAST(:alias_id AS uuid);
INSERT INTO alias_history (alias_id, generation, pointers, action, at, actor, reason)
  SELECT id, generation, pointers, 'ALIAS_UPDATE', now(), 'pgbench', 'bench'
  FROM aliases WHERE id = CAST(:alias_id AS uuid);
SELECT seq AS head_seq, hash AS head_hash FROM audit_log ORDER BY seq DESC LIMIT 1 \gset
INSERT INTO audit_log (seq, at, actor, roles, action, project, model, target, before, after,
    reason, prev_hash, hash)
  VALUES (CAST(:head_seq AS bigint) + 1, now(), 'pgbench', '["admin"]', 'ALIAS_UPDATE', 'bench',
    CONCAT('m', CAST(:m AS text)), 'staging', '{"default":"v1"}', '{"default":"v2"}', 'bench',
    CAST(:head_hash AS text),
    encode(sha256(convert_to(CONCAT(CAST(:head_hash AS text), CAST(:m AS text)), 'UTF8')), 'hex'));
SELECT COALESCE(MAX(seq), 0) + 1 AS event_seq FROM events \gset
INSERT INTO events (seq, at, project, model, type, data)
  VALUES (CAST(:event_seq AS bigint), now(), 'bench', CONCAT('m', CAST(:m AS text)),
    'alias.updated', '{"alias":"staging"}');
SELECT pg_notify('cairn_events', CAST(:event_seq AS text));
COMMIT;
