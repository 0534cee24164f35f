package io.jenkins.plugins.deployoften.promote;

import hudson.model.Job;
import io.jenkins.plugins.deployoften.JenkinsFacade;
import io.jenkins.plugins.deployoften.config.DeployOftenConfiguration;
import io.jenkins.plugins.deployoften.config.LedgerStore;
import io.jenkins.plugins.deployoften.model.DeployLedger;
import io.jenkins.plugins.deployoften.model.FileDeployLedger;
import io.jenkins.plugins.deployoften.model.promote.DeployLanes;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Where each job's deploy history lives: a ledger file in the job's own directory, or, when an admin chose
 * "the Jenkins database", the shared ledger in that database with the job's file kept beside it.
 */
public final class Ledgers {
    private static final Logger LOGGER = Logger.getLogger(Ledgers.class.getName());
    private static final DeployLanes LANES = new DeployLanes();

    private Ledgers() {}

    /**
     * @param job the job
     * @return its ledger; it stays when builds are discarded, so deploy history outlives build retention
     */
    public static DeployLedger of(Job<?, ?> job) {
        return of(job, "", LOGGER::warning);
    }

    /**
     * @param job the job
     * @param service the service the job deploys, as the steps' {@code service} names it; blank for the job's
     *     full name. Only the shared ledger keys history by service; a job folder holds its job's history.
     * @param warnings told about problems with the shared database, for example the build log
     * @return its ledger
     */
    public static DeployLedger of(Job<?, ?> job, String service, Consumer<String> warnings) {
        if (JenkinsFacade.get().isPluginInstalled("database")) {
            DeployOftenConfiguration configuration = DeployOftenConfiguration.get();
            if (configuration.getLedgerStore() == LedgerStore.JENKINS_DATABASE) {
                Optional<DeployLedger> shared =
                        SharedLedgers.of(job, service, configuration.getEffectiveControllerName(), warnings);
                if (shared.isPresent()) {
                    return shared.get();
                }
            }
        }
        return new FileDeployLedger(job.getRootDir().toPath());
    }

    /**
     * Connects to the Jenkins database and brings the shared ledger's schema up to date.
     *
     * @return the schema version
     * @throws IllegalStateException saying what is wrong, without a stack trace a page would show
     */
    public static String testSharedLedger() {
        if (!JenkinsFacade.get().isPluginInstalled("database")) {
            throw new IllegalStateException(
                    "the Database plugin is not installed: install it and its PostgreSQL driver plugin");
        }
        return SharedLedgers.testConnection();
    }

    /** @return the lanes that serialise deploys per job and environment in this controller */
    public static DeployLanes lanes() {
        return LANES;
    }
}
