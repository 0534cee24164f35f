package io.jenkins.plugins.deployoften.model.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.deployoften.model.DeployLedger;
import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@link FileDeployLedger#lastSuccessStartedBy}, {@link FileDeployLedger#lastCompletedStartedBy} and {@link
 * FileDeployLedger#lastAttemptStartedBy}, answered from
 * the summary, give what the {@link DeployLedger} defaults (a full scan) give and what a sort by start gives:
 * with deploys started after now (the summary's answer cannot be used), counts beyond what the summary keeps,
 * equal starts and equal (start, build) pairs.
 */
public class FileDeployLedgerStartOrderTest {
    private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");
    private static final List<EnvironmentName> ENVIRONMENTS =
            List.of(EnvironmentName.of("staging"), EnvironmentName.of("production"), EnvironmentName.of("empty"));

    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();

    @Test
    public void theSummaryAnswersAsTheScanAndAsASortByStart() throws IOException {
        for (long seed : new long[] {11L, 12L}) {
            Random random = new Random(seed);
            List<DeployRecord> appendOrder = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                appendOrder.add(randomRecord(random));
            }
            FileDeployLedger ledger = ledgerOf(appendOrder);
            DeployLedger scan = new DefaultsOnlyLedger(ledger);
            for (int lookUp = 0; lookUp < 60; lookUp++) {
                // now from 20 days before NOW (many deploys started after it) to after every start
                Instant now =
                        lookUp % 5 == 0 ? NOW.plus(Duration.ofDays(30)) : NOW.minusSeconds(random.nextInt(20 * 86400));
                EnvironmentName environment = ENVIRONMENTS.get(random.nextInt(ENVIRONMENTS.size()));
                int count = lookUp % 3 == 0 ? 1 + random.nextInt(150) : 1 + random.nextInt(5);

                Optional<DeployRecord> lastSuccess = ledger.lastSuccessStartedBy(environment, now);
                assertThat(lastSuccess).isEqualTo(scan.lastSuccessStartedBy(environment, now));
                List<DeployRecord> successes = sortedByStartNewestFirst(
                        appendOrder, environment, now, r -> r.getOutcome() == DeployOutcome.SUCCESS);
                assertThat(lastSuccess).isEqualTo(successes.stream().findFirst());

                List<DeployRecord> completed = ledger.lastCompletedStartedBy(environment, now, count);
                assertThat(completed).isEqualTo(scan.lastCompletedStartedBy(environment, now, count));
                List<DeployRecord> expected = sortedByStartNewestFirst(
                        appendOrder, environment, now, r -> r.getOutcome().isCompleted());
                assertThat(completed).isEqualTo(expected.subList(0, Math.min(count, expected.size())));

                Optional<DeployRecord> lastAttempt = ledger.lastAttemptStartedBy(environment, now);
                assertThat(lastAttempt).isEqualTo(scan.lastAttemptStartedBy(environment, now));
                assertThat(lastAttempt)
                        .isEqualTo(
                                sortedByStartNewestFirst(
                                                appendOrder,
                                                environment,
                                                now,
                                                r -> r.getOutcome() != DeployOutcome.SKIPPED)
                                        .stream()
                                        .findFirst());
            }
        }
    }

    @Test
    public void ofDeploysWithTheSameStartAndBuildTheLaterAppendedIsTheLater() throws IOException {
        Instant started = NOW.minus(Duration.ofHours(2));
        DeployRecord first = record("staging", 7, DeployOutcome.FAILURE, started);
        DeployRecord second = record("staging", 7, DeployOutcome.SUCCESS, started);
        DeployRecord lowerBuild = record("staging", 6, DeployOutcome.SUCCESS, started);
        FileDeployLedger ledger = ledgerOf(List.of(first, second, lowerBuild));

        assertThat(ledger.lastSuccessStartedBy(EnvironmentName.of("staging"), NOW))
                .contains(second);
        assertThat(ledger.lastCompletedStartedBy(EnvironmentName.of("staging"), NOW, 3))
                .containsExactly(second, first, lowerBuild);
        assertThat(new DefaultsOnlyLedger(ledger).lastCompletedStartedBy(EnvironmentName.of("staging"), NOW, 3))
                .containsExactly(second, first, lowerBuild);
    }

    @Test
    public void theDeployThatRanLastIsALookUpEvenWhenSkippedDeploysStartedAfterIt() throws IOException {
        EnvironmentName staging = EnvironmentName.of("staging");
        DeployRecord older = record("staging", 1, DeployOutcome.SUCCESS, NOW.minus(Duration.ofHours(9)));
        DeployRecord ranLast = record("staging", 2, DeployOutcome.FAILURE, NOW.minus(Duration.ofHours(8)));
        List<DeployRecord> appendOrder = new ArrayList<>(List.of(older, ranLast));
        for (int build = 3; build <= 40; build++) {
            appendOrder.add(record(
                    "staging",
                    build,
                    DeployOutcome.SKIPPED,
                    NOW.minus(Duration.ofHours(8)).plusSeconds(build)));
        }
        FileDeployLedger ledger = ledgerOf(appendOrder);
        assertThat(ledger.lastAttemptStartedBy(staging, NOW)).contains(ranLast);

        // blank out the line of the deploy that ran last, keeping the ledger's length and last line: the summary
        // still matches the ledger, and a scan would no longer find that deploy
        byte[] bytes = Files.readAllBytes(ledger.getFile());
        String text = new String(bytes, StandardCharsets.UTF_8);
        int start = text.indexOf('\n') + 1;
        int end = text.indexOf('\n', start);
        assertThat(text.substring(start, end)).contains("\"build\":2");
        Arrays.fill(bytes, start, end, (byte) ' ');
        Files.write(ledger.getFile(), bytes);

        assertThat(new DefaultsOnlyLedger(ledger).lastAttemptStartedBy(staging, NOW))
                .contains(older);
        assertThat(ledger.lastAttemptStartedBy(staging, NOW))
                .as("answered from the summary")
                .contains(ranLast);
        assertThat(ledger.lastAttemptStartedBy(EnvironmentName.of("production"), NOW))
                .isEmpty();
    }

    @Test
    public void anEnvironmentWhoseDeploysWereAllSkippedHasNoDeployThatRan() throws IOException {
        FileDeployLedger ledger = ledgerOf(List.of(
                record("staging", 1, DeployOutcome.SKIPPED, NOW.minus(Duration.ofHours(2))),
                record("staging", 2, DeployOutcome.SKIPPED, NOW.minus(Duration.ofHours(1)))));
        EnvironmentName staging = EnvironmentName.of("staging");
        assertThat(ledger.lastAttemptStartedBy(staging, NOW)).isEmpty();
        assertThat(new DefaultsOnlyLedger(ledger).lastAttemptStartedBy(staging, NOW))
                .isEmpty();
    }

    @Test
    public void aCountBeyondWhatTheSummaryKeepsIsAnsweredByTheScan() throws IOException {
        List<DeployRecord> appendOrder = new ArrayList<>();
        for (int i = 0; i < LedgerSummary.COMPLETED_KEPT + 30; i++) {
            appendOrder.add(record("staging", i + 1, DeployOutcome.FAILURE, NOW.minus(Duration.ofHours(200 - i))));
        }
        FileDeployLedger ledger = ledgerOf(appendOrder);
        EnvironmentName staging = EnvironmentName.of("staging");

        List<DeployRecord> all = ledger.lastCompletedStartedBy(staging, NOW, 1000);
        assertThat(all).hasSize(appendOrder.size());
        assertThat(all.get(0).getBuildNumber()).isEqualTo(appendOrder.size());
        assertThat(all.get(all.size() - 1).getBuildNumber()).isEqualTo(1);
        // now before the newest 20: the summary's newest kept are left out and it cannot see far enough
        Instant earlier = appendOrder.get(appendOrder.size() - 21).getStartedAt();
        assertThat(ledger.lastCompletedStartedBy(staging, earlier, 100))
                .isEqualTo(new DefaultsOnlyLedger(ledger).lastCompletedStartedBy(staging, earlier, 100));
        assertThat(ledger.lastCompletedStartedBy(staging, earlier, 100).get(0).getBuildNumber())
                .isEqualTo(appendOrder.size() - 20);
        assertThat(ledger.lastCompletedStartedBy(staging, NOW, 0)).isEmpty();
        assertThatThrownBy(() -> ledger.lastCompletedStartedBy(staging, NOW, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("count");
    }

    private static List<DeployRecord> sortedByStartNewestFirst(
            List<DeployRecord> appendOrder, EnvironmentName environment, Instant now, Predicate<DeployRecord> kind) {
        List<DeployRecord> selected = new ArrayList<>();
        for (DeployRecord record : appendOrder) {
            if (record.getEnvironment().equals(environment)
                    && !record.getStartedAt().isAfter(now)
                    && kind.test(record)) {
                selected.add(record);
            }
        }
        // stable: of equal start and build the later appended stays later
        selected.sort(Comparator.comparing(DeployRecord::getStartedAt).thenComparing(DeployRecord::getBuildNumber));
        return selected.reversed();
    }

    /** @return a ledger of the records in this order, recorded by a clock that steps back by up to years */
    private FileDeployLedger ledgerOf(List<DeployRecord> appendOrder) throws IOException {
        Path directory = temporary.newFolder().toPath();
        for (int i = 0; i < appendOrder.size(); i++) {
            Instant recorded = appendOrder.get(i).getEndedAt().minus(Duration.ofDays(i % 7 == 3 ? 365L * (i % 5) : 0));
            new FileDeployLedger(
                            directory, Clock.fixed(recorded, ZoneOffset.UTC), FileDeployLedger.Durability.OS_BUFFERED)
                    .append(appendOrder.get(i));
        }
        FileDeployLedger.forgetSummariesInMemory();
        return new FileDeployLedger(directory);
    }

    private static DeployRecord randomRecord(Random random) {
        int roll = random.nextInt(100);
        DeployOutcome outcome = roll < 45
                ? DeployOutcome.SUCCESS
                : roll < 85 ? DeployOutcome.FAILURE : roll < 93 ? DeployOutcome.ABORTED : DeployOutcome.SKIPPED;
        // on a ten-minute grid over 40 days, and a few after NOW: equal starts are common
        Instant started = NOW.minus(Duration.ofDays(40)).plus(Duration.ofMinutes(10L * random.nextInt(6000)));
        return DeployRecord.builder(
                        ENVIRONMENTS.get(random.nextInt(2)).toString(), "folder/app", 1 + random.nextInt(300))
                .outcome(outcome)
                .startedAt(started)
                .duration(Duration.ofMinutes(random.nextInt(10) == 0 ? 300 : random.nextInt(20)))
                .build();
    }

    private static DeployRecord record(String environment, int build, DeployOutcome outcome, Instant started) {
        return DeployRecord.builder(environment, "folder/app", build)
                .outcome(outcome)
                .startedAt(started)
                .duration(Duration.ofMinutes(3))
                .build();
    }
}
