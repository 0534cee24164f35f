package io.jenkins.plugins.deployoften.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.model.listeners.RunListener;
import io.jenkins.plugins.deployoften.config.DeployOftenConfiguration;
import io.jenkins.plugins.deployoften.model.DeployLedger;
import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.DeploySource;
import io.jenkins.plugins.deployoften.model.deploy.NotDeployed;
import io.jenkins.plugins.deployoften.model.ledger.FileDeployLedger;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Makes gaps in "every build deploys" visible: when a build of a job that uses DeployOften completes
 * without any deploy record, it writes a SKIPPED record saying why.
 */
@Extension
public class NeverDeployedRunListener extends RunListener<Run<?, ?>> {
    private static final Logger LOGGER = Logger.getLogger(NeverDeployedRunListener.class.getName());

    /** Only jobs that have deployed before: a look at the job's own folder, never a database round trip. */
    private static boolean hasDeployedBefore(Run<?, ?> run) {
        return Files.exists(run.getParent().getRootDir().toPath().resolve(FileDeployLedger.FILE_NAME));
    }

    @Override
    public void onCompleted(Run<?, ?> run, @NonNull TaskListener listener) {
        if (run.getAction(DeployAction.class) != null || !hasDeployedBefore(run)) {
            return;
        }
        try {
            DeployLedger ledger = DeployOftenConfiguration.ledgers().of(run.getParent());
            Optional<DeployRecord> previous = ledger.findLast(record -> true);
            if (previous.isEmpty()) {
                return;
            }
            Result result = run.getResult();
            DeployRecord skipped = RunFacts.recordFor(
                            run, previous.get().getEnvironment(), Optional.empty(), DeploySource.NO_DEPLOY)
                    .outcome(DeployOutcome.SKIPPED)
                    .reason(DeployWords.reason(NotDeployed.neverDeployed(result == null ? null : result.toString())))
                    .startedAt(Instant.now())
                    .build();
            DeployRecording.keep(run, skipped, listener, "");
        } catch (IOException | RuntimeException e) {
            LOGGER.log(Level.WARNING, "DeployOften could not record that " + run + " never deployed", e);
        }
    }
}
