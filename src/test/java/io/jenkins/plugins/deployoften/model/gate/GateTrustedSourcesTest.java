package io.jenkins.plugins.deployoften.model.gate;

import static io.jenkins.plugins.deployoften.model.gate.GateFixtures.NOW;
import static io.jenkins.plugins.deployoften.model.gate.GateFixtures.STAGING;
import static io.jenkins.plugins.deployoften.model.gate.GateFixtures.days;
import static io.jenkins.plugins.deployoften.model.gate.GateFixtures.verdictOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deployoften.model.DeployLedger;
import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.DeploySource;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import io.jenkins.plugins.deployoften.model.LedgerRead;
import io.jenkins.plugins.deployoften.model.SuccessfulDeploy;
import io.jenkins.plugins.deployoften.model.TrustedSources;
import io.jenkins.plugins.deployoften.model.ledger.FileDeployLedger;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedSet;
import java.util.function.Predicate;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Issue 12, finding 3: a build's own {@code recordDeploy} must not make the gate pass when it is not trusted. */
public class GateTrustedSourcesTest {
    private static final TrustedSources STAGING_STEP_ONLY = TrustedSources.of(Set.of(DeploySource.DEPLOY_TO_STAGING));
    private static final CandidateIdentity CANDIDATE = CandidateIdentity.none().withCommit("abc123");

    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();

    private static DeployRecord record(
            int build, DeployOutcome outcome, Duration ago, String commit, DeploySource source) {
        return GateFixtures.staging(build, outcome, ago, commit, source);
    }

    /** An old real deploy, then the candidate's build writes SUCCESS for its own commit with recordDeploy. */
    private static DeployRecord[] forgedHistory() {
        return new DeployRecord[] {
            record(10, DeployOutcome.SUCCESS, days(40), "old", DeploySource.DEPLOY_TO_STAGING),
            record(42, DeployOutcome.SUCCESS, days(1), "abc123", DeploySource.RECORD_DEPLOY),
        };
    }

    private FileDeployLedger ledgerWith(DeployRecord... records) throws IOException {
        Path directory = temporary.newFolder().toPath();
        for (DeployRecord record : records) {
            new FileDeployLedger(
                            directory,
                            Clock.fixed(record.getEndedAt(), ZoneOffset.UTC),
                            FileDeployLedger.Durability.FORCED)
                    .append(record);
        }
        return new FileDeployLedger(directory);
    }

    private static GateDecision decide(DeployLedger ledger, TrustedSources trusted) throws IOException {
        return GateEvaluator.evaluate(
                GatePolicy.defaults(), ledger, STAGING, CANDIDATE, NOW, Optional.empty(), Set.of(), trusted);
    }

    @Test
    public void byDefaultAForgedRecordDeployPassesTheGateAsBefore() throws IOException {
        GateDecision decision = decide(ledgerWith(forgedHistory()), TrustedSources.ALL);

        // the default trusts every source: nothing changes, but the audit line says where the evidence came from
        assertThat(verdictOf(decision, GateRule.CANDIDATE_PRACTISED)
                        .orElseThrow()
                        .getStatus())
                .isEqualTo(RuleStatus.PASS);
        assertThat(GateFixtures.explanation(decision, GateRule.CANDIDATE_PRACTISED))
                .endsWith("by build #42 (same commit), recorded by recordDeploy");
        assertThat(GateFixtures.explanation(decision, GateRule.FRESH)).endsWith(", recorded by recordDeploy");
        assertThat(decision.getTrustedSources()).isEqualTo(TrustedSources.ALL);
    }

    @Test
    public void restrictedToDeployToStagingARecordDeploySuccessNeitherPractisesTheCandidateNorFreshens()
            throws IOException {
        FileDeployLedger ledger = ledgerWith(forgedHistory());

        GateDecision decision = decide(ledger, STAGING_STEP_ONLY);

        assertThat(decision.getStatus()).isEqualTo(GateStatus.BLOCK);
        RuleVerdict candidate =
                verdictOf(decision, GateRule.CANDIDATE_PRACTISED).orElseThrow();
        assertThat(candidate.getStatus()).isEqualTo(RuleStatus.FAIL);
        assertThat(GateFixtures.explanation(decision, GateRule.CANDIDATE_PRACTISED))
                .isEqualTo("the release candidate (commit abc123) was never deployed successfully to staging"
                        + " (counting only records of deployToStaging)");
        RuleVerdict fresh = verdictOf(decision, GateRule.FRESH).orElseThrow();
        assertThat(fresh.getStatus()).isEqualTo(RuleStatus.FAIL);
        assertThat(GateFixtures.explanation(decision, GateRule.FRESH))
                .isEqualTo("no successful staging deploy from a trusted source in the last 28 days"
                        + " (counting only records of deployToStaging)");
        assertThat(decision.getTrustedSources()).isEqualTo(STAGING_STEP_ONLY);
        // records already in memory decide alike
        assertThat(GateEvaluator.evaluate(
                        GatePolicy.defaults(),
                        new LedgerRead(List.of(forgedHistory()), 0),
                        STAGING,
                        CANDIDATE,
                        NOW,
                        Optional.empty(),
                        STAGING_STEP_ONLY))
                .isEqualTo(decision);
    }

    @Test
    public void aTrustedDeployOfTheCandidateStillPassesAndIsNamed() throws IOException {
        FileDeployLedger ledger = ledgerWith(
                record(41, DeployOutcome.SUCCESS, days(3), "abc123", DeploySource.DEPLOY_TO_STAGING),
                record(42, DeployOutcome.SUCCESS, days(2), "abc123", DeploySource.RECORD_DEPLOY),
                record(43, DeployOutcome.SUCCESS, days(1), "other", DeploySource.DEPLOY_TO_STAGING));

        GateDecision decision = decide(ledger, STAGING_STEP_ONLY);

        assertThat(decision.getStatus()).isEqualTo(GateStatus.PASS);
        // the later recordDeploy of the same commit is passed over: build #41 is the evidence
        assertThat(GateFixtures.explanation(decision, GateRule.CANDIDATE_PRACTISED))
                .isEqualTo("the release candidate (commit abc123) was deployed successfully to staging by build #41"
                        + " (same commit), recorded by deployToStaging (counting only records of deployToStaging)");
        assertThat(GateFixtures.explanation(decision, GateRule.FRESH))
                .startsWith("last successful staging deploy (build #43) was 1 day ago");
    }

    @Test
    public void untrustedRecordsCountForNoWindowRule() throws IOException {
        // three trusted successes, then the newest three (untrusted) failures and two untrusted successes
        FileDeployLedger ledger = ledgerWith(
                record(1, DeployOutcome.SUCCESS, days(10), "a", DeploySource.DEPLOY_TO_STAGING),
                record(2, DeployOutcome.SUCCESS, days(9), "b", DeploySource.DEPLOY_TO_STAGING),
                record(3, DeployOutcome.SUCCESS, days(8), "abc123", DeploySource.DEPLOY_TO_STAGING),
                record(4, DeployOutcome.SUCCESS, days(7), "c", DeploySource.RECORD_DEPLOY),
                record(5, DeployOutcome.SUCCESS, days(6), "d", DeploySource.RECORD_DEPLOY),
                record(6, DeployOutcome.FAILURE, days(3), "e", DeploySource.RECORD_DEPLOY),
                record(7, DeployOutcome.FAILURE, days(2), "f", DeploySource.RECORD_DEPLOY),
                record(8, DeployOutcome.FAILURE, days(1), "g", DeploySource.RECORD_DEPLOY));
        GatePolicy policy = GatePolicy.builder()
                .frequentMinDeploys(4)
                .failureRateEnabled(true)
                .build();

        GateDecision all = GateEvaluator.evaluate(
                policy, ledger, STAGING, CANDIDATE, NOW, Optional.empty(), Set.of(), TrustedSources.ALL);
        GateDecision trusted = GateEvaluator.evaluate(
                policy, ledger, STAGING, CANDIDATE, NOW, Optional.empty(), Set.of(), STAGING_STEP_ONLY);

        // every record: the three newest failed, 5 successes in the window, 3 of 8 failed
        assertThat(verdictOf(all, GateRule.HEALTHY).orElseThrow().getStatus()).isEqualTo(RuleStatus.FAIL);
        assertThat(verdictOf(all, GateRule.FREQUENT).orElseThrow().getStatus()).isEqualTo(RuleStatus.PASS);
        // trusted only: no failure at all, and 3 successes are fewer than 4
        RuleVerdict healthy = verdictOf(trusted, GateRule.HEALTHY).orElseThrow();
        assertThat(healthy.getStatus()).isEqualTo(RuleStatus.PASS);
        assertThat(GateFixtures.explanation(healthy)).contains("0.0% (0 of 3 completed deploys");
        RuleVerdict frequent = verdictOf(trusted, GateRule.FREQUENT).orElseThrow();
        assertThat(frequent.getStatus()).isEqualTo(RuleStatus.FAIL);
        assertThat(GateFixtures.explanation(frequent)).contains("3 successful");
        assertThat(GateFixtures.explanation(trusted, GateRule.FRESH)).contains("(build #3) was 8 days ago");
    }

    @Test
    public void restrictedTheGateReadsOneWindowAndTheCandidateIndexNeverTheWholeHistory() throws IOException {
        FileDeployLedger ledger = ledgerWith(
                record(1, DeployOutcome.SUCCESS, days(400), "abc123", DeploySource.DEPLOY_TO_STAGING),
                record(2, DeployOutcome.SUCCESS, days(1), "abc123", DeploySource.RECORD_DEPLOY),
                record(3, DeployOutcome.SUCCESS, days(1), "other", DeploySource.DEPLOY_TO_STAGING));
        NoScanLedger noScan = new NoScanLedger(ledger);

        GateDecision decision = decide(noScan, STAGING_STEP_ONLY);

        // the candidate was practised by a trusted deploy 400 days ago, far outside any window: found by the index
        assertThat(GateFixtures.explanation(decision, GateRule.CANDIDATE_PRACTISED))
                .contains("by build #1 (same commit), recorded by deployToStaging");
        assertThat(verdictOf(decision, GateRule.CANDIDATE_PRACTISED)
                        .orElseThrow()
                        .getStatus())
                .isEqualTo(RuleStatus.PASS);
        assertThat(noScan.windowsRead).containsExactly(NOW.minus(days(28)));
    }

    @Test
    public void theAuditLineKeepsTheTrustedSourcesAndAnOlderLineReadsAsAll() throws IOException {
        GateDecision decision = decide(ledgerWith(forgedHistory()), STAGING_STEP_ONLY);
        GateAuditEntry entry = new GateAuditEntry("folder/app", 43, decision);

        String line = new String(GateJson.encodeAudit(entry), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(line).contains("\"trustedSources\":\"deployToStaging\"");
        assertThat(GateFixtures.asLines(
                        GateJson.decodeAudit(line.strip().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                                .orElseThrow()))
                .containsExactly(line);
        String older = line.strip().replace(",\"trustedSources\":\"deployToStaging\"", "");
        assertThat(GateJson.decodeAudit(older.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .orElseThrow()
                        .decision()
                        .getTrustedSources())
                .isEqualTo(TrustedSources.ALL);
        String all = new String(
                GateJson.encodeAudit(new GateAuditEntry("folder/app", 44, decide(ledgerWith(), TrustedSources.ALL))),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(all).contains("\"trustedSources\":\"all\"");
    }

    /** Answers reads by window and by index; a scan of the whole history fails the test. */
    private static final class NoScanLedger implements DeployLedger {
        private final FileDeployLedger ledger;
        final List<Instant> windowsRead = new java.util.ArrayList<>();

        NoScanLedger(FileDeployLedger ledger) {
            this.ledger = ledger;
        }

        @Override
        public LedgerRead readSince(Instant from) throws IOException {
            windowsRead.add(from);
            return ledger.readSince(from);
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

        @Override
        public Optional<DeployRecord> firstStarted(EnvironmentName environment) throws IOException {
            return ledger.firstStarted(environment);
        }

        @Override
        public SortedSet<EnvironmentName> environments() throws IOException {
            return ledger.environments();
        }

        @Override
        public Optional<DeployRecord> findLast(Predicate<DeployRecord> matching) {
            throw new AssertionError("the gate scanned the whole history");
        }

        @Override
        public LedgerRead readAll() {
            throw new AssertionError("the gate read the whole history");
        }

        @Override
        public void append(DeployRecord record) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<DeployRecord> readRecent(int skip, int limit) {
            throw new AssertionError("the gate read pages of the history");
        }

        @Override
        public String version() throws IOException {
            return ledger.version();
        }

        @Override
        public Compaction compact(Instant horizon) {
            throw new UnsupportedOperationException();
        }
    }
}
