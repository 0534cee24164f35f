package io.jenkins.plugins.deployoften.model.gate;

import static io.jenkins.plugins.deployoften.model.gate.GateFixtures.NOW;
import static io.jenkins.plugins.deployoften.model.gate.GateFixtures.STAGING;
import static io.jenkins.plugins.deployoften.model.gate.GateFixtures.days;
import static io.jenkins.plugins.deployoften.model.gate.GateFixtures.stagingSuccess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import io.jenkins.plugins.deployoften.model.MutableClock;
import io.jenkins.plugins.deployoften.model.ledger.FileDeployLedger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Evaluate, consume the override, record the decision: together, in that order. */
public class ReleaseGateTest {
    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();

    private Path job;
    private PendingOverrides overrides;
    private GateAuditLog auditLog;
    private ReleaseGate gate;

    @Before
    public void createGate() throws IOException {
        job = temporary.newFolder("job").toPath();
        FileDeployLedger ledger = new FileDeployLedger(
                job, Clock.fixed(NOW.minus(days(20)), ZoneOffset.UTC), FileDeployLedger.Durability.FORCED);
        // one success 20 days ago: FRESH and FREQUENT fail
        ledger.append(stagingSuccess(41, days(20)));
        overrides = new PendingOverrides(job);
        auditLog = new GateAuditLog(job);
        ledger.append(DeployRecord.builder("production", "folder/app", 40)
                .outcome(DeployOutcome.SUCCESS)
                .startedAt(NOW.minus(days(21)))
                .duration(Duration.ofMinutes(1))
                .build());
        gate = new ReleaseGate(GatePolicy.defaults(), ledger, overrides, auditLog);
    }

    @Test
    public void theNextEvaluationConsumesTheOverrideAndTheRecordSaysSo() throws IOException {
        GateOverride override = GateFixtures.overrideFor(
                CandidateIdentity.ofBuild(41), "alice", "hotfix for incident 123", NOW.minusSeconds(60));
        overrides.grant(override);

        GateDecision first = gate.evaluate("folder/app", 7, STAGING, CandidateIdentity.ofBuild(41), NOW);
        GateDecision second =
                gate.evaluate("folder/app", 8, STAGING, CandidateIdentity.ofBuild(41), NOW.plusSeconds(1));

        assertThat(first.getStatus()).isEqualTo(GateStatus.PASS);
        assertThat(GateFixtures.explanation(first, GateRule.OVERRIDE))
                .isEqualTo("overridden by alice for build #41 (expires 2026-03-03T11:59:00Z): hotfix for incident 123");
        assertThat(second.getStatus()).isEqualTo(GateStatus.BLOCK);
        assertThat(second.getOverride()).isEmpty();
        assertThat(second.failedRules()).containsExactly(GateRule.FRESH, GateRule.FREQUENT);
        List<GateAuditEntry> records = auditLog.readRecent(10).entries();
        assertThat(records).extracting(GateAuditEntry::buildNumber).containsExactly(8, 7);
        assertThat(GateFixtures.asLines(records))
                .isEqualTo(GateFixtures.asLines(
                        new GateAuditEntry(
                                "folder/app", 8, second, records.get(0).policy()),
                        new GateAuditEntry(
                                "folder/app", 7, first, records.get(1).policy())));
        assertThat(records.get(1).decision().getOverride()).contains(override);
    }

    @Test
    public void theAuditLineRecordsThePolicyInForceAndWhereItCameFrom() throws IOException {
        GatePolicy looser = GatePolicy.builder().mode(GateMode.WARN).build();
        PolicyInForce inForce = new PolicyFloors(GatePolicy.defaults(), java.util.Map.of())
                .inForce("folder/app", java.util.Optional.of(looser));
        ReleaseGate floored = new ReleaseGate(
                inForce,
                new FileDeployLedger(job),
                overrides,
                auditLog,
                io.jenkins.plugins.deployoften.model.TrustedSources.ALL);

        GateDecision decision = floored.evaluate("folder/app", 9, STAGING, CandidateIdentity.ofBuild(41), NOW);

        assertThat(decision.getStatus()).isEqualTo(GateStatus.BLOCK);
        assertThat(decision.getMode()).isEqualTo(GateMode.ENFORCE);
        AuditedPolicy recorded = auditLog.readRecent(1).entries().get(0).policy();
        assertThat(recorded.source()).isEqualTo("global floor, tightened by the job's policy");
        assertThat(recorded.notApplied()).containsExactly("mode");
        assertThat(recorded.rules()).isEqualTo(GatePolicy.defaults().toString());
    }

    @Test
    public void badInputWritesNothingAndLeavesTheOverridePending() throws IOException {
        GateOverride override = GateFixtures.overrideFor(CandidateIdentity.ofBuild(41), "alice", "hotfix", NOW);
        overrides.grant(override);

        assertThatThrownBy(() -> gate.evaluate("folder/app", 0, STAGING, CandidateIdentity.none(), NOW))
                .hasMessage("buildNumber: must be at least 1, was 0");
        assertThatThrownBy(() -> gate.evaluate("folder/app", 7, STAGING, null, NOW))
                .hasMessage("candidate: must be set");

        assertThat(auditLog.getFile()).doesNotExist();
        assertThat(overrides.pending()).contains(override);
    }

    @Test
    public void anOverrideIsGivenBackWhenTheDecisionCannotBeRecorded() throws IOException {
        GateOverride override = GateFixtures.overrideFor(CandidateIdentity.ofBuild(41), "alice", "hotfix", NOW);
        overrides.grant(override);
        // a directory where the audit file belongs makes every append fail
        Files.createDirectory(auditLog.getFile());

        assertThatThrownBy(() -> gate.evaluate("folder/app", 7, STAGING, CandidateIdentity.ofBuild(41), NOW))
                .isInstanceOf(IOException.class);

        assertThat(overrides.pending()).contains(override);
    }

    @Test
    public void anEnvironmentWithoutRecordsBlocksOnFreshnessAndTheRemedyNamesTheRecordedOnes() throws IOException {
        GateDecision decision =
                gate.evaluate("folder/app", 7, EnvironmentName.of("stagng"), CandidateIdentity.none(), NOW);

        assertThat(decision.getStatus()).isEqualTo(GateStatus.BLOCK);
        RuleVerdict fresh = GateFixtures.verdictOf(decision, GateRule.FRESH).orElseThrow();
        assertThat(fresh.isFailed()).isTrue();
        assertThat(GateFixtures.explanation(fresh)).isEqualTo("no stagng deploy recorded yet");
        assertThat(GateFixtures.remedy(fresh))
                .contains("deploy a current build to stagng, or check the environment name:"
                        + " deploys are recorded for production, staging");
        // the decision is audited like any other
        assertThat(auditLog.readRecent(10).entries())
                .extracting(GateAuditEntry::buildNumber)
                .containsExactly(7);
    }

    @Test
    public void anEnvironmentWithRecordsKeepsThePlainRemedy() throws IOException {
        GateDecision decision = gate.evaluate("folder/app", 7, STAGING, CandidateIdentity.ofBuild(41), NOW);

        assertThat(GateFixtures.remedy(
                        GateFixtures.verdictOf(decision, GateRule.FRESH).orElseThrow()))
                .contains("deploy a current build to staging");
    }

    /** Issue 12, finding 4: an override granted for build #42 (commit aaaa1111) was consumed by build #43. */
    @Test
    public void anOverrideForOneCandidateIsNotConsumedByAnotherAndTheAuditLineNamesTheBinding() throws IOException {
        CandidateIdentity build42 = CandidateIdentity.ofBuild(42).withCommit("aaaa1111");
        CandidateIdentity build43 = CandidateIdentity.ofBuild(43).withCommit("bbbb2222");
        GateOverride for42 = GateFixtures.overrideFor(
                CandidateIdentity.ofBuild(42), "alice", "hotfix for #42", NOW.minusSeconds(60));
        overrides.grant(for42);

        GateDecision other = gate.evaluate("folder/app", 43, STAGING, build43, NOW);

        assertThat(other.getStatus()).isEqualTo(GateStatus.BLOCK);
        assertThat(other.getOverride()).isEmpty();
        assertThat(overrides.pending()).contains(for42);

        GateDecision granted = gate.evaluate("folder/app", 42, STAGING, build42, NOW.plusSeconds(1));

        assertThat(granted.getStatus()).isEqualTo(GateStatus.PASS);
        assertThat(granted.getOverride()).contains(for42);
        assertThat(overrides.pending()).isEmpty();
        assertThat(GateFixtures.explanation(granted, GateRule.OVERRIDE))
                .isEqualTo("overridden by alice for build #42 (expires 2026-03-03T11:59:00Z): hotfix for #42");
        List<String> lines = Files.readAllLines(auditLog.getFile());
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).doesNotContain("\"override\"");
        assertThat(lines.get(1))
                .contains("\"override\":{\"user\":\"alice\",\"reason\":\"hotfix for #42\","
                        + "\"granted\":\"2026-03-02T11:59:00Z\",\"candidate\":{\"build\":42},"
                        + "\"expires\":\"2026-03-03T11:59:00Z\"}");
        assertThat(auditLog.readRecent(1).entries().get(0).decision().getOverride())
                .contains(for42);
    }

    @Test
    public void anExpiredOverrideIsNotConsumedAndTheEvaluationIsJudgedByTheRules() throws IOException {
        MutableClock clock = new MutableClock(NOW);
        CandidateIdentity build41 = CandidateIdentity.ofBuild(41);
        GateOverride override = new GateOverride("alice", "hotfix", clock.instant(), build41, NOW.plusSeconds(3600));
        overrides.grant(override);

        clock.advance(Duration.ofHours(1));
        GateDecision late = gate.evaluate("folder/app", 7, STAGING, build41, clock.instant());

        assertThat(late.getStatus()).isEqualTo(GateStatus.BLOCK);
        assertThat(late.getOverride()).isEmpty();
        assertThat(overrides.pending()).contains(override);
    }

    @Test
    public void aMatchingEvaluationSpendsTheOverrideEvenWhenTheRulesPass() throws IOException {
        FileDeployLedger healthy =
                new FileDeployLedger(temporary.newFolder("healthy").toPath());
        healthy.append(stagingSuccess(41, days(2)));
        healthy.append(stagingSuccess(42, days(1)));
        ReleaseGate passing = new ReleaseGate(GatePolicy.defaults(), healthy, overrides, auditLog);
        GateOverride override = GateFixtures.overrideFor(CandidateIdentity.ofBuild(42), "alice", "just in case", NOW);
        overrides.grant(override);

        GateDecision decision = passing.evaluate("folder/app", 9, STAGING, CandidateIdentity.ofBuild(42), NOW);

        assertThat(decision.getStatus()).isEqualTo(GateStatus.PASS);
        assertThat(decision.failedRules()).isEmpty();
        assertThat(decision.getOverride()).contains(override);
        assertThat(overrides.pending()).isEmpty();
    }
}
