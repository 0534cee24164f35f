package io.jenkins.plugins.deployoften.model.view;

import io.jenkins.plugins.deployoften.model.DeployStatistics;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import io.jenkins.plugins.deployoften.model.WeeklyBucket;
import java.util.List;
import java.util.Objects;

/**
 * How busy one environment of one job was lately: its completed deploys (successful and failed, as the widget's
 * chart and change failure rate count them) that started in the last {@value #WEEKS} ISO weeks (this week and the
 * {@value #WEEKS} - 1 before, as the widget's pace compares them), and how many of those failed.
 *
 * @param environment the environment
 * @param deploys its completed deploys in those weeks
 * @param failures the failed ones among them
 */
public record RecentDeploys(EnvironmentName environment, int deploys, int failures) {
    /** The weeks counted. */
    public static final int WEEKS = ViewDeployHealth.PACE_WEEKS;

    /**
     * @throws NullPointerException when the environment is missing
     * @throws IllegalArgumentException when a count is negative, or there are more failures than deploys
     */
    public RecentDeploys {
        Objects.requireNonNull(environment, "environment");
        if (deploys < 0 || failures < 0 || failures > deploys) {
            throw new IllegalArgumentException("deploys " + deploys + ", failures " + failures
                    + ": both must be 0 or more, and failures at most deploys");
        }
    }

    /**
     * @param statistics an environment's statistics of at least {@value #WEEKS} weeks, usually of exactly that many
     * @return its last {@value #WEEKS} weeks' deploys
     */
    public static RecentDeploys of(DeployStatistics statistics) {
        List<WeeklyBucket> weeks = statistics.getWeeks();
        int deploys = 0;
        int failures = 0;
        for (WeeklyBucket week : weeks.subList(Math.max(0, weeks.size() - WEEKS), weeks.size())) {
            deploys += week.getSuccessful() + week.getFailed();
            failures += week.getFailed();
        }
        return new RecentDeploys(statistics.getEnvironment(), deploys, failures);
    }
}
