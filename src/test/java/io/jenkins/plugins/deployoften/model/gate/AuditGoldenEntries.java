package io.jenkins.plugins.deployoften.model.gate;

import static io.jenkins.plugins.deployoften.model.gate.GateFixtures.NOW;
import static io.jenkins.plugins.deployoften.model.gate.GateFixtures.STAGING;

import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.DeploySource;
import io.jenkins.plugins.deployoften.model.LedgerRead;
import io.jenkins.plugins.deployoften.model.TrustedSources;
import io.jenkins.plugins.deployoften.model.ledger.FileDeployLedger;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Gate decisions that between them find every kind of {@link Finding}, as audit entries: {@link AuditWordingTest}
 * holds the lines they write to the lines the plugin wrote before decisions carried values instead of sentences,
 * and {@code GateWordsTest} the log's words to the audit trail's.
 */
public final class AuditGoldenEntries {
    private AuditGoldenEntries() {}

    private static DeployRecord record(
            int build, DeployOutcome outcome, Duration ago, String commit, DeploySource source) {
        return GateFixtures.staging(build, outcome, ago, commit, source);
    }

    private static LedgerRead history(DeployRecord... records) {
        return new LedgerRead(List.of(records), 0);
    }

    /** @param directory an empty directory for a ledger file */
    public static List<GateAuditEntry> entries(Path directory) throws IOException {
        List<GateAuditEntry> entries = new ArrayList<>();
        GatePolicy defaults = GatePolicy.defaults();
        GatePolicy withRate = GatePolicy.builder()
                .failureRateEnabled(true)
                .failureRateMaxPercent(20)
                .build();
        // nothing recorded, no candidate: no deploy, 0 of 2, candidate not given, no completed deploy
        entries.add(entry(1, defaults.evaluate(history(), STAGING, CandidateIdentity.none(), NOW, Optional.empty())));
        // stale, overridden: too old, frequency passes, the candidate build deployed, not all failed, the override
        DeployRecord old41 = record(41, DeployOutcome.SUCCESS, Duration.ofDays(25), "c41", DeploySource.UNKNOWN);
        DeployRecord old42 =
                record(42, DeployOutcome.SUCCESS, Duration.ofDays(20), "c42", DeploySource.DEPLOY_TO_STAGING);
        GateOverride override = GateFixtures.overrideFor42("alice", "hotfix for incident 123", NOW.minusSeconds(60));
        entries.add(entry(
                2,
                defaults.evaluate(
                        history(old41, old42), STAGING, CandidateIdentity.ofBuild(42), NOW, Optional.of(override))));
        // three failures in a row and a rate above the limit: both remedies; fresh by hours; the commit never deployed
        DeployRecord f1 = record(43, DeployOutcome.FAILURE, Duration.ofHours(5), "c43", DeploySource.RECORD_DEPLOY);
        DeployRecord f2 = record(44, DeployOutcome.FAILURE, Duration.ofHours(3), "c44", DeploySource.RECORD_DEPLOY);
        DeployRecord f3 = record(45, DeployOutcome.FAILURE, Duration.ofMinutes(30), "c45", DeploySource.DEPLOY_OFTEN);
        DeployRecord fresh = record(46, DeployOutcome.SUCCESS, Duration.ofHours(6), "c46", DeploySource.DEPLOY_OFTEN);
        entries.add(entry(
                3,
                withRate.evaluate(
                        history(old42, fresh, f1, f2, f3),
                        STAGING,
                        CandidateIdentity.none().withCommit("nope"),
                        NOW,
                        Optional.empty())));
        // only failures, fewer than the streak; the candidate by artifact fingerprint
        entries.add(entry(
                4,
                withRate.evaluate(
                        history(f1, f2),
                        STAGING,
                        CandidateIdentity.none().withArtifactFingerprint("D41D8CD98F00B204E9800998ECF8427E"),
                        NOW,
                        Optional.empty())));
        // passing: fresh by minutes, frequency, the candidate by commit, not all failed, a rate within the limit
        DeployRecord seconds =
                record(47, DeployOutcome.SUCCESS, Duration.ofSeconds(20), "c47", DeploySource.RECORD_DEPLOY);
        entries.add(entry(
                5,
                GatePolicy.builder()
                        .failureRateEnabled(true)
                        .failureRateMaxPercent(50)
                        .build()
                        .evaluate(
                                history(old42, fresh, f3, seconds),
                                STAGING,
                                CandidateIdentity.none().withCommit("C46"),
                                NOW,
                                Optional.empty())));
        // trusting only deployToStaging, with every rule off but FRESH and FREQUENT
        GatePolicy freshAndFrequent = GatePolicy.builder()
                .candidatePractisedEnabled(false)
                .healthyEnabled(false)
                .mode(GateMode.WARN)
                .build();
        entries.add(entry(
                6,
                GateEvaluator.evaluate(
                        freshAndFrequent,
                        history(f1, fresh),
                        STAGING,
                        CandidateIdentity.ofBuild(7),
                        NOW,
                        Optional.empty(),
                        TrustedSources.of(EnumSet.of(DeploySource.DEPLOY_TO_STAGING)))));
        // an environment without records names the recorded ones; the floor tightened, a rule not applied
        FileDeployLedger ledger = new FileDeployLedger(directory);
        ledger.append(DeployRecord.builder("production", "folder/app", 9)
                .outcome(DeployOutcome.SUCCESS)
                .startedAt(NOW.minus(Duration.ofDays(1)))
                .duration(Duration.ofMinutes(3))
                .build());
        PolicyInForce inForce = PolicyInForce.of(
                defaults,
                "folder team-a",
                Optional.of(GatePolicy.builder().mode(GateMode.WARN).build()));
        entries.add(new GateAuditEntry(
                "folder/app",
                7,
                GateEvaluator.evaluate(
                        inForce.rules(),
                        ledger,
                        STAGING,
                        CandidateIdentity.ofBuild(9),
                        NOW,
                        Optional.empty(),
                        Set.of(io.jenkins.plugins.deployoften.model.EnvironmentName.of("production"))),
                inForce.audited()));
        // a successful deploy that is only a failure: no successful deploy yet
        entries.add(entry(
                8, defaults.evaluate(history(f1), STAGING, CandidateIdentity.ofBuild(43), NOW, Optional.empty())));
        // just past the limit on its last day, and fresh by minutes
        entries.add(entry(
                9,
                defaults.evaluate(
                        history(record(
                                48,
                                DeployOutcome.SUCCESS,
                                Duration.ofDays(14).plusHours(5),
                                "c48",
                                DeploySource.NO_DEPLOY)),
                        STAGING,
                        CandidateIdentity.ofBuild(48),
                        NOW,
                        Optional.empty())));
        entries.add(entry(
                10,
                defaults.evaluate(
                        history(record(
                                49,
                                DeployOutcome.SUCCESS,
                                Duration.ofMinutes(45),
                                "c49",
                                DeploySource.DEPLOY_TO_STAGING)),
                        STAGING,
                        CandidateIdentity.ofBuild(49),
                        NOW,
                        Optional.empty())));
        return entries;
    }

    private static GateAuditEntry entry(int build, GateDecision decision) {
        return new GateAuditEntry("folder/app", build, decision);
    }
}
