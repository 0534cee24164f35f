package io.jenkins.plugins.deployoften.model.gate;

/** The outcome of one gate rule. */
public enum RuleStatus {
    /** The rule holds. */
    PASS,
    /** The rule does not hold, or could not be checked for lack of input; the gate fails. */
    FAIL,
    /** The rule is switched off in the policy; it does not count. */
    NOT_CHECKED
}
