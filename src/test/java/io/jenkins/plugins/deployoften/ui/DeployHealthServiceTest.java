package io.jenkins.plugins.deployoften.ui;

import static io.jenkins.plugins.deployoften.model.StatisticsFixtures.record;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deployoften.model.DeployLedger;
import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import io.jenkins.plugins.deployoften.model.LedgerRead;
import io.jenkins.plugins.deployoften.model.gate.CandidateIdentity;
import io.jenkins.plugins.deployoften.model.gate.GateAuditEntry;
import io.jenkins.plugins.deployoften.model.gate.GateAuditGlance;
import io.jenkins.plugins.deployoften.model.gate.GateAuditLog;
import io.jenkins.plugins.deployoften.model.gate.GateEvaluator;
import io.jenkins.plugins.deployoften.model.gate.GateOverride;
import io.jenkins.plugins.deployoften.model.gate.GatePolicy;
import io.jenkins.plugins.deployoften.model.ledger.FileDeployLedger;
import io.jenkins.plugins.deployoften.model.view.DeployHealthSnapshot;
import io.jenkins.plugins.deployoften.model.view.DeployHealthView;
import io.jenkins.plugins.deployoften.model.view.EnglishBadgeTexts;
import io.jenkins.plugins.deployoften.model.view.RecentDeploys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The cache that makes badges and page rows cheap: kept while the ledger and the audit trail are unchanged and
 * the ISO week (UTC) is the same, midnight included, with the view moved on to each request's time.
 */
public class DeployHealthServiceTest {
    private static final Instant T0 = Instant.parse("2026-06-04T12:00:00Z");

    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();

    private Instant now = T0;

    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    private FileDeployLedger file;
    private CountingLedger ledger;
    private GateAuditLog audit;
    private int auditReads;
    private DeployHealthService.AuditSource auditSource;

    @Before
    public void createFiles() throws IOException {
        file = new FileDeployLedger(temporary.newFolder("job").toPath());
        ledger = new CountingLedger(file);
        audit = new GateAuditLog(file.getFile().getParent());
        auditSource = new DeployHealthService.AuditSource() {
            @Override
            public String version() throws IOException {
                return audit.version();
            }

            @Override
            public GateAuditGlance glance(int lines) throws IOException {
                auditReads++;
                return audit.glance(lines);
            }
        };
    }

    private static DeployRecord success(int build, Instant started) {
        return DeployRecord.builder("staging", "app", build)
                .outcome(DeployOutcome.SUCCESS)
                .startedAt(started)
                .build();
    }

    @Test
    public void aCachedViewIsReusedWithItsAgesMovedOn() throws Exception {
        file.append(success(1, T0.minus(Duration.ofHours(1))));
        DeployHealthService service = new DeployHealthService(clock);

        DeployHealthService.Summary first = service.summaryOf("app", ledger, auditSource);
        now = T0.plus(Duration.ofHours(2));
        DeployHealthService.Summary later = service.summaryOf("app", ledger, auditSource);

        assertThat(later.view.getStatistics().getWindow().getNow()).isEqualTo(now);
        assertThat(auditReads).isEqualTo(1);
        assertThat(HealthWords.of(first.view).getLastSuccess()).isEqualTo("1 h ago");
        assertThat(HealthWords.of(later.view).getLastSuccess()).isEqualTo("3 h ago");
        assertThat(later.view
                        .badge("last", EnglishBadgeTexts.ENGLISH)
                        .orElseThrow()
                        .value())
                .isEqualTo("3h ago");
    }

    @Test
    public void anAppendANewGateDecisionOrANewWeekRecomputes() throws Exception {
        file.append(success(1, T0.minus(Duration.ofHours(1))));
        DeployHealthService service = new DeployHealthService(clock);
        DeployHealthService.Summary first = service.summaryOf("app", ledger, auditSource);

        file.append(success(2, T0.minusSeconds(10)));
        DeployHealthService.Summary afterAppend = service.summaryOf("app", ledger, auditSource);
        assertThat(afterAppend.view.getStatistics()).isNotSameAs(first.view.getStatistics());
        assertThat(afterAppend.view.getStatistics().getSuccessful()).isEqualTo(2);

        audit.append(new GateAuditEntry(
                "app",
                3,
                GateEvaluator.evaluate(
                        GatePolicy.defaults(),
                        new LedgerRead(List.of(), 0),
                        EnvironmentName.of("staging"),
                        CandidateIdentity.none(),
                        T0,
                        Optional.of(new GateOverride(
                                "alice", "hotfix INC-42", T0, CandidateIdentity.ofBuild(3), T0.plusSeconds(3600))))));
        DeployHealthService.Summary afterGate = service.summaryOf("app", ledger, auditSource);
        assertThat(afterGate.view.getStatistics()).isNotSameAs(afterAppend.view.getStatistics());
        assertThat(afterGate.lastOverride).isEqualTo("alice: hotfix INC-42");

        now = Instant.parse("2026-06-05T00:00:01Z");
        service.summaryOf("app", ledger, auditSource);
        assertThat(auditReads).as("the next day is served from the cache").isEqualTo(3);

        now = Instant.parse("2026-06-08T00:00:00Z");
        DeployHealthService.Summary nextWeek = service.summaryOf("app", ledger, auditSource);
        assertThat(nextWeek.view.getStatistics().getWindow().getStart())
                .isEqualTo(Instant.parse("2026-03-23T00:00:00Z"));
        assertThat(auditReads).isEqualTo(4);
    }

    @Test
    public void afterARestartTheHealthIsServedFromItsSnapshotWithoutReadingTheLedgerOrTheAuditTrail() throws Exception {
        file.append(success(1, T0.minus(Duration.ofDays(1))));
        file.append(DeployRecord.builder("staging", "app", 2)
                .outcome(DeployOutcome.FAILURE)
                .startedAt(T0.minus(Duration.ofHours(2)))
                .duration(Duration.ofSeconds(75))
                .build());
        KeptSnapshots snapshots = new KeptSnapshots();
        new DeployHealthService(clock).summaryOf("app", ledger, auditSource, snapshots);
        assertThat(snapshots.writes).isEqualTo(1);
        int ledgerReads = ledger.reads;
        int trailReads = auditReads;

        now = T0.plus(Duration.ofHours(13)); // the next day, the same ISO week
        DeployHealthService.Summary restarted =
                new DeployHealthService(clock).summaryOf("app", ledger, auditSource, snapshots);

        assertThat(ledger.reads).isEqualTo(ledgerReads);
        assertThat(auditReads).isEqualTo(trailReads);
        assertThat(snapshots.writes).isEqualTo(1);
        assertThat(shown(restarted))
                .isEqualTo(shown(new DeployHealthService(clock).summaryOf("app", ledger, auditSource)));
        assertThat(restarted.view.getStatistics().getFailed()).isEqualTo(1);
        assertThat(restarted.environments).singleElement().satisfies(staging -> {
            assertThat(staging.getCurrent().map(DeployRecord::getBuildNumber)).contains(1);
            assertThat(staging.getLastAttempt().map(DeployRecord::getBuildNumber))
                    .contains(2);
            assertThat(staging.isLastAttemptFailed()).isTrue();
        });
    }

    @Test
    public void eachEnvironmentsRecentDeploysAreComputedWithTheHealthAndKeptAcrossARestart() throws Exception {
        file.append(success(1, T0.minus(Duration.ofDays(1))));
        file.append(record("staging", 2, DeployOutcome.FAILURE, T0.minus(Duration.ofHours(2)), Duration.ofSeconds(30)));
        file.append(record("prod", 3, DeployOutcome.SUCCESS, T0.minus(Duration.ofDays(40)), Duration.ofSeconds(30)));
        file.append(record("prod", 4, DeployOutcome.FAILURE, T0.minus(Duration.ofDays(3)), Duration.ofSeconds(30)));
        file.append(record("prod", 5, DeployOutcome.ABORTED, T0.minus(Duration.ofDays(2)), Duration.ofSeconds(30)));
        // staging is shown, so its recent deploys come from its 12-week statistics: in them, not in the last 4 weeks
        file.append(record("staging", 6, DeployOutcome.SUCCESS, T0.minus(Duration.ofDays(35)), Duration.ofSeconds(30)));
        // and started after now: counted by neither
        file.append(record("staging", 7, DeployOutcome.FAILURE, T0.plus(Duration.ofDays(3)), Duration.ofSeconds(30)));
        KeptSnapshots snapshots = new KeptSnapshots();

        DeployHealthService.Summary computed =
                new DeployHealthService(clock).summaryOf("app", ledger, auditSource, snapshots);
        now = T0.plus(Duration.ofHours(13));
        int ledgerReads = ledger.reads;
        DeployHealthService.Summary restarted =
                new DeployHealthService(clock).summaryOf("app", ledger, auditSource, snapshots);

        // the last 4 weeks' completed deploys: prod's of 40 days ago and its aborted one are not counted
        assertThat(computed.view.getStatistics().getEnvironment()).isEqualTo(EnvironmentName.of("staging"));
        assertThat(computed.view.getStatistics().getSuccessful()).isEqualTo(2);
        assertThat(computed.recent)
                .containsExactly(
                        new RecentDeploys(EnvironmentName.of("prod"), 1, 1),
                        new RecentDeploys(EnvironmentName.of("staging"), 2, 1));
        assertThat(restarted.recent).isEqualTo(computed.recent);
        assertThat(ledger.reads).as("served from the snapshot").isEqualTo(ledgerReads);
    }

    @Test
    public void aSnapshotOfAnotherLedgerStateOrADamagedOneIsComputedAfreshAndWrittenAgain() throws Exception {
        file.append(success(1, T0.minus(Duration.ofHours(1))));
        KeptSnapshots snapshots = new KeptSnapshots();
        new DeployHealthService(clock).summaryOf("app", ledger, auditSource, snapshots);

        file.append(success(2, T0.minusSeconds(10)));
        int ledgerReads = ledger.reads;
        DeployHealthService.Summary afterAppend =
                new DeployHealthService(clock).summaryOf("app", ledger, auditSource, snapshots);
        assertThat(ledger.reads).isGreaterThan(ledgerReads);
        assertThat(afterAppend.view.getStatistics().getSuccessful()).isEqualTo(2);
        assertThat(snapshots.writes).isEqualTo(2);

        snapshots.bytes[snapshots.bytes.length / 2] ^= 0x01;
        ledgerReads = ledger.reads;
        DeployHealthService.Summary afterDamage =
                new DeployHealthService(clock).summaryOf("app", ledger, auditSource, snapshots);
        assertThat(ledger.reads).isGreaterThan(ledgerReads);
        assertThat(shown(afterDamage)).isEqualTo(shown(afterAppend));
        assertThat(snapshots.writes).isEqualTo(3);
        assertThat(DeployHealthSnapshot.decode(snapshots.bytes)).isPresent();
    }

    @Test
    public void theHealthFileIsReplacedWholeAndAMissingOneIsNone() throws Exception {
        Path directory = temporary.newFolder("health").toPath();
        DeployHealthService.HealthFile health =
                new DeployHealthService.HealthFile(directory.resolve(DeployHealthService.HealthFile.FILE_NAME));
        assertThat(health.read()).isEmpty();
        health.write(new byte[] {1, 2, 3});
        health.write(new byte[] {4, 5});
        assertThat(health.read()).hasValueSatisfying(bytes -> assertThat(bytes).containsExactly(4, 5));
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .containsExactly(DeployHealthService.HealthFile.FILE_NAME);
        }
        health.delete();
        assertThat(health.read()).isEmpty();
    }

    /** A snapshot store in memory that counts its writes. */
    private static final class KeptSnapshots implements DeployHealthService.SnapshotStore {
        private byte[] bytes;
        private int writes;

        @Override
        public Optional<byte[]> read() {
            return Optional.ofNullable(bytes).map(byte[]::clone);
        }

        @Override
        public void write(byte[] written) {
            bytes = written.clone();
            writes++;
        }
    }

    /** Everything a page, a badge or the API shows of a view. */
    private static List<String> shown(DeployHealthService.Summary summary) throws Exception {
        DeployHealthView view = summary.view;
        HealthWords words = HealthWords.of(view);
        List<String> shown = new ArrayList<>(List.of(
                view.getEnvironment(),
                words.getFrequency(),
                words.getFailureRate(),
                words.getMedianDuration(),
                words.getLastSuccess(),
                words.getRecoveryTime(),
                view.getGateState().name(),
                words.getSummary(),
                String.valueOf(view.getLastSuccessAgeMillis()),
                view.trendChart(ChartWords.labels()).toJson(),
                summary.lastOverride));
        for (String badge : DeployHealthView.badgeNames()) {
            shown.add(view.badge(badge, EnglishBadgeTexts.ENGLISH).orElseThrow().svg());
        }
        DeployStatisticsApi api = new DeployStatisticsApi(view);
        shown.add(api.getDeploysPerWeek() + " " + api.getFrequencyClass() + " " + api.getMillisSinceLastSuccess());
        return shown;
    }

    private void appendTheFirstDeploysOfAJobThatBeganThisWeek() throws IOException {
        file.append(success(1, Instant.parse("2026-06-01T10:00:00Z")));
        file.append(DeployRecord.builder("staging", "app", 2)
                .outcome(DeployOutcome.FAILURE)
                .startedAt(Instant.parse("2026-06-02T08:00:00Z"))
                .build());
        file.append(success(3, Instant.parse("2026-06-02T15:00:00Z")));
    }

    @Test
    public void midnightDoesNotExpireTheCacheAndTheServedViewEqualsAFreshOne() throws Exception {
        appendTheFirstDeploysOfAJobThatBeganThisWeek();
        DeployHealthService service = new DeployHealthService(clock);
        now = Instant.parse("2026-06-02T23:59:00Z");
        DeployHealthService.Summary tuesday = service.summaryOf("app", ledger, auditSource);
        int readsOnTuesday = ledger.reads;
        assertThat(readsOnTuesday).isPositive();

        now = Instant.parse("2026-06-03T00:01:00Z");
        DeployHealthService.Summary wednesday = service.summaryOf("app", ledger, auditSource);

        assertThat(ledger.reads).as("served from the cache").isEqualTo(readsOnTuesday);
        assertThat(auditReads).isEqualTo(1);
        DeployHealthService.Summary fresh = new DeployHealthService(clock).summaryOf("app", ledger, auditSource);
        assertThat(ledger.reads).isGreaterThan(readsOnTuesday);
        assertThat(shown(wednesday)).isEqualTo(shown(fresh));
        assertThat(wednesday.view.getStatistics()).isEqualTo(fresh.view.getStatistics());
        // 2 successes over the days since the first deploy: 2 days on Tuesday, 3 on Wednesday
        assertThat(HealthWords.of(tuesday.view).getFrequency()).startsWith("7.0/week");
        assertThat(HealthWords.of(wednesday.view).getFrequency()).startsWith("4.7/week");
        assertThat(wednesday.view.getStatistics().getDaysSoFar()).isEqualTo(3);
        assertThat(HealthWords.of(wednesday.view).getLastSuccess()).isEqualTo("9 h 1 min ago");

        now = Instant.parse("2026-06-07T23:59:59Z");
        DeployHealthService.Summary sunday = service.summaryOf("app", ledger, auditSource);
        assertThat(ledger.reads).as("still served from the cache").isEqualTo(2 * readsOnTuesday);
        assertThat(shown(sunday))
                .isEqualTo(shown(new DeployHealthService(clock).summaryOf("app", ledger, auditSource)));
    }

    @Test
    public void theNextMondayALedgerChangeOrAClockGoingBackRecomputes() throws Exception {
        appendTheFirstDeploysOfAJobThatBeganThisWeek();
        DeployHealthService service = new DeployHealthService(clock);
        now = Instant.parse("2026-06-02T23:59:00Z");
        service.summaryOf("app", ledger, auditSource);
        int reads = ledger.reads;

        now = Instant.parse("2026-06-08T00:00:00Z");
        DeployHealthService.Summary monday = service.summaryOf("app", ledger, auditSource);
        assertThat(ledger.reads).as("recomputed for the new window").isGreaterThan(reads);
        assertThat(monday.view.getStatistics().getWindow().getStart()).isEqualTo(Instant.parse("2026-03-23T00:00:00Z"));
        assertThat(shown(monday))
                .isEqualTo(shown(new DeployHealthService(clock).summaryOf("app", ledger, auditSource)));

        now = Instant.parse("2026-06-08T10:00:00Z");
        reads = ledger.reads;
        service.summaryOf("app", ledger, auditSource);
        assertThat(ledger.reads).isEqualTo(reads);

        file.append(success(4, Instant.parse("2026-06-08T09:00:00Z")));
        DeployHealthService.Summary afterAppend = service.summaryOf("app", ledger, auditSource);
        assertThat(ledger.reads).as("a ledger change invalidates").isGreaterThan(reads);
        assertThat(afterAppend.view.getStatistics().getSuccessful()).isEqualTo(3);

        now = Instant.parse("2026-06-08T09:59:00Z");
        reads = ledger.reads;
        DeployHealthService.Summary earlier = service.summaryOf("app", ledger, auditSource);
        assertThat(ledger.reads).as("a clock that went back recomputes").isGreaterThan(reads);
        assertThat(earlier.view.getStatistics().getWindow().getNow()).isEqualTo(now);
    }

    @Test
    public void aFutureDatedRecordIsCountedOnceItsStartHasCome() throws Exception {
        file.append(success(1, Instant.parse("2026-06-01T10:00:00Z")));
        // stamped by an agent whose clock runs ahead: Wednesday noon
        file.append(success(2, Instant.parse("2026-06-03T12:00:00Z")));
        DeployHealthService service = new DeployHealthService(clock);
        now = Instant.parse("2026-06-02T12:00:00Z");
        assertThat(service.summaryOf("app", ledger, auditSource)
                        .view
                        .getStatistics()
                        .getSuccessful())
                .isEqualTo(1);

        now = Instant.parse("2026-06-03T11:00:00Z");
        int reads = ledger.reads;
        assertThat(service.summaryOf("app", ledger, auditSource)
                        .view
                        .getStatistics()
                        .getSuccessful())
                .isEqualTo(1);
        assertThat(ledger.reads).isEqualTo(reads);

        now = Instant.parse("2026-06-03T12:00:00Z");
        DeployHealthService.Summary due = service.summaryOf("app", ledger, auditSource);
        assertThat(due.view.getStatistics().getSuccessful()).isEqualTo(2);
        assertThat(ledger.reads).isGreaterThan(reads);
    }

    /** The job's ledger, counting every read of its records (not its version). */
    private static final class CountingLedger implements DeployLedger {
        private final DeployLedger delegate;
        private int reads;

        CountingLedger(DeployLedger delegate) {
            this.delegate = delegate;
        }

        @Override
        public void append(DeployRecord record) throws IOException {
            delegate.append(record);
        }

        @Override
        public LedgerRead readSince(Instant from) throws IOException {
            reads++;
            return delegate.readSince(from);
        }

        @Override
        public LedgerRead readAll() throws IOException {
            reads++;
            return delegate.readAll();
        }

        @Override
        public Optional<DeployRecord> findLast(Predicate<DeployRecord> matching) throws IOException {
            reads++;
            return delegate.findLast(matching);
        }

        @Override
        public List<DeployRecord> readRecent(int skip, int limit) throws IOException {
            reads++;
            return delegate.readRecent(skip, limit);
        }

        @Override
        public String version() throws IOException {
            return delegate.version();
        }

        @Override
        public Compaction compact(Instant horizon) throws IOException {
            return delegate.compact(horizon);
        }
    }

    @Test
    public void theEnvironmentIsTheOneOfTheLastDeployThatRan() throws Exception {
        file.append(DeployRecord.builder("qa-eu", "app", 1)
                .outcome(DeployOutcome.FAILURE)
                .startedAt(T0)
                .build());
        file.append(DeployRecord.builder("staging", "app", 2)
                .outcome(DeployOutcome.SKIPPED)
                .startedAt(T0)
                .build());

        assertThat(DeployHealthService.environmentOf(file, T0.plusSeconds(60)).value())
                .isEqualTo("qa-eu");
    }

    @Test
    public void theEnvironmentIsTheOneOfTheDeployThatStartedLastNotTheOneAppendedLast() throws Exception {
        file.append(DeployRecord.builder("qa-eu", "app", 3)
                .outcome(DeployOutcome.SUCCESS)
                .startedAt(T0)
                .build());
        // a long deploy that started earlier and ended (so was appended) later
        file.append(DeployRecord.builder("staging", "app", 2)
                .outcome(DeployOutcome.SUCCESS)
                .startedAt(T0.minusSeconds(3600))
                .duration(Duration.ofHours(2))
                .build());
        // stamped by a clock running a day ahead: not started yet at now
        file.append(DeployRecord.builder("prod", "app", 4)
                .outcome(DeployOutcome.SUCCESS)
                .startedAt(T0.plus(Duration.ofDays(1)))
                .build());

        assertThat(DeployHealthService.environmentOf(file, T0.plusSeconds(60)).value())
                .isEqualTo("qa-eu");
        assertThat(DeployHealthService.environmentOf(file, T0.plus(Duration.ofDays(2)))
                        .value())
                .isEqualTo("prod");
    }
}
