package io.jenkins.plugins.deployoften.model.view;

import static io.jenkins.plugins.deployoften.model.view.HealthViewFixtures.NOW;
import static io.jenkins.plugins.deployoften.model.view.HealthViewFixtures.STAGING;
import static io.jenkins.plugins.deployoften.model.view.HealthViewFixtures.quarterFailed;
import static io.jenkins.plugins.deployoften.model.view.HealthViewFixtures.record;
import static io.jenkins.plugins.deployoften.model.view.HealthViewFixtures.statistics;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.DurationSketch;
import io.jenkins.plugins.deployoften.model.LedgerRead;
import io.jenkins.plugins.deployoften.model.gate.CandidateIdentity;
import io.jenkins.plugins.deployoften.model.gate.GateDecision;
import io.jenkins.plugins.deployoften.model.gate.GateEvaluator;
import io.jenkins.plugins.deployoften.model.gate.GatePolicy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.Test;

/** The mapping from statistics and gate decisions to what every page and badge shows. */
public class DeployHealthViewTest {
    @Test
    public void noHistoryShowsNoDataAndNever() {
        DeployHealthView view = DeployHealthView.of(statistics(List.of()), Optional.empty());

        assertThat(view.getStatistics().getChangeFailureRate()).isEmpty();
        assertThat(view.getStatistics().getMedianDuration()).isEmpty();
        assertThat(view.getLastSuccessAge()).isEmpty();
        assertThat(view.getLastSuccessAgeMillis()).isEqualTo(-1);
        assertThat(view.getStatistics().getMedianRecoveryTime()).isEmpty();
        assertThat(view.getGateState()).isEqualTo(GateBadgeState.UNKNOWN);
        assertThat(view.badge("last", EnglishBadgeTexts.ENGLISH).orElseThrow().value())
                .isEqualTo("never");
        assertThat(view.badge("failures", EnglishBadgeTexts.ENGLISH)
                        .orElseThrow()
                        .value())
                .isEqualTo("no data");
        assertThat(view.badge("gate", EnglishBadgeTexts.ENGLISH).orElseThrow().value())
                .isEqualTo("unknown");
    }

    @Test
    public void figuresComeFromTheStatistics() {
        DeployHealthView view = DeployHealthView.of(statistics(quarterFailed()), Optional.empty());

        assertThat(view.getStatistics().getChangeFailureRate()).contains(0.25);
        assertThat(view.getStatistics().getMedianDuration()).contains(DurationSketch.sketched(Duration.ofSeconds(40)));
        assertThat(view.getLastSuccessAge()).contains(Duration.ofHours(2));
        assertThat(view.getEnvironment()).isEqualTo("staging");
        assertThat(view.badge("failures", EnglishBadgeTexts.ENGLISH)
                        .orElseThrow()
                        .value())
                .isEqualTo("25%");
        assertThat(view.badge("last", EnglishBadgeTexts.ENGLISH).orElseThrow().label())
                .isEqualTo("staging");
        assertThat(view.badge("unknown", EnglishBadgeTexts.ENGLISH)).isEmpty();
    }

    @Test
    public void theGateBadgeFollowsTheLastDecision() {
        GateDecision blocked = GateEvaluator.evaluate(
                GatePolicy.defaults(),
                new LedgerRead(List.of(), 0),
                STAGING,
                CandidateIdentity.none(),
                NOW,
                Optional.empty());

        DeployHealthView view = DeployHealthView.of(statistics(List.of()), Optional.of(blocked));

        assertThat(view.getGateState()).isEqualTo(GateBadgeState.BLOCK);
        assertThat(view.badge("gate", EnglishBadgeTexts.ENGLISH).orElseThrow().value())
                .isEqualTo("blocked");
    }

    @Test
    public void theChartHasOneBarPerWeekOfTheWindow() throws Exception {
        List<DeployRecord> records = List.of(
                record(DeployOutcome.SUCCESS, NOW.minus(Duration.ofDays(1)), 30),
                record(DeployOutcome.FAILURE, NOW.minus(Duration.ofDays(15)), 30));

        JsonNode chart = new ObjectMapper()
                .readTree(DeployHealthView.of(statistics(records), Optional.empty())
                        .trendChart(EnglishChartLabels.ENGLISH)
                        .toJson());

        JsonNode series = chart.get("series");
        assertThat(series.get(0).get("data")).hasSize(12);
        // the current week holds the success, two weeks earlier the failure
        assertThat(series.get(0).get("data").get(11).asInt()).isEqualTo(1);
        assertThat(series.get(1).get("data").get(9).asInt()).isEqualTo(1);
    }
}
