package io.jenkins.plugins.deployoften.model.view;

import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.DeployStatistics;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** One staging environment's statistics for the tests of the health view and its words. */
public final class HealthViewFixtures {
    /** A Thursday, so the current ISO week started on Monday 2026-06-01. */
    public static final Instant NOW = Instant.parse("2026-06-04T12:00:00Z");

    public static final EnvironmentName STAGING = EnvironmentName.of("staging");

    private HealthViewFixtures() {}

    /** @return a staging deploy of build 1 */
    public static DeployRecord record(DeployOutcome outcome, Instant started, long seconds) {
        return DeployRecord.builder("staging", "app", 1)
                .outcome(outcome)
                .startedAt(started)
                .duration(Duration.ofSeconds(seconds))
                .build();
    }

    /** @return the statistics of 12 weeks up to {@link #NOW} */
    public static DeployStatistics statistics(List<DeployRecord> records) {
        return DeployStatistics.compute(records, STAGING, NOW, 12);
    }

    /**
     * 3 successes of 40 s, 60 s and 80 s and 1 failure of 20 s: failure rate 1/4 = 25 %, median of the completed
     * durations {20, 40, 60, 80} by nearest rank = 40 s, which the duration sketch gives within 1 %: 39.748 s. The
     * last success ended 2 hours before {@link #NOW}.
     */
    public static List<DeployRecord> quarterFailed() {
        return List.of(
                record(DeployOutcome.FAILURE, NOW.minus(Duration.ofHours(30)), 20),
                record(DeployOutcome.SUCCESS, NOW.minus(Duration.ofHours(20)), 40),
                record(DeployOutcome.SUCCESS, NOW.minus(Duration.ofHours(10)), 60),
                record(DeployOutcome.SUCCESS, NOW.minus(Duration.ofHours(2)).minusSeconds(80), 80));
    }
}
