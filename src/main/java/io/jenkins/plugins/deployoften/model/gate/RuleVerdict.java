package io.jenkins.plugins.deployoften.model.gate;

import io.jenkins.plugins.deployoften.model.TrustedSources;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one rule, with a one-sentence explanation and, when it failed, a one-sentence remedy.
 * The sentences come from {@link GateTexts}. Immutable.
 */
public final class RuleVerdict {
    private final GateRule rule;
    private final RuleStatus status;
    private final String explanation;
    private final String remedy;

    RuleVerdict(GateRule rule, RuleStatus status, String explanation, String remedy) {
        this.rule = Objects.requireNonNull(rule, "rule");
        this.status = Objects.requireNonNull(status, "status");
        this.explanation = Objects.requireNonNull(explanation, "explanation");
        this.remedy = remedy == null || remedy.isBlank() ? null : remedy;
    }

    static RuleVerdict pass(GateRule rule, String explanation) {
        return new RuleVerdict(rule, RuleStatus.PASS, explanation, null);
    }

    static RuleVerdict fail(GateRule rule, String explanation, String remedy) {
        return new RuleVerdict(rule, RuleStatus.FAIL, explanation, remedy);
    }

    static RuleVerdict notChecked(GateRule rule) {
        return new RuleVerdict(rule, RuleStatus.NOT_CHECKED, GateTexts.ruleOff(rule), null);
    }

    /** @return this verdict, its explanation saying which sources were counted; a rule switched off as it is */
    RuleVerdict countingOnly(TrustedSources trusted) {
        return status == RuleStatus.NOT_CHECKED
                ? this
                : new RuleVerdict(rule, status, explanation + GateTexts.countingOnly(trusted), remedy);
    }

    public GateRule getRule() {
        return rule;
    }

    public RuleStatus getStatus() {
        return status;
    }

    /** @return why the rule passed or failed, one sentence without a final full stop */
    public String getExplanation() {
        return explanation;
    }

    /** @return what to do to make the rule pass; present only for failed rules */
    public Optional<String> getRemedy() {
        return Optional.ofNullable(remedy);
    }

    /** @return whether the rule failed */
    public boolean isFailed() {
        return status == RuleStatus.FAIL;
    }

    /** @return the explanation followed by the remedy, as in "last deploy was 19 days ago (limit 14): deploy ..." */
    public String describe() {
        return remedy == null ? explanation : explanation + ": " + remedy;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RuleVerdict)) {
            return false;
        }
        RuleVerdict other = (RuleVerdict) o;
        return rule == other.rule
                && status == other.status
                && explanation.equals(other.explanation)
                && Objects.equals(remedy, other.remedy);
    }

    @Override
    public int hashCode() {
        return Objects.hash(rule, status, explanation, remedy);
    }

    @Override
    public String toString() {
        return rule + " " + status + ": " + describe();
    }
}
