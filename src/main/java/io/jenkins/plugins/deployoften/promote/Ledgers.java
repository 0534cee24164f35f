package io.jenkins.plugins.deployoften.promote;

import hudson.model.Job;
import io.jenkins.plugins.deployoften.model.DeployLedger;
import io.jenkins.plugins.deployoften.model.FileDeployLedger;
import io.jenkins.plugins.deployoften.model.promote.DeployLanes;

/** Where each job's deploy history lives: a ledger file in the job's own directory. */
public final class Ledgers {
    private static final DeployLanes LANES = new DeployLanes();

    private Ledgers() {}

    /**
     * @param job the job
     * @return its ledger; it stays when builds are discarded, so deploy history outlives build retention
     */
    public static DeployLedger of(Job<?, ?> job) {
        return new FileDeployLedger(job.getRootDir().toPath());
    }

    /** @return the lanes that serialise deploys per job and environment in this controller */
    public static DeployLanes lanes() {
        return LANES;
    }
}
