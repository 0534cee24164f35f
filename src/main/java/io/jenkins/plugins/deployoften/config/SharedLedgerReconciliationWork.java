package io.jenkins.plugins.deployoften.config;

import hudson.Extension;
import hudson.model.AsyncPeriodicWork;
import hudson.model.Job;
import hudson.model.TaskListener;
import io.jenkins.plugins.deployoften.Messages;
import io.jenkins.plugins.deployoften.model.DeployLedger;
import io.jenkins.plugins.deployoften.model.ledger.FileDeployLedger;
import io.jenkins.plugins.deployoften.model.ledger.SharedDeployLedger;
import io.jenkins.plugins.util.JenkinsFacade;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A few minutes after the controller starts, and then every hour, sends to the shared ledger every job-folder
 * record that did not reach it ({@link SharedDeployLedger#reconcile}): one a process killed between the local
 * append and the database left behind. Only while the Jenkins database is the chosen store; each run reads only
 * what the job folders gained since the last one.
 */
@Extension
public class SharedLedgerReconciliationWork extends AsyncPeriodicWork {
    private final JenkinsFacade jenkins;

    public SharedLedgerReconciliationWork() {
        this(new JenkinsFacade());
    }

    /** @param jenkins the Jenkins whose jobs are reconciled, for tests */
    SharedLedgerReconciliationWork(JenkinsFacade jenkins) {
        super("DeployOften shared ledger reconciliation");
        this.jenkins = jenkins;
    }

    @Override
    public long getRecurrencePeriod() {
        return TimeUnit.HOURS.toMillis(1);
    }

    @Override
    public long getInitialDelay() {
        return TimeUnit.MINUTES.toMillis(2);
    }

    @Override
    protected void execute(TaskListener listener) throws IOException, InterruptedException {
        Instant now = Instant.now();
        for (Job<?, ?> job : jenkins.getAllJobs()) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            if (!Files.exists(job.getRootDir().toPath().resolve(FileDeployLedger.FILE_NAME))) {
                continue;
            }
            DeployLedger ledger = DeployOftenConfiguration.ledgers().of(job);
            if (!(ledger instanceof SharedDeployLedger)) {
                continue; // the job folders are the store, or the database cannot be used
            }
            try {
                SharedDeployLedger.Reconciliation done = ((SharedDeployLedger) ledger).reconcile(now);
                if (done.stored() > 0) {
                    listener.getLogger()
                            .println(Messages._SharedLedgerReconciliationWork_sent(job.getFullName(), done.stored())
                                    .toString(Locale.ROOT));
                }
            } catch (IOException e) {
                listener.getLogger()
                        .println(Messages._SharedLedgerReconciliationWork_failed(job.getFullName(), String.valueOf(e))
                                .toString(Locale.ROOT));
            }
        }
    }
}
