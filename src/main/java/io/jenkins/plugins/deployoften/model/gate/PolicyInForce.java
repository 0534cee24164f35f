package io.jenkins.plugins.deployoften.model.gate;

import io.jenkins.plugins.deployoften.model.gate.GatePolicy.FailureRateRule;
import io.jenkins.plugins.deployoften.model.gate.GatePolicy.FrequentRule;
import io.jenkins.plugins.deployoften.model.gate.GatePolicy.FreshRule;
import io.jenkins.plugins.deployoften.model.gate.GatePolicy.HealthyRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules a gate evaluation applies: the administrator's floor, tightened rule by rule by the job's own policy
 * where the job's rule is at least as strict. A job's rule that is looser than the floor's, or not comparable with
 * it, is not applied: the floor's rule is, and the rule is named in {@link #notApplied()}. Immutable.
 *
 * <p>Strictness, rule by rule: a rule switched on is stricter than one switched off; ENFORCE is stricter than
 * WARN; FRESH with fewer days; FREQUENT with at least as many deploys in at most as many days; HEALTHY with fewer
 * last deploys (it blocks when the last K all failed, so a smaller K blocks sooner) and, when the failure rate is
 * checked, a rate at most as high over the same days (a rate over other days is neither stricter nor looser).
 *
 * @param rules what the evaluation applies
 * @param floorSource where the floor came from, for example {@code global} or {@code folder team-a}
 * @param tightenedByJob whether the job gave a policy of its own
 * @param notApplied the job's rules that were looser than the floor (or not comparable), by name: {@code mode},
 *     {@code fresh}, {@code frequent}, {@code candidatePractised}, {@code healthy}, {@code failureRate}
 */
public record PolicyInForce(GatePolicy rules, String floorSource, boolean tightenedByJob, List<String> notApplied) {
    /**
     * @throws IllegalArgumentException naming a missing argument
     */
    public PolicyInForce {
        GateEvaluator.required("rules", rules);
        GateEvaluator.required("floorSource", floorSource);
        notApplied = List.copyOf(notApplied);
    }

    /**
     * @param floor the administrator's rules for the job
     * @param floorSource where they came from
     * @param job the job's own rules, if it has any
     * @return the floor, tightened by the job's rules that are at least as strict
     */
    public static PolicyInForce of(GatePolicy floor, String floorSource, Optional<GatePolicy> job) {
        if (job.isEmpty()) {
            return new PolicyInForce(floor, floorSource, false, List.of());
        }
        Tightening tightening = new Tightening(floor, job.get());
        return new PolicyInForce(tightening.result(), floorSource, true, tightening.notApplied);
    }

    /**
     * @param rules rules applied as they are, without a floor (an embedding or a test that built them itself)
     * @return those rules in force
     */
    public static PolicyInForce asGiven(GatePolicy rules) {
        return new PolicyInForce(rules, "given", false, List.of());
    }

    /** @return what the audit trail records of it */
    public AuditedPolicy audited() {
        return new AuditedPolicy(AuditWording.policySource(this), rules.toString(), notApplied);
    }

    /** Rule by rule, the floor's rule or the job's, whichever is stricter; the job's loosenings are collected. */
    private static final class Tightening {
        private final GatePolicy floor;
        private final GatePolicy job;
        private final List<String> notApplied = new ArrayList<>();

        Tightening(GatePolicy floor, GatePolicy job) {
            this.floor = floor;
            this.job = job;
        }

        GatePolicy result() {
            return GatePolicy.builder()
                    .mode(stricter("mode", floor.getMode(), job.getMode(), job.getMode() == GateMode.ENFORCE))
                    .fresh(stricter("fresh", floor.fresh(), job.fresh(), freshAtLeastAsStrict()))
                    .frequent(stricter("frequent", floor.frequent(), job.frequent(), frequentAtLeastAsStrict()))
                    .candidatePractised(stricter(
                            "candidatePractised",
                            floor.candidatePractised(),
                            job.candidatePractised(),
                            job.isCandidatePractisedEnabled() || !floor.isCandidatePractisedEnabled()))
                    .healthy(stricter("healthy", floor.healthy(), job.healthy(), healthyAtLeastAsStrict()))
                    .failureRate(stricter(
                            "failureRate", floor.failureRate(), job.failureRate(), failureRateAtLeastAsStrict()))
                    .build();
        }

        private <T> T stricter(String name, T floorRule, T jobRule, boolean jobAtLeastAsStrict) {
            if (jobAtLeastAsStrict) {
                return jobRule;
            }
            notApplied.add(name);
            return floorRule;
        }

        private boolean freshAtLeastAsStrict() {
            FreshRule f = floor.fresh();
            FreshRule j = job.fresh();
            return !f.enabled() || (j.enabled() && j.maxDays() <= f.maxDays());
        }

        private boolean frequentAtLeastAsStrict() {
            FrequentRule f = floor.frequent();
            FrequentRule j = job.frequent();
            return !f.enabled()
                    || (j.enabled() && j.minDeploys() >= f.minDeploys() && j.windowDays() <= f.windowDays());
        }

        private boolean healthyAtLeastAsStrict() {
            HealthyRule f = floor.healthy();
            HealthyRule j = job.healthy();
            return !f.enabled() || (j.enabled() && j.lastDeploys() <= f.lastDeploys());
        }

        private boolean failureRateAtLeastAsStrict() {
            FailureRateRule f = floor.failureRate();
            FailureRateRule j = job.failureRate();
            return !f.enabled()
                    || (j.enabled() && j.maxPercent() <= f.maxPercent() && j.windowDays() == f.windowDays());
        }
    }
}
