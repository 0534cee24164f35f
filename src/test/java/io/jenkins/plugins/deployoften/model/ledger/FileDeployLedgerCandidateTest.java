package io.jenkins.plugins.deployoften.model.ledger;

import static io.jenkins.plugins.deployoften.model.ledger.SummaryHistories.T0;
import static io.jenkins.plugins.deployoften.model.ledger.SummaryHistories.randomHistory;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deployoften.model.DeployLedger;
import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import io.jenkins.plugins.deployoften.model.LedgerRead;
import io.jenkins.plugins.deployoften.model.SuccessfulDeploy;
import io.jenkins.plugins.deployoften.model.TrustedSources;
import io.jenkins.plugins.deployoften.model.gate.CandidateIdentity;
import io.jenkins.plugins.deployoften.model.gate.Finding;
import io.jenkins.plugins.deployoften.model.gate.GateDecision;
import io.jenkins.plugins.deployoften.model.gate.GatePolicy;
import io.jenkins.plugins.deployoften.model.gate.GateRule;
import io.jenkins.plugins.deployoften.model.gate.GateStatus;
import io.jenkins.plugins.deployoften.model.gate.RuleVerdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The candidate look-up answered from the summary: the same gate decisions as the scan of the records in memory,
 * on random histories; the deploy it names is the matching one that started last; and it does not scan.
 */
public class FileDeployLedgerCandidateTest {
    /**
     * The rules that look back through the whole history (the window rules read through readSince, which these
     * histories, out of start order and all recorded at one instant, do not suit).
     */
    private static final GatePolicy ALL_RULES =
            GatePolicy.builder().frequentEnabled(false).build();

    private static final GatePolicy CANDIDATE_ONLY = GatePolicy.builder()
            .freshEnabled(false)
            .frequentEnabled(false)
            .healthyEnabled(false)
            .failureRateEnabled(false)
            .build();

    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();

    @After
    public void noScanListener() {
        LedgerSummaryFile.onScan(null);
    }

    @Test
    public void gateDecisionsAreTheSameWithTheSummaryAsWithTheScan() throws IOException {
        for (int seed = 0; seed < 12; seed++) {
            List<DeployRecord> records = randomHistory(100 + seed, 200 + 150 * seed);
            // appended in start order, the last started is the last appended: every verdict is the same text
            List<DeployRecord> inStartOrder = new ArrayList<>(records);
            inStartOrder.sort(LedgerSummary.START_ORDER);
            for (List<DeployRecord> appended : List.of(records, inStartOrder)) {
                boolean sameText = appended == inStartOrder;
                FileDeployLedger ledger = ledgerOf(appended);
                LedgerRead all = new LedgerRead(appended, 0);
                Random random = new Random(seed);
                for (int i = 0; i < 150; i++) {
                    EnvironmentName environment = EnvironmentName.of(
                            SummaryHistories.ENVIRONMENTS.get(random.nextInt(SummaryHistories.ENVIRONMENTS.size())));
                    CandidateIdentity candidate = randomCandidate(random, appended.size());
                    Instant now = randomNow(random, appended);
                    String what = "seed " + seed + ", " + environment + ", " + candidate + ", now " + now;

                    GateDecision fromSummary =
                            ALL_RULES.evaluate(ledger, environment, candidate, now, Optional.empty());
                    GateDecision fromScan = ALL_RULES.evaluate(all, environment, candidate, now, Optional.empty());
                    assertThat(fromSummary.getStatus()).as(what).isEqualTo(fromScan.getStatus());
                    assertThat(fromSummary.failedRules()).as(what).isEqualTo(fromScan.failedRules());
                    for (int v = 0; v < fromScan.getVerdicts().size(); v++) {
                        RuleVerdict summaryVerdict = fromSummary.getVerdicts().get(v);
                        RuleVerdict scanVerdict = fromScan.getVerdicts().get(v);
                        if (sameText || scanVerdict.getRule() != GateRule.CANDIDATE_PRACTISED) {
                            assertThat(summaryVerdict).as(what).isEqualTo(scanVerdict);
                        } else {
                            assertThat(summaryVerdict.getStatus()).as(what).isEqualTo(scanVerdict.getStatus());
                        }
                    }
                }
            }
        }
    }

    @Test
    public void theLookUpNamesTheMatchThatStartedLastAndTheDefaultTheOneAppendedLast() throws IOException {
        for (int seed = 0; seed < 8; seed++) {
            List<DeployRecord> records = randomHistory(200 + seed, 1500);
            FileDeployLedger ledger = ledgerOf(records);
            DeployLedger scanning = new DefaultsOnlyLedger(ledger);
            Random random = new Random(seed);
            for (int i = 0; i < 300; i++) {
                EnvironmentName environment = EnvironmentName.of(
                        SummaryHistories.ENVIRONMENTS.get(random.nextInt(SummaryHistories.ENVIRONMENTS.size())));
                CandidateIdentity candidate = randomCandidate(random, records.size());
                Optional<String> fingerprint = candidate.getArtifactFingerprint();
                Optional<String> commit = candidate.getCommit();
                OptionalInt build = candidate.getBuildNumber();
                List<DeployRecord> matches = records.stream()
                        .filter(r -> r.getOutcome() == DeployOutcome.SUCCESS
                                && r.getEnvironment().equals(environment)
                                && candidate.matchedBy(r).isPresent())
                        .toList();
                Optional<SuccessfulDeploy> startedLast =
                        matches.stream().max(LedgerSummary.START_ORDER).map(r -> practised(r, candidate));
                Optional<SuccessfulDeploy> appendedLast = matches.isEmpty()
                        ? Optional.empty()
                        : Optional.of(practised(matches.get(matches.size() - 1), candidate));
                String what = "seed " + seed + ", " + environment + ", " + candidate;
                assertThat(ledger.lastSuccessOfCandidate(environment, fingerprint, commit, build))
                        .as(what)
                        .isEqualTo(startedLast);
                assertThat(scanning.lastSuccessOfCandidate(environment, fingerprint, commit, build))
                        .as(what)
                        .isEqualTo(appendedLast);
            }
        }
    }

    @Test
    public void aSummaryTailDamagedOnDiskFailsNoLookUpAndIsRebuilt() throws IOException {
        List<DeployRecord> records = randomHistory(400, 1500);
        FileDeployLedger ledger = ledgerOf(records);
        EnvironmentName production = EnvironmentName.of("production");
        ledger.lastSuccessOfCandidate(production, Optional.empty(), Optional.of("c0ffee1"), OptionalInt.empty());
        Path file = ledger.getFile().getParent().resolve(LedgerSummaryFile.FILE_NAME);
        byte[] stored = Files.readAllBytes(file);
        int headLength = LedgerSummaryFormat.headLength(stored);
        assertThat(headLength).isPositive().isLessThan(stored.length / 2);

        for (boolean headInMemory : new boolean[] {false, true}) {
            FileDeployLedger.forgetSummariesInMemory();
            Files.write(file, stored);
            if (headInMemory) { // read before the damage: as when another writer replaces the file after the head
                ledger.lastSuccessStartedBy(production, T0.plus(Duration.ofDays(3650)));
            }
            byte[] damaged = stored.clone();
            int at = headLength + (stored.length - headLength) / 2;
            damaged[at] = (byte) (damaged[at] == '1' ? '2' : '1');
            Files.write(file, damaged);
            if (!headInMemory) {
                assertThat(new LedgerSummaryFile(ledger.getFile().getParent()).read())
                        .as("the head is read alone, and it is intact")
                        .isPresent();
            }

            Random random = new Random(400);
            for (int i = 0; i < 50; i++) {
                CandidateIdentity candidate = randomCandidate(random, records.size());
                Optional<SuccessfulDeploy> startedLast = records.stream()
                        .filter(r -> r.getOutcome() == DeployOutcome.SUCCESS
                                && r.getEnvironment().equals(production)
                                && candidate.matchedBy(r).isPresent())
                        .max(LedgerSummary.START_ORDER)
                        .map(r -> practised(r, candidate));
                assertThat(ledger.lastSuccessOfCandidate(
                                production,
                                candidate.getArtifactFingerprint(),
                                candidate.getCommit(),
                                candidate.getBuildNumber()))
                        .as("%s, head in memory: %s", candidate, headInMemory)
                        .isEqualTo(startedLast);
            }
            LedgerSummaryFile.flushUnwritten();
            assertThat(Files.readAllBytes(file)).as("rebuilt and stored again").isEqualTo(stored);
        }
    }

    @Test
    public void aNeverDeployedCandidateIsCheckedWithoutAScanOnceTheSummaryIsBuilt() throws IOException {
        List<DeployRecord> records = randomHistory(300, 3000);
        FileDeployLedger ledger = ledgerOf(records);
        EnvironmentName staging = EnvironmentName.of("staging");
        CandidateIdentity never =
                CandidateIdentity.ofBuild(999_999).withCommit("never-deployed").withArtifactFingerprint("00ff00");
        NoScanLedger noScan = new NoScanLedger(ledger);

        GateDecision first = CANDIDATE_ONLY.evaluate(noScan, staging, never, T0.plus(Duration.ofDays(3650)), none());
        assertThat(first.failedRules()).containsExactly(GateRule.CANDIDATE_PRACTISED);

        // appends after the summary was built are caught up, still without a scan
        DeployRecord deployed = DeployRecord.builder("staging", "folder/app", 999_999)
                .outcome(DeployOutcome.SUCCESS)
                .startedAt(T0.plus(Duration.ofDays(1000)))
                .duration(Duration.ofMinutes(3))
                .commit("never-deployed")
                .build();
        ledger.append(deployed);
        GateDecision after = CANDIDATE_ONLY.evaluate(noScan, staging, never, T0.plus(Duration.ofDays(3650)), none());
        assertThat(after.getStatus()).isEqualTo(GateStatus.PASS);
        assertThat(candidateVerdict(after).getFindings())
                .singleElement()
                .isInstanceOfSatisfying(Finding.CandidateDeployed.class, found -> {
                    assertThat(found.buildNumber()).isEqualTo(999999);
                    assertThat(found.matchedBy()).isEqualTo(CandidateIdentity.Kind.COMMIT);
                });
        assertThat(noScan.findLastCalls.get()).isZero();
    }

    @Test
    public void aMatchStartedAfterNowIsLookedForAgainAmongTheDeploysThatCount() throws IOException {
        EnvironmentName staging = EnvironmentName.of("staging");
        List<DeployRecord> records = List.of(
                success(7, "abc", T0),
                success(9, "abc", T0.plus(Duration.ofDays(30))), // from the future: a skewed clock wrote it
                success(8, "other", T0.plus(Duration.ofDays(1))));
        FileDeployLedger ledger = ledgerOf(records);
        CandidateIdentity candidate = CandidateIdentity.none().withCommit("ABC");
        Instant now = T0.plus(Duration.ofDays(2));
        GateDecision decision = CANDIDATE_ONLY.evaluate(ledger, staging, candidate, now, none());
        assertThat(decision)
                .isEqualTo(CANDIDATE_ONLY.evaluate(new LedgerRead(records, 0), staging, candidate, now, none()));
        assertThat(decision.getStatus()).isEqualTo(GateStatus.PASS);
        assertThat(candidateVerdict(decision).getFindings())
                .singleElement()
                .isInstanceOfSatisfying(Finding.CandidateDeployed.class, found -> {
                    assertThat(found.buildNumber()).isEqualTo(7);
                    assertThat(found.matchedBy()).isEqualTo(CandidateIdentity.Kind.COMMIT);
                });

        Instant before = T0.minus(Duration.ofDays(1));
        assertThat(CANDIDATE_ONLY
                        .evaluate(ledger, staging, candidate, before, none())
                        .getStatus())
                .isEqualTo(GateStatus.BLOCK);
    }

    @Test
    public void anUnusableSummaryFallsBackToTheScan() throws IOException {
        List<DeployRecord> records = randomHistory(400, 500);
        Path job = temporary.newFolder().toPath();
        Files.createDirectory(job.resolve(LedgerSummaryFile.FILE_NAME)); // cannot be read nor replaced
        FileDeployLedger ledger = ledgerIn(job, records);
        FileDeployLedger.forgetSummariesInMemory();
        // and no rebuild succeeds, so not even a summary in memory can be had
        LedgerSummaryFile.onScan(file -> {
            throw new UncheckedIOException(new IOException("unreadable"));
        });
        DeployLedger scanning = new DefaultsOnlyLedger(ledger);
        Random random = new Random(400);
        for (int i = 0; i < 100; i++) {
            EnvironmentName environment = EnvironmentName.of(
                    SummaryHistories.ENVIRONMENTS.get(random.nextInt(SummaryHistories.ENVIRONMENTS.size())));
            CandidateIdentity candidate = randomCandidate(random, records.size());
            assertThat(ledger.lastSuccessOfCandidate(
                            environment,
                            candidate.getArtifactFingerprint(),
                            candidate.getCommit(),
                            candidate.getBuildNumber()))
                    .isEqualTo(scanning.lastSuccessOfCandidate(
                            environment,
                            candidate.getArtifactFingerprint(),
                            candidate.getCommit(),
                            candidate.getBuildNumber()));
        }
    }

    private static RuleVerdict candidateVerdict(GateDecision decision) {
        return decision.getVerdicts().stream()
                .filter(v -> v.getRule() == GateRule.CANDIDATE_PRACTISED)
                .findFirst()
                .orElseThrow();
    }

    private static Optional<io.jenkins.plugins.deployoften.model.gate.GateOverride> none() {
        return Optional.empty();
    }

    private static DeployRecord success(int build, String commit, Instant started) {
        return DeployRecord.builder("staging", "folder/app", build)
                .outcome(DeployOutcome.SUCCESS)
                .startedAt(started)
                .duration(Duration.ofMinutes(3))
                .commit(commit)
                .build();
    }

    private static SuccessfulDeploy practised(DeployRecord record, CandidateIdentity candidate) {
        return SuccessfulDeploy.of(
                record,
                SuccessfulDeploy.MatchedBy.valueOf(
                        candidate.matchedBy(record).orElseThrow().name()));
    }

    /** Commits, fingerprints and builds from the generator's pools and beyond them, in either case, any subset. */
    private static CandidateIdentity randomCandidate(Random random, int size) {
        CandidateIdentity candidate = CandidateIdentity.none();
        do {
            if (random.nextBoolean()) {
                String commit = "c0ffee" + random.nextInt(80);
                candidate = candidate.withCommit(random.nextBoolean() ? commit : commit.toUpperCase(Locale.ROOT));
            }
            if (random.nextBoolean()) {
                String fingerprint = "ab" + random.nextInt(50) + "cd";
                candidate = candidate.withArtifactFingerprint(
                        random.nextBoolean() ? fingerprint : fingerprint.toUpperCase(Locale.ROOT));
            }
            if (random.nextBoolean()) {
                candidate = candidate.withBuildNumber(1 + random.nextInt(Math.max(10, size / 4) + 20));
            }
        } while (candidate.isEmpty());
        return candidate;
    }

    /** Mostly inside the history, so some deploys started after it; sometimes after all of it. */
    private static Instant randomNow(Random random, List<DeployRecord> records) {
        Instant last = records.stream()
                .map(DeployRecord::getStartedAt)
                .max(Comparator.naturalOrder())
                .orElseThrow();
        if (random.nextInt(4) == 0) {
            return last.plus(Duration.ofDays(random.nextInt(3)));
        }
        long span = Duration.between(T0, last).toMinutes();
        return T0.plus(Duration.ofMinutes((long) (random.nextDouble() * span)));
    }

    private FileDeployLedger ledgerOf(List<DeployRecord> records) throws IOException {
        return ledgerIn(temporary.newFolder().toPath(), records);
    }

    /**
     * The same bytes the ledger's appends would write, without the summary each of them writes (milliseconds per
     * append, which these thousands of records do not need): the summary is rebuilt by the first read, as it would
     * be for a ledger an older version wrote. LedgerSummaryAppendTest shows both summaries are the same.
     */
    private static FileDeployLedger ledgerIn(Path job, List<DeployRecord> records) throws IOException {
        JsonLinesFile lines =
                new JsonLinesFile(job, FileDeployLedger.FILE_NAME, FileDeployLedger.LOCK_FILE_NAME, false);
        for (DeployRecord record : records) {
            lines.append(LedgerLineFormat.encode(record, T0));
        }
        return new FileDeployLedger(job, Clock.fixed(T0, ZoneOffset.UTC), FileDeployLedger.Durability.OS_BUFFERED);
    }

    /** The summary's look-up, and a findLast that fails the test. */
    private static final class NoScanLedger extends DefaultsOnlyLedger {
        final AtomicInteger findLastCalls = new AtomicInteger();

        NoScanLedger(DeployLedger ledger) {
            super(ledger);
        }

        @Override
        public Optional<DeployRecord> findLast(Predicate<DeployRecord> matching) {
            findLastCalls.incrementAndGet();
            throw new AssertionError("the candidate rule scanned the ledger");
        }

        @Override
        public Optional<SuccessfulDeploy> lastSuccessOfCandidate(
                EnvironmentName environment,
                Optional<String> artifactFingerprint,
                Optional<String> commit,
                OptionalInt buildNumber,
                TrustedSources trusted)
                throws IOException {
            return ledger.lastSuccessOfCandidate(environment, artifactFingerprint, commit, buildNumber, trusted);
        }
    }
}
