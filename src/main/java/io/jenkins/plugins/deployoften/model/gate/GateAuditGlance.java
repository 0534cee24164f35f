package io.jenkins.plugins.deployoften.model.gate;

import java.util.Optional;

/**
 * What a health view shows of a gate audit trail ({@link GateAuditLog#glance(int)}): the newest decision, and the
 * newest override consumed among the trail's newest lines.
 *
 * @param latest the decision of the newest readable line; empty when the trail has none
 * @param lastOverride the override consumed by the newest decision that consumed one among the lines looked at;
 *     empty when none did
 */
public record GateAuditGlance(Optional<GateDecision> latest, Optional<GateOverride> lastOverride) {
    public GateAuditGlance {
        GateEvaluator.required("latest", latest);
        GateEvaluator.required("lastOverride", lastOverride);
    }
}
