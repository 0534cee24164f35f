package io.jenkins.plugins.deployoften.benchmarks;

import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.LedgerRead;
import io.jenkins.plugins.deployoften.model.gate.CandidateIdentity;
import io.jenkins.plugins.deployoften.model.gate.GateAuditEntry;
import io.jenkins.plugins.deployoften.model.gate.GateAuditLog;
import io.jenkins.plugins.deployoften.model.gate.GateDecision;
import io.jenkins.plugins.deployoften.model.gate.GateMode;
import io.jenkins.plugins.deployoften.model.gate.GateOverride;
import io.jenkins.plugins.deployoften.model.gate.GatePolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Gate audit trails for the release-manager page: a few template trails of {@value #EVALUATIONS} real gate
 * evaluations (one a day, one in {@value #OVERRIDE_EVERY} overridden) against different job histories,
 * appended through {@link GateAuditLog} and then copied into the job directories, because an audit append is
 * forced to disk and 150,000 of them would take minutes.
 */
final class GateAuditTrails {
    static final int EVALUATIONS = 30;
    static final int OVERRIDE_EVERY = 10;
    static final int TEMPLATES = 4;

    private final List<Path> templates = new ArrayList<>();

    private GateAuditTrails() {}

    /** Writes the template trails into {@code directory}, one sub-directory each. */
    static GateAuditTrails write(Path directory) throws IOException {
        GateAuditTrails trails = new GateAuditTrails();
        for (int template = 0; template < TEMPLATES; template++) {
            Path templateDirectory = directory.resolve("template-" + template);
            Files.createDirectories(templateDirectory);
            GateAuditLog log = new GateAuditLog(templateDirectory);
            // even templates enforce the gate, odd ones only warn; templates 2 and 3 allow at most 1% failed
            // deploys, which these histories (3% or more) exceed: so the page shows PASS, BLOCK and WARN
            GatePolicy policy = GatePolicy.builder()
                    .mode(template % 2 == 0 ? GateMode.ENFORCE : GateMode.WARN)
                    .failureRateEnabled(template >= 2)
                    .failureRateMaxPercent(template >= 2 ? 1 : GatePolicy.DEFAULT_FAILURE_RATE_MAX_PERCENT)
                    .build();
            List<DeployRecord> history = JobHistories.generate(template, 1000);
            for (int evaluation = 1; evaluation <= EVALUATIONS; evaluation++) {
                Instant at = DeployHistory.NOW.minus(Duration.ofDays(EVALUATIONS - evaluation));
                log.append(new GateAuditEntry(
                        JobHistories.jobName(template), evaluation, decision(policy, history, at, evaluation)));
            }
            trails.templates.add(log.getFile());
        }
        return trails;
    }

    /** Copies a template trail into a job directory: job {@code n} gets template {@code n % TEMPLATES}. */
    void copyTo(int job, Path jobDirectory) throws IOException {
        Files.copy(templates.get(job % TEMPLATES), jobDirectory.resolve(GateAuditLog.FILE_NAME));
    }

    private static GateDecision decision(GatePolicy policy, List<DeployRecord> history, Instant at, int evaluation) {
        List<DeployRecord> before = history.stream()
                .filter(record -> record.getEndedAt().isBefore(at))
                .collect(Collectors.toList());
        // the newest evaluation is not overridden, so it shows the policy's own verdict
        Optional<GateOverride> override = evaluation % OVERRIDE_EVERY == OVERRIDE_EVERY / 2
                ? Optional.of(new GateOverride(
                        "alice",
                        "hotfix for a checkout outage, approved by the CAB",
                        at,
                        CandidateIdentity.ofBuild(evaluation),
                        at.plus(Duration.ofHours(24))))
                : Optional.empty();
        return policy.evaluate(
                new LedgerRead(before, 0),
                DeployHistory.ENVIRONMENT_NAME,
                CandidateIdentity.ofBuild(evaluation),
                at,
                override);
    }
}
