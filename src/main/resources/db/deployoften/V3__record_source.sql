-- DeployOften shared ledger, schema version 3: every record's provenance, the step that made it
-- (deployToStaging, deployOften, recordDeploy, noDeploy). NULL for a row stored before version 3: its source is
-- not known ("unknown"). The gate's candidate look-up filters by it among the rows its identity indexes find.
ALTER TABLE deployoften_deploy ADD COLUMN source VARCHAR(32);
