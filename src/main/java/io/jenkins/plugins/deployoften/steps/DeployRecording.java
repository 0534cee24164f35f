package io.jenkins.plugins.deployoften.steps;

import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.deployoften.config.DeployOftenConfiguration;
import io.jenkins.plugins.deployoften.metrics.DeployMetrics;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import java.io.IOException;

/** Keeps a deploy record: in the job's ledger (durably) and as a short entry on the build. */
final class DeployRecording {
    private DeployRecording() {}

    /**
     * @param run the build the record belongs to
     * @param record the record
     * @param listener the build log, told when the record could not be kept
     * @param service the service deployed, blank for the job's full name
     * @throws IOException when the ledger could not store the record
     */
    static void keep(Run<?, ?> run, DeployRecord record, TaskListener listener, String service) throws IOException {
        try {
            DeployOftenConfiguration.ledgers()
                    .of(run.getParent(), service, listener.getLogger()::println)
                    .append(record);
        } catch (IOException e) {
            listener.getLogger().println(DeployWords.couldNotRecord(e));
            throw e;
        }
        DeployAction.add(run, record);
        new DeployMetrics().deployRecorded(record);
    }
}
