package io.jenkins.plugins.deployoften.ledger;

/** Where deploy history is kept. */
public enum LedgerStore {
    /** A ledger file in each job's own folder on this controller (the default). */
    JOB_FOLDERS,
    /**
     * The database configured through the Jenkins Database plugin (PostgreSQL), shared by several
     * controllers; each job's own ledger file is kept as well and used while the database is unavailable.
     */
    JENKINS_DATABASE
}
