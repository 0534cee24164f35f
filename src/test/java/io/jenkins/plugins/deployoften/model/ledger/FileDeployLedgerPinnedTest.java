package io.jenkins.plugins.deployoften.model.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deployoften.model.DeployLedger;
import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.DeployStatistics;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@link FileDeployLedger#pinned()}: a view that answers from the summary it was made with, as the ledger then
 * answered, until a write through it drops the pin; the records it reads are read as they are now.
 */
public class FileDeployLedgerPinnedTest {
    private static final Instant T0 = Instant.parse("2026-11-27T18:00:00Z");
    private static final EnvironmentName STAGING = EnvironmentName.of("staging");
    private static final EnvironmentName PRODUCTION = EnvironmentName.of("production");

    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();

    @Test
    public void aPinnedViewAnswersEveryReadAsTheLedgerDoes() throws IOException {
        Random random = new Random(11);
        for (int round = 0; round < 20; round++) {
            FileDeployLedger ledger = new FileDeployLedger(temporary.newFolder().toPath());
            int records = 1 + random.nextInt(120);
            for (int build = 1; build <= records; build++) {
                DeployOutcome outcome = DeployOutcome.values()[random.nextInt(DeployOutcome.values().length)];
                Instant started = T0.minus(Duration.ofMinutes(random.nextInt(60 * 24 * 90)));
                ledger.append(record(random.nextBoolean() ? "staging" : "production", build, outcome, started));
            }
            DeployLedger view = ledger.pinned();
            assertThat(view).isNotSameAs(ledger);
            assertThat(view.pinned()).isSameAs(view);
            String context = "round " + round;
            assertThat(view.environments()).as(context).isEqualTo(ledger.environments());
            for (EnvironmentName environment : ledger.environments()) {
                for (Instant now : new Instant[] {T0, T0.minus(Duration.ofDays(30))}) {
                    assertThat(view.lastAttemptStartedBy(environment, now))
                            .as(context)
                            .isEqualTo(ledger.lastAttemptStartedBy(environment, now));
                    assertThat(view.lastSuccessStartedBy(environment, now))
                            .as(context)
                            .isEqualTo(ledger.lastSuccessStartedBy(environment, now));
                    assertThat(view.lastCompletedStartedBy(environment, now, 5))
                            .as(context)
                            .isEqualTo(ledger.lastCompletedStartedBy(environment, now, 5));
                }
                assertThat(view.firstStarted(environment)).as(context).isEqualTo(ledger.firstStarted(environment));
                assertThat(view.digest(environment).orElseThrow().getDays())
                        .as(context)
                        .isEqualTo(ledger.digest(environment).orElseThrow().getDays());
                assertThat(DeployStatistics.compute(view, environment, T0, 12))
                        .as(context)
                        .isEqualTo(DeployStatistics.compute(ledger, environment, T0, 12));
                int build = 1 + random.nextInt(records);
                assertThat(view.lastSuccessOfCandidate(
                                environment, Optional.empty(), Optional.empty(), OptionalInt.of(build)))
                        .as(context)
                        .isEqualTo(ledger.lastSuccessOfCandidate(
                                environment, Optional.empty(), Optional.empty(), OptionalInt.of(build)));
            }
            Instant from = T0.minus(Duration.ofDays(14));
            assertThat(view.readSince(from).records())
                    .as(context)
                    .containsExactlyInAnyOrderElementsOf(ledger.readSince(from).records());
        }
    }

    @Test
    public void aPinnedViewKeepsItsStateWhileTheLedgerMovesOnAndAWriteThroughItDropsThePin() throws IOException {
        FileDeployLedger ledger = new FileDeployLedger(temporary.newFolder().toPath());
        DeployRecord first = record("staging", 1, DeployOutcome.SUCCESS, T0.minus(Duration.ofHours(3)));
        ledger.append(first);
        DeployLedger view = ledger.pinned();

        DeployRecord later = record("staging", 2, DeployOutcome.FAILURE, T0.minus(Duration.ofHours(1)));
        ledger.append(later);
        ledger.append(record("production", 3, DeployOutcome.SUCCESS, T0.minus(Duration.ofHours(2))));

        assertThat(ledger.lastAttemptStartedBy(STAGING, T0)).contains(later);
        assertThat(view.lastAttemptStartedBy(STAGING, T0))
                .as("from the pinned summary")
                .contains(first);
        assertThat(view.environments()).containsExactly(STAGING);
        assertThat(ledger.environments()).containsExactly(PRODUCTION, STAGING);
        // the records themselves are read as they are now
        assertThat(view.readSince(T0.minus(Duration.ofDays(1))).records()).contains(later);

        DeployRecord throughTheView = record("staging", 4, DeployOutcome.SUCCESS, T0.minus(Duration.ofMinutes(30)));
        view.append(throughTheView);
        assertThat(view.lastAttemptStartedBy(STAGING, T0)).contains(throughTheView);
        assertThat(view.environments()).containsExactly(PRODUCTION, STAGING);
        assertThat(view.pinned()).isNotSameAs(view);
    }

    private static DeployRecord record(String environment, int build, DeployOutcome outcome, Instant started) {
        return DeployRecord.builder(environment, "folder/app", build)
                .outcome(outcome)
                .startedAt(started)
                .duration(Duration.ofSeconds(40 + build % 50))
                .commit(Integer.toHexString(0xabc000 + build))
                .build();
    }
}
