package io.jenkins.plugins.deployoften.ui;

import hudson.Extension;
import hudson.model.AsyncPeriodicWork;
import hudson.model.Job;
import hudson.model.TaskListener;
import io.jenkins.plugins.util.JenkinsFacade;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the deploy health cache warm in the background, so the release-manager page and the badges are
 * served from it even after Monday 00:00 UTC (when the statistics window moves and every cached summary
 * expires) or a controller restart:
 * computing 5,000 jobs costs seconds, reading them from the cache milliseconds.
 */
@Extension
public class DeployHealthWarmer extends AsyncPeriodicWork {
    private final JenkinsFacade jenkins;

    public DeployHealthWarmer() {
        this(new JenkinsFacade());
    }

    /** @param jenkins the Jenkins whose jobs are warmed, for tests */
    DeployHealthWarmer(JenkinsFacade jenkins) {
        super("DeployOften deploy health cache");
        this.jenkins = jenkins;
    }

    @Override
    public long getRecurrencePeriod() {
        return TimeUnit.MINUTES.toMillis(10);
    }

    @Override
    protected void execute(TaskListener listener) throws IOException, InterruptedException {
        DeployHealthService health = DeployHealthService.get();
        for (Job<?, ?> job : jenkins.getAllJobs()) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            if (!DeployDashboardActionFactory.hasDeployHistoryOrStep(job)) {
                continue;
            }
            try {
                health.healthOf(job);
            } catch (IOException e) {
                listener.getLogger().println(job.getFullName() + ": " + e);
            }
        }
    }
}
