-- Review 12 item 3: webhook endpoints belong to a project by its id, not its name. A project is
-- soft-deleted and its name becomes free again; keyed by name, the next project of that name
-- inherited the old team's endpoints (URLs, secrets, delivery logs) and sent its events to them.
-- Endpoints whose project is already deleted are exactly those that would be inherited: they go,
-- with their deliveries and attempts (ON DELETE CASCADE). From now on a project's delete removes
-- its endpoints in the same transaction (ProjectRepository.delete); the foreign key keeps a row
-- from naming a project that never existed.
ALTER TABLE webhook_endpoints ADD COLUMN project_id uuid REFERENCES projects (id);
UPDATE webhook_endpoints e SET project_id = p.id
    FROM projects p WHERE p.name = e.project AND p.deleted_at IS NULL;
DELETE FROM webhook_endpoints WHERE project_id IS NULL;
ALTER TABLE webhook_endpoints ALTER COLUMN project_id SET NOT NULL;
DROP INDEX webhook_endpoints_by_project;
CREATE INDEX webhook_endpoints_by_project ON webhook_endpoints (project_id, created_at, id);

-- Review 12 item 12: the claim counts an endpoint's leased rows to take no more than the sender's
-- per-endpoint connection cap; leased rows are few, so this index stays small.
CREATE INDEX webhook_deliveries_leased ON webhook_deliveries (endpoint_id)
    WHERE state = 'PENDING' AND lease_until IS NOT NULL;
