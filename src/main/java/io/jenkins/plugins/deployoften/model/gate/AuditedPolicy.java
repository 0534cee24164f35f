package io.jenkins.plugins.deployoften.model.gate;

import java.util.List;

/**
 * What the audit trail keeps of the policy a gate evaluation applied: where it came from, its rules in words, and
 * the job's rules that were not applied because they were looser than the floor. Immutable.
 *
 * @param source where the rules came from, for example {@code global floor, tightened by the job's policy}
 * @param rules the rules applied, in words
 * @param notApplied the job's rules not applied, by name
 */
public record AuditedPolicy(String source, String rules, List<String> notApplied) {
    /** What entries written before the policy was recorded (before version 2026-12) show. */
    public static final AuditedPolicy NOT_RECORDED = new AuditedPolicy(AuditWording.NOT_RECORDED, "", List.of());

    /** @throws IllegalArgumentException naming a missing argument */
    public AuditedPolicy {
        GateEvaluator.required("source", source);
        GateEvaluator.required("rules", rules);
        notApplied = List.copyOf(notApplied);
    }
}
