package io.jenkins.plugins.deployoften.ui;

import static io.jenkins.plugins.deployoften.model.view.HealthViewFixtures.quarterFailed;
import static io.jenkins.plugins.deployoften.model.view.HealthViewFixtures.statistics;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deployoften.model.view.DeployHealthView;
import io.jenkins.plugins.deployoften.model.view.GateBadgeState;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.Test;

/** One job's health in words: the dashboard's figures and the job page's summary line. */
public class HealthWordsTest {
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
        HealthWords words = HealthWords.of(DeployHealthView.of(statistics(quarterFailed()), GateBadgeState.PASS));

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
