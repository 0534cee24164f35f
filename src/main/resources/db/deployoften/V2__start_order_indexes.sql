-- DeployOften shared ledger, schema version 2: indexes for the look-ups by start time and by candidate identity,
-- so they read the rows they return rather than the service's history, and for reconciliation.

-- lastSuccessStartedBy, lastCompletedStartedBy: WHERE service = ? AND environment = ? AND started_at <= ?
-- ORDER BY started_at DESC, started_nanos DESC, build_number DESC, id DESC
CREATE INDEX deployoften_deploy_environment_start
    ON deployoften_deploy (service, environment, started_at, started_nanos, build_number, id);

-- lastSuccessOfCandidate: the candidate's fingerprint, commit (compared with lower()) or build number
CREATE INDEX deployoften_deploy_artifact ON deployoften_deploy (service, environment, lower(artifact));
CREATE INDEX deployoften_deploy_commit ON deployoften_deploy (service, environment, lower(commit_id));
CREATE INDEX deployoften_deploy_build ON deployoften_deploy (service, environment, build_number);

-- reconciling a job folder's ledger: is this controller's attempt stored under any service key?
CREATE INDEX deployoften_deploy_attempt_any_service
    ON deployoften_deploy (controller, job, build_number, environment, started_at, started_nanos);
