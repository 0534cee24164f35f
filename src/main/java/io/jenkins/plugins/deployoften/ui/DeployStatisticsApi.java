package io.jenkins.plugins.deployoften.ui;

import io.jenkins.plugins.deployoften.model.DeployStatistics;
import io.jenkins.plugins.deployoften.model.view.DeployHealthView;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/** The deploy statistics as the remote API exports them ({@code deployoften/api/json}). */
@ExportedBean
public class DeployStatisticsApi {
    private final DeployHealthView health;

    DeployStatisticsApi(DeployHealthView health) {
        this.health = health;
    }

    private DeployStatistics statistics() {
        return health.getStatistics();
    }

    @Exported
    public String getEnvironment() {
        return health.getEnvironment();
    }

    @Exported
    public int getWindowWeeks() {
        return statistics().getWeeks().size();
    }

    @Exported
    public int getSuccessful() {
        return statistics().getSuccessful();
    }

    @Exported
    public int getFailed() {
        return statistics().getFailed();
    }

    @Exported
    public int getSkipped() {
        return statistics().getSkipped();
    }

    @Exported
    public double getDeploysPerWeek() {
        return statistics().getDeploysPerWeek();
    }

    @Exported
    public String getFrequencyClass() {
        return statistics().getFrequencyClass().name();
    }

    /** @return the change failure rate from 0 to 1, or -1 when there is no completed deploy */
    @Exported
    public double getChangeFailureRate() {
        return statistics().getChangeFailureRate().orElse(-1.0);
    }

    /** @return the median deploy duration in milliseconds, or -1 without completed deploys */
    @Exported
    public long getMedianDurationMillis() {
        return statistics()
                .getMedianDuration()
                .map(java.time.Duration::toMillis)
                .orElse(-1L);
    }

    /** @return milliseconds since the last successful deploy, or -1 when there was none */
    @Exported
    public long getMillisSinceLastSuccess() {
        return statistics()
                .getTimeSinceLastSuccess()
                .map(java.time.Duration::toMillis)
                .orElse(-1L);
    }

    @Exported
    public String getGateState() {
        return health.getGateState().name();
    }

    @Exported
    public int getSkippedLedgerLines() {
        return statistics().getSkippedLines();
    }
}
