package io.jenkins.plugins.deployoften.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.DeployStatistics;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import io.jenkins.plugins.deployoften.model.view.DeployHealthView;
import io.jenkins.plugins.deployoften.model.view.GateBadgeState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.Test;

/** One job's health in words: the dashboard's figures and the job page's summary line. */
public class HealthWordsTest {
    private static final Instant NOW = Instant.parse("2026-03-04T12:00:00Z");
    private static final EnvironmentName STAGING = EnvironmentName.of("staging");

    private static DeployRecord record(DeployOutcome outcome, Instant started, long seconds) {
        return DeployRecord.builder("staging", "app", 1)
                .outcome(outcome)
                .startedAt(started)
                .duration(Duration.ofSeconds(seconds))
                .build();
    }

    private static DeployStatistics statistics(List<DeployRecord> records) {
        return DeployStatistics.compute(records, STAGING, NOW, 12);
    }

    @Test
    public void withoutHistoryTheFiguresSayNoDataAndNeverAndTheGateIsNotEvaluated() {
        HealthWords words = HealthWords.of(DeployHealthView.of(statistics(List.of()), Optional.empty()));

        assertThat(words.getFailureRate()).isEqualTo("no data");
        assertThat(words.getMedianDuration()).isEqualTo("no data");
        assertThat(words.getLastSuccess()).isEqualTo("never");
        assertThat(words.getRecoveryTime()).isEqualTo("no data");
        assertThat(words.getFrequency()).isEqualTo("0.0/week (no data)");
        assertThat(words.getSummary())
                .isEqualTo("staging: 0.0/week (no data), no failure rate yet, last success never, release gate not"
                        + " evaluated");
    }

    @Test
    public void theFiguresAreWordedFromTheStatistics() {
        // failure rate 1/4; median of {20, 40, 60, 80} s by nearest rank is 40 s, sketched as 39.748 s
        List<DeployRecord> records = List.of(
                record(DeployOutcome.FAILURE, NOW.minus(Duration.ofHours(30)), 20),
                record(DeployOutcome.SUCCESS, NOW.minus(Duration.ofHours(20)), 40),
                record(DeployOutcome.SUCCESS, NOW.minus(Duration.ofHours(10)), 60),
                record(DeployOutcome.SUCCESS, NOW.minus(Duration.ofHours(2)).minusSeconds(80), 80));

        HealthWords words = HealthWords.of(DeployHealthView.of(statistics(records), GateBadgeState.PASS));

        assertThat(words.getFailureRate()).isEqualTo("25%");
        assertThat(words.getMedianDuration()).isEqualTo("39 s");
        assertThat(words.getLastSuccess()).isEqualTo("2 h ago");
        assertThat(words.getGateState()).isEqualTo("passing");
        assertThat(words.getSummary())
                .startsWith("staging: ")
                .endsWith(", 25% failures, last success 2 h ago, release gate passing");
    }

    @Test
    public void aTimeInTheFutureIsShownAsNow() {
        assertThat(HealthWords.ago(Duration.ofSeconds(-5))).isEqualTo("0 ms ago");
        assertThat(HealthWords.ago(Duration.ofSeconds(75))).isEqualTo("1 min 15 s ago");
    }
}
