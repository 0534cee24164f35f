package io.jenkins.plugins.deployoften.model.gate;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of one rule: the rule, whether it held, and what it found ({@link Finding}s: measured values and
 * limits, never sentences; the glue words them). A rule switched off found nothing. A failed verdict's findings
 * are the ones that failed it; a passed verdict's the evidence it passed on. Immutable.
 */
public final class RuleVerdict {
    private final GateRule rule;
    private final RuleStatus status;
    private final List<Finding> findings;

    RuleVerdict(GateRule rule, RuleStatus status, List<Finding> findings) {
        this.rule = Objects.requireNonNull(rule, "rule");
        this.status = Objects.requireNonNull(status, "status");
        this.findings = List.copyOf(findings);
    }

    static RuleVerdict pass(GateRule rule, Finding... findings) {
        return new RuleVerdict(rule, RuleStatus.PASS, List.of(findings));
    }

    static RuleVerdict fail(GateRule rule, Finding... findings) {
        return new RuleVerdict(rule, RuleStatus.FAIL, List.of(findings));
    }

    static RuleVerdict notChecked(GateRule rule) {
        return new RuleVerdict(rule, RuleStatus.NOT_CHECKED, List.of());
    }

    /**
     * @return a verdict as an audit line recorded it, in its recorded words
     * @see Finding.Recorded
     */
    static RuleVerdict recorded(GateRule rule, RuleStatus status, String explanation, String remedy) {
        return new RuleVerdict(rule, status, List.of(new Finding.Recorded(explanation, remedy)));
    }

    public GateRule getRule() {
        return rule;
    }

    public RuleStatus getStatus() {
        return status;
    }

    /** @return what the rule found, in the order it is worded; empty for a rule switched off */
    public List<Finding> getFindings() {
        return findings;
    }

    /** @return whether the rule failed */
    public boolean isFailed() {
        return status == RuleStatus.FAIL;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RuleVerdict)) {
            return false;
        }
        RuleVerdict other = (RuleVerdict) o;
        return rule == other.rule && status == other.status && findings.equals(other.findings);
    }

    @Override
    public int hashCode() {
        return Objects.hash(rule, status, findings);
    }

    @Override
    public String toString() {
        return rule + " " + status + " " + findings;
    }
}
