package io.jenkins.plugins.deployoften.model.ledger;

import static io.jenkins.plugins.deployoften.model.DeployOutcome.ABORTED;
import static io.jenkins.plugins.deployoften.model.DeployOutcome.FAILURE;
import static io.jenkins.plugins.deployoften.model.DeployOutcome.SKIPPED;
import static io.jenkins.plugins.deployoften.model.DeployOutcome.SUCCESS;
import static io.jenkins.plugins.deployoften.model.ledger.LedgerAssertions.assertExactlyOnce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.deployoften.model.DeployLedger;
import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.DeploySource;
import io.jenkins.plugins.deployoften.model.DeployStatistics;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import io.jenkins.plugins.deployoften.model.LedgerRead;
import io.jenkins.plugins.deployoften.model.StatisticsFixtures;
import io.jenkins.plugins.deployoften.model.SuccessfulDeploy;
import io.jenkins.plugins.deployoften.model.TrustedSources;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * What every {@link DeployLedger} does, run against each implementation by a subclass: the same records
 * read back, the same windows, pages, versions and statistics, and every record exactly once when threads
 * and processes append at the same time.
 */
public abstract class DeployLedgerContract {
    static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    static final int THREADS = 8;
    static final int APPENDS_PER_THREAD = 2_000;
    static final int APPENDS_PER_PROCESS = 1_000;
    /** Stamps appends of file ledgers: after every start used here, so no backwards scan stops early. */
    static final Clock LATE = Clock.fixed(Instant.parse("2027-01-01T00:00:00Z"), ZoneOffset.UTC);

    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();

    /**
     * @return the ledger under test; within one test every call returns a ledger over the same, at first empty,
     *     store
     */
    protected abstract DeployLedger ledger() throws Exception;

    /**
     * Starts a child process that appends {@code count} records with messages {@code <prefix>-<i>} to the
     * store of {@link #ledger()}, following {@link LedgerAppenderProcess}'s protocol ({@code ready}, a line on
     * standard input, one printed id per acknowledged append).
     */
    protected abstract ChildJvm startAppender(String prefix, int count) throws IOException;

    /** @return the text a free-text field reads back as; the same text unless the store cannot hold it */
    protected String stored(String text) {
        return text;
    }

    @Test
    public void everyFieldRoundTripsIncludingHostileText() throws Exception {
        DeployLedger ledger = ledger();
        List<DeployRecord> expected = new ArrayList<>();
        int build = 1;
        for (String text : LedgerHostileStringsTest.HOSTILE) {
            ledger.append(fullRecord(text, build, text));
            expected.add(fullRecord(text, build, stored(text)));
            build++;
        }

        LedgerRead read = ledger.readAll();
        assertThat(read.records()).isEqualTo(expected);
        assertThat(read.skippedLines()).isZero();
        assertThat(ledger.readSince(T0).records()).isEqualTo(expected);
        for (DeployRecord record : expected) {
            assertThat(ledger.findLast(r -> r.getMessage().equals(record.getMessage())))
                    .contains(record);
        }
    }

    /** Every field set; instants with nanoseconds, which the file keeps and so must every store. */
    private static DeployRecord fullRecord(String hostile, int build, String text) {
        return DeployRecord.builder("staging", "folder/" + text, build)
                .buildUrl("job/" + text + "/" + build + "/")
                .commit(LedgerHostileStringsTest.oneWord(text))
                .commitTime(T0.minusSeconds(3600).plusNanos(123_456_789L + build))
                .artifactFingerprint(LedgerHostileStringsTest.oneWord(text))
                .outcome(build % 2 == 0 ? FAILURE : SUCCESS)
                .reason(text)
                .startedAt(T0.plusSeconds(build).plusNanos(987_654_321L))
                .duration(Duration.ofMillis(1_000L * build + 7))
                .trigger(text)
                .message(text)
                .source(DeploySource.values()[build % DeploySource.values().length])
                .build();
    }

    @Test
    public void readSinceIncludesTheWindowStartAndNothingBefore() throws Exception {
        DeployLedger ledger = ledger();
        Instant from = T0.plus(Duration.ofDays(7));
        ledger.append(at(1, from.minus(Duration.ofDays(7))));
        ledger.append(at(2, from.minusNanos(1)));
        ledger.append(at(3, from));
        ledger.append(at(4, from.plusNanos(1)));
        ledger.append(at(5, from.plus(Duration.ofDays(1))));

        assertThat(builds(ledger.readSince(from).records())).containsExactly(3, 4, 5);
        assertThat(builds(ledger.readSince(from.plusNanos(1)).records())).containsExactly(4, 5);
        assertThat(builds(ledger.readSince(from.plus(Duration.ofDays(2))).records()))
                .isEmpty();
        assertThat(builds(ledger.readAll().records())).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    public void findLastReturnsTheNewestMatchOrNothing() throws Exception {
        DeployLedger ledger = ledger();
        ledger.append(at(1, T0));
        ledger.append(at(2, T0.plusSeconds(60)).toBuilder().outcome(FAILURE).build());
        ledger.append(at(3, T0.plusSeconds(120)));

        assertThat(ledger.findLast(r -> r.getOutcome() == SUCCESS).map(DeployRecord::getBuildNumber))
                .contains(3);
        assertThat(ledger.findLast(r -> r.getOutcome() == FAILURE).map(DeployRecord::getBuildNumber))
                .contains(2);
        assertThat(ledger.findLast(r -> r.getOutcome() == SKIPPED)).isEmpty();
    }

    @Test
    public void findLastWalksBackPastManyNonMatchingRecords() throws Exception {
        DeployLedger ledger = ledger();
        ledger.append(at(1, T0).toBuilder().outcome(FAILURE).build());
        // more than one page of the database's backwards walk (200 rows) between the match and the end
        for (int build = 2; build <= 450; build++) {
            ledger.append(at(build, T0.plusSeconds(build)));
        }

        assertThat(ledger.findLast(r -> r.getOutcome() == FAILURE).map(DeployRecord::getBuildNumber))
                .contains(1);
    }

    @Test
    public void readRecentPagesNewestFirst() throws Exception {
        DeployLedger ledger = ledger();
        for (int build = 1; build <= 5; build++) {
            ledger.append(at(build, T0.plusSeconds(build)));
        }

        assertThat(builds(ledger.readRecent(0, 2))).containsExactly(5, 4);
        assertThat(builds(ledger.readRecent(2, 2))).containsExactly(3, 2);
        assertThat(builds(ledger.readRecent(4, 2))).containsExactly(1);
        assertThat(builds(ledger.readRecent(5, 1))).isEmpty();
        assertThat(builds(ledger.readRecent(0, 1000))).containsExactly(5, 4, 3, 2, 1);
        assertThatThrownBy(() -> ledger.readRecent(-1, 2)).hasMessageContaining("skip");
        assertThatThrownBy(() -> ledger.readRecent(0, 0)).hasMessageContaining("limit");
        assertThatThrownBy(() -> ledger.readRecent(0, 1001)).hasMessageContaining("limit");
    }

    @Test
    public void versionChangesWithEveryAppendAndCompactionOnly() throws Exception {
        DeployLedger ledger = ledger();
        String empty = ledger.version();
        assertThat(ledger.version()).isEqualTo(empty);
        ledger.append(at(1, T0));
        String one = ledger.version();
        ledger.append(at(2, T0.plusSeconds(60)));
        String two = ledger.version();
        assertThat(ledger.version()).isEqualTo(two);
        ledger.compact(T0.plusSeconds(30));
        String compacted = ledger.version();

        assertThat(List.of(empty, one, two, compacted)).doesNotHaveDuplicates();
    }

    @Test
    public void compactDropsExactlyTheRecordsStartedBeforeTheHorizon() throws Exception {
        DeployLedger ledger = ledger();
        Instant horizon = T0.plus(Duration.ofDays(1));
        ledger.append(at(1, horizon.minusNanos(1)));
        ledger.append(at(2, horizon));
        ledger.append(at(3, horizon.plusSeconds(1)));

        DeployLedger.Compaction compaction = ledger.compact(horizon);

        assertThat(compaction.getKept()).isEqualTo(2);
        assertThat(compaction.getDropped()).isEqualTo(1);
        assertThat(builds(ledger.readAll().records())).containsExactly(2, 3);
    }

    @Test
    public void statisticsEqualThoseOfTheSameRecordsInAFileLedger() throws Exception {
        // 12-week window ending 2026-03-18T12:00Z starts 2025-12-29T00:00Z
        Instant now = StatisticsFixtures.NOW;
        List<DeployRecord> records = List.of(
                StatisticsFixtures.staging(1, SUCCESS, "2025-12-20T10:00:00Z", Duration.ofMinutes(3)),
                StatisticsFixtures.staging(2, SUCCESS, "2026-01-05T10:00:00Z", Duration.ofMinutes(4)),
                StatisticsFixtures.staging(3, FAILURE, "2026-01-12T10:00:00Z", Duration.ofMinutes(6)),
                StatisticsFixtures.staging(4, SUCCESS, "2026-01-12T12:00:00Z", Duration.ofMinutes(2)),
                StatisticsFixtures.staging(5, SKIPPED, "2026-02-02T10:00:00Z", Duration.ZERO),
                StatisticsFixtures.record(
                        "production", 4, SUCCESS, Instant.parse("2026-02-03T10:00:00Z"), Duration.ofMinutes(9)),
                StatisticsFixtures.staging(6, SUCCESS, "2026-03-16T09:00:00Z", Duration.ofMinutes(10)));
        DeployLedger ledger = ledger();
        FileDeployLedger reference = new FileDeployLedger(
                temporary.newFolder("reference").toPath(),
                Clock.fixed(now, ZoneOffset.UTC),
                FileDeployLedger.Durability.OS_BUFFERED);
        for (DeployRecord record : records) {
            ledger.append(record);
            reference.append(record);
        }

        DeployStatistics statistics = DeployStatistics.compute(ledger, StatisticsFixtures.STAGING, now, 12);

        assertThat(statistics).isEqualTo(DeployStatistics.compute(reference, StatisticsFixtures.STAGING, now, 12));
        // staging in the window: builds 2, 4, 6 succeeded, 3 failed, 5 skipped; production is another environment
        assertThat(statistics.getSuccessful()).isEqualTo(3);
        assertThat(statistics.getFailed()).isEqualTo(1);
        assertThat(statistics.getSkipped()).isEqualTo(1);
        // one failure among four completed deploys
        assertThat(statistics.getChangeFailureRate()).contains(0.25);
        // newest completed deploys: 6 and 4 succeeded, then 3 failed
        assertThat(statistics.getStreak().getLength()).isEqualTo(2);
        assertThat(statistics.getStreak().getOutcome()).contains(SUCCESS);
    }

    @Test(timeout = 300_000)
    public void eightThreadsStoreEveryRecordExactlyOnce() throws Exception {
        DeployLedger ledger = ledger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<String> ids = new ArrayList<>();
        try {
            List<Future<List<String>>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                Callable<List<String>> appends = () -> {
                    List<String> appended = new ArrayList<>();
                    start.await();
                    for (int i = 0; i < APPENDS_PER_THREAD; i++) {
                        String id = "t" + thread + "-" + i;
                        ledger.append(LedgerAppenderProcess.record(id, thread * APPENDS_PER_THREAD + i + 1));
                        appended.add(id);
                    }
                    return appended;
                };
                done.add(pool.submit(appends));
            }
            for (Future<List<String>> thread : done) {
                ids.addAll(thread.get(280, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        LedgerRead read = ledger.readAll();
        assertThat(read.skippedLines()).isZero();
        assertExactlyOnce(read.records(), ids);
        assertThat(ledger.readSince(LedgerAppenderProcess.STARTED).records()).isEqualTo(read.records());
    }

    @Test(timeout = 300_000)
    public void twoProcessesStoreEveryRecordExactlyOnce() throws Exception {
        DeployLedger ledger = ledger();
        List<String> ids = new ArrayList<>();
        try (ChildJvm first = startAppender("p0", APPENDS_PER_PROCESS);
                ChildJvm second = startAppender("p1", APPENDS_PER_PROCESS)) {
            first.awaitLine(LedgerAppenderProcess.READY::equals, 60_000);
            second.awaitLine(LedgerAppenderProcess.READY::equals, 60_000);
            first.send("go");
            second.send("go");
            first.awaitSuccess(240);
            second.awaitSuccess(240);
            for (String prefix : List.of("p0", "p1")) {
                for (int i = 0; i < APPENDS_PER_PROCESS; i++) {
                    ids.add(prefix + "-" + i);
                }
            }
            List<String> acknowledged = new ArrayList<>(first.output());
            acknowledged.addAll(second.output());
            acknowledged.removeIf(LedgerAppenderProcess.READY::equals);
            assertThat(acknowledged).containsExactlyInAnyOrderElementsOf(ids);
        }

        LedgerRead read = ledger.readAll();
        assertThat(read.skippedLines()).isZero();
        assertExactlyOnce(read.records(), ids);
    }

    Path logs() {
        return temporary.getRoot().toPath();
    }

    /**
     * The look-ups by start and by candidate answer as the {@link DeployLedger} defaults (full scans) over the same
     * store: deploys appended out of start order, equal starts and equal (start, build) pairs, starts a few
     * nanoseconds apart (below what a database timestamp holds), deploys started after now, identities in another
     * case. For the candidate, "last" is by start in every store but the defaults', so only the match's existence
     * and identity kind are compared with them, and its start with a sort by start.
     */
    @Test
    public void lookUpsByStartAnswerAsTheDefaultScans() throws Exception {
        DeployLedger ledger = ledger();
        Random random = new Random(41);
        List<DeployRecord> appended = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            int roll = random.nextInt(100);
            DeployOutcome outcome = roll < 45 ? SUCCESS : roll < 85 ? FAILURE : roll < 93 ? ABORTED : SKIPPED;
            Instant started = T0.plus(Duration.ofMinutes(10L * random.nextInt(400)))
                    .plusNanos(random.nextInt(4) == 0 ? random.nextInt(3) : 0);
            int build = 1 + random.nextInt(60);
            DeployRecord record = DeployRecord.builder(random.nextBoolean() ? "staging" : "production", "app", build)
                    .outcome(outcome)
                    .message("attempt " + i)
                    .startedAt(started)
                    .duration(Duration.ofMinutes(random.nextInt(20)))
                    .commit("C0FFEE" + (build % 17))
                    .artifactFingerprint("ab" + (build % 23))
                    .source(DeploySource.values()[random.nextInt(DeploySource.values().length)])
                    .build();
            ledger.append(record);
            appended.add(record);
        }
        DeployLedger scans = new DefaultsOnlyLedger(ledger);
        List<DeployRecord> stored = ledger.readAll().records();
        assertThat(ledger.environments())
                .isEqualTo(scans.environments())
                .extracting(EnvironmentName::value)
                .containsExactly("production", "staging");
        for (String name : List.of("staging", "production", "never-deployed")) {
            EnvironmentName environment = EnvironmentName.of(name);
            assertThat(ledger.firstStarted(environment)).isEqualTo(scans.firstStarted(environment));
        }
        assertThat(ledger.firstStarted(EnvironmentName.of("never-deployed"))).isEmpty();
        for (int lookUp = 0; lookUp < 40; lookUp++) {
            Instant now = T0.plus(Duration.ofMinutes(10L * random.nextInt(450))).plusNanos(random.nextInt(3));
            EnvironmentName environment = EnvironmentName.of(random.nextBoolean() ? "staging" : "production");
            int count = 1 + random.nextInt(lookUp % 4 == 0 ? 200 : 5);
            assertThat(ledger.lastSuccessStartedBy(environment, now))
                    .as("last success by %s", now)
                    .isEqualTo(scans.lastSuccessStartedBy(environment, now));
            assertThat(ledger.lastCompletedStartedBy(environment, now, count))
                    .as("last %d completed by %s", count, now)
                    .isEqualTo(scans.lastCompletedStartedBy(environment, now, count));
            assertThat(ledger.lastAttemptStartedBy(environment, now))
                    .as("last attempt by %s", now)
                    .isEqualTo(scans.lastAttemptStartedBy(environment, now));

            int build = 1 + random.nextInt(80);
            Optional<String> fingerprint = lookUp % 3 == 0 ? Optional.of("AB" + (build % 29)) : Optional.empty();
            Optional<String> commit = lookUp % 3 == 1 ? Optional.of("c0ffee" + (build % 19)) : Optional.empty();
            OptionalInt number = lookUp % 3 == 2 ? OptionalInt.of(build) : OptionalInt.empty();
            Optional<SuccessfulDeploy> found = ledger.lastSuccessOfCandidate(environment, fingerprint, commit, number);
            Optional<SuccessfulDeploy> scanned = scans.lastSuccessOfCandidate(environment, fingerprint, commit, number);
            assertThat(found.map(SuccessfulDeploy::matchedBy)).isEqualTo(scanned.map(SuccessfulDeploy::matchedBy));
            Optional<Instant> latestMatchStart = stored.stream()
                    .filter(r -> r.getOutcome() == SUCCESS
                            && r.getEnvironment().equals(environment)
                            && SuccessfulDeploy.matchedBy(r, fingerprint, commit, number)
                                    .isPresent())
                    .map(DeployRecord::getStartedAt)
                    .max(Comparator.naturalOrder());
            assertThat(found.map(SuccessfulDeploy::startedAt)).isEqualTo(latestMatchStart);

            // only some sources trusted: the store's index by source answers as the scan that filters by source
            EnumSet<DeploySource> some = EnumSet.noneOf(DeploySource.class);
            for (DeploySource source : DeploySource.values()) {
                if (random.nextBoolean()) {
                    some.add(source);
                }
            }
            if (some.isEmpty()) {
                some.add(DeploySource.DEPLOY_TO_STAGING);
            }
            TrustedSources trusted = TrustedSources.of(some);
            Optional<SuccessfulDeploy> trustedFound =
                    ledger.lastSuccessOfCandidate(environment, fingerprint, commit, number, trusted);
            Optional<SuccessfulDeploy> trustedScanned =
                    scans.lastSuccessOfCandidate(environment, fingerprint, commit, number, trusted);
            assertThat(trustedFound.map(SuccessfulDeploy::matchedBy))
                    .as("trusting %s", trusted)
                    .isEqualTo(trustedScanned.map(SuccessfulDeploy::matchedBy));
            assertThat(trustedFound.map(SuccessfulDeploy::startedAt))
                    .as("trusting %s", trusted)
                    .isEqualTo(stored.stream()
                            .filter(r -> r.getOutcome() == SUCCESS
                                    && r.getEnvironment().equals(environment)
                                    && trusted.trusts(r)
                                    && SuccessfulDeploy.matchedBy(r, fingerprint, commit, number)
                                            .isPresent())
                            .map(DeployRecord::getStartedAt)
                            .max(Comparator.naturalOrder()));
            trustedFound.ifPresent(match -> assertThat(trusted.trusts(match.source()))
                    .as("source %s", match.source())
                    .isTrue());
            if (trusted.isAll()) {
                assertThat(trustedFound).isEqualTo(found);
            }
        }
    }

    static DeployRecord at(int build, Instant startedAt) {
        return DeployRecord.builder("staging", "folder/app", build)
                .outcome(SUCCESS)
                .startedAt(startedAt)
                .duration(Duration.ofSeconds(30))
                .build();
    }

    static List<Integer> builds(List<DeployRecord> records) {
        return records.stream().map(DeployRecord::getBuildNumber).toList();
    }
}
