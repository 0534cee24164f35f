package io.jenkins.plugins.deployoften.config;

import hudson.Extension;
import hudson.model.AsyncPeriodicWork;
import hudson.model.Job;
import hudson.model.TaskListener;
import io.jenkins.plugins.deployoften.Messages;
import io.jenkins.plugins.deployoften.model.DeployLedger;
import io.jenkins.plugins.deployoften.model.LedgerRetention;
import io.jenkins.plugins.deployoften.model.ledger.FileDeployLedger;
import io.jenkins.plugins.util.JenkinsFacade;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Once a day, drops deploy records older than the retention horizon from every job's ledger (atomically:
 * a new file is written, forced and renamed over the old one). Unreadable lines are moved aside, not lost.
 */
@Extension
public class LedgerCompactionWork extends AsyncPeriodicWork {
    private final JenkinsFacade jenkins;

    public LedgerCompactionWork() {
        this(new JenkinsFacade());
    }

    /** @param jenkins the Jenkins whose jobs' ledgers are compacted, for tests */
    LedgerCompactionWork(JenkinsFacade jenkins) {
        super("DeployOften ledger compaction");
        this.jenkins = jenkins;
    }

    @Override
    public long getRecurrencePeriod() {
        return TimeUnit.DAYS.toMillis(1);
    }

    @Override
    protected void execute(TaskListener listener) throws IOException, InterruptedException {
        LedgerRetention retention =
                LedgerRetention.ofDays(DeployOftenConfiguration.get().getRetentionDays());
        Instant horizon = retention.horizon(Instant.now());
        for (Job<?, ?> job : jenkins.getAllJobs()) {
            if (!Files.exists(job.getRootDir().toPath().resolve(FileDeployLedger.FILE_NAME))) {
                continue;
            }
            try {
                DeployLedger.Compaction compaction =
                        DeployOftenConfiguration.ledgers().of(job).compact(horizon);
                if (compaction.getDropped() > 0 || compaction.getQuarantinedLines() > 0) {
                    listener.getLogger()
                            .println(Messages._LedgerCompactionWork_compacted(
                                            job.getFullName(),
                                            String.valueOf(compaction.getKept()),
                                            String.valueOf(compaction.getDropped()),
                                            String.valueOf(horizon),
                                            String.valueOf(compaction.getQuarantinedLines()))
                                    .toString(Locale.ROOT));
                }
            } catch (IOException e) {
                listener.getLogger()
                        .println(Messages._LedgerCompactionWork_failed(job.getFullName(), String.valueOf(e))
                                .toString(Locale.ROOT));
            }
        }
    }
}
