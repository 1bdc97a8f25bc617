-- Issue 24: an instance id belongs to the identity (token name, JWT subject, signing key id) that
-- first reported it; a report of that id by another identity is refused, so one caller cannot
-- overwrite another's report. reported_by keeps the last writer (an admin may overwrite).
ALTER TABLE instances ADD COLUMN owner text;
UPDATE instances SET owner = reported_by;
ALTER TABLE instances ALTER COLUMN owner SET NOT NULL;
