package io.jenkins.plugins.deployoften.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import io.jenkins.plugins.deployoften.model.LedgerRead;
import io.jenkins.plugins.deployoften.model.gate.CandidateIdentity;
import io.jenkins.plugins.deployoften.model.gate.GateAuditEntry;
import io.jenkins.plugins.deployoften.model.gate.GateAuditLog;
import io.jenkins.plugins.deployoften.model.gate.GateEvaluator;
import io.jenkins.plugins.deployoften.model.gate.GateOverride;
import io.jenkins.plugins.deployoften.model.gate.GatePolicy;
import io.jenkins.plugins.deployoften.model.ledger.FileDeployLedger;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The cache that makes badges and page rows cheap: kept while the ledger and the audit trail are unchanged and
 * the UTC day is the same, with ages moved on to each request's time.
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

    private FileDeployLedger ledger;
    private GateAuditLog audit;
    private int auditReads;
    private DeployHealthService.AuditSource auditSource;

    @Before
    public void createFiles() throws IOException {
        ledger = new FileDeployLedger(temporary.newFolder("job").toPath());
        audit = new GateAuditLog(ledger.getFile().getParent());
        auditSource = new DeployHealthService.AuditSource() {
            @Override
            public String version() throws IOException {
                return audit.version();
            }

            @Override
            public List<GateAuditEntry> recent(int limit) throws IOException {
                auditReads++;
                return audit.readRecent(limit).entries();
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
        ledger.append(success(1, T0.minus(Duration.ofHours(1))));
        DeployHealthService service = new DeployHealthService(clock);

        DeployHealthService.Summary first = service.summaryOf("app", ledger, auditSource);
        now = T0.plus(Duration.ofHours(2));
        DeployHealthService.Summary later = service.summaryOf("app", ledger, auditSource);

        assertThat(later.view.getStatistics()).isSameAs(first.view.getStatistics());
        assertThat(auditReads).isEqualTo(1);
        assertThat(first.view.getLastSuccess()).isEqualTo("1 h ago");
        assertThat(later.view.getLastSuccess()).isEqualTo("3 h ago");
        assertThat(later.view.badge("last").orElseThrow().value()).isEqualTo("3h ago");
    }

    @Test
    public void anAppendANewGateDecisionOrANewDayRecomputes() throws Exception {
        ledger.append(success(1, T0.minus(Duration.ofHours(1))));
        DeployHealthService service = new DeployHealthService(clock);
        DeployHealthService.Summary first = service.summaryOf("app", ledger, auditSource);

        ledger.append(success(2, T0.minusSeconds(10)));
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
                        Optional.of(new GateOverride("alice", "hotfix INC-42", T0)))));
        DeployHealthService.Summary afterGate = service.summaryOf("app", ledger, auditSource);
        assertThat(afterGate.view.getStatistics()).isNotSameAs(afterAppend.view.getStatistics());
        assertThat(afterGate.lastOverride).isEqualTo("alice: hotfix INC-42");

        now = Instant.parse("2026-06-05T00:00:01Z");
        DeployHealthService.Summary nextDay = service.summaryOf("app", ledger, auditSource);
        assertThat(nextDay.view.getStatistics()).isNotSameAs(afterGate.view.getStatistics());
        assertThat(auditReads).isEqualTo(4);
    }

    @Test
    public void theEnvironmentIsTheOneOfTheLastDeployThatRan() throws Exception {
        ledger.append(DeployRecord.builder("qa-eu", "app", 1)
                .outcome(DeployOutcome.FAILURE)
                .startedAt(T0)
                .build());
        ledger.append(DeployRecord.builder("staging", "app", 2)
                .outcome(DeployOutcome.SKIPPED)
                .startedAt(T0)
                .build());

        assertThat(DeployHealthService.environmentOf(ledger).value()).isEqualTo("qa-eu");
    }
}
