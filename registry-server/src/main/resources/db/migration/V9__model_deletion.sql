-- Issue 25 item 16: a model is deleted in one call that records who deleted it and why (seed 000's
-- delete_entry keeps deleted_by and reason); a tombstone's state is DELETED, so ?state=DELETED
-- lists them. Tombstones written before this migration become DELETED with no recorded reason.
ALTER TABLE models ADD COLUMN deleted_by text;
ALTER TABLE models ADD COLUMN delete_reason text;
ALTER TABLE models DROP CONSTRAINT models_state_check;
UPDATE models SET state = 'DELETED' WHERE deleted_at IS NOT NULL;
ALTER TABLE models ADD CONSTRAINT models_state_check
    CHECK (state IN ('LIVE', 'ARCHIVED', 'DELETED') AND (state = 'DELETED') = (deleted_at IS NOT NULL));
CREATE INDEX models_deleted_by_created ON models (project_id, created_at, id) WHERE deleted_at IS NOT NULL;
