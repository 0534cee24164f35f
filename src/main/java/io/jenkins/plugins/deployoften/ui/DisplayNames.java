package io.jenkins.plugins.deployoften.ui;

import io.jenkins.plugins.deployoften.Messages;
import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.FrequencyClass;
import io.jenkins.plugins.deployoften.model.view.GateBadgeState;

/**
 * What pages call the model's values, in the request's language, so no page shows an identifier such as {@code
 * YEARLY}, {@code NO_DATA} or {@code UNKNOWN}. The gate's own statuses, modes and rules are {@link
 * io.jenkins.plugins.deployoften.gate.GateWords}'.
 */
public final class DisplayNames {
    private DisplayNames() {}

    /** @return how often an environment gets a deploy, such as {@code weekly} or {@code no data} */
    public static String frequency(FrequencyClass frequency) {
        return switch (frequency) {
            case DAILY -> Messages.FrequencyClass_DAILY();
            case WEEKLY -> Messages.FrequencyClass_WEEKLY();
            case MONTHLY -> Messages.FrequencyClass_MONTHLY();
            case YEARLY -> Messages.FrequencyClass_YEARLY();
            case NO_DATA -> Messages.FrequencyClass_NO_DATA();
        };
    }

    /** @return how a deploy ended, such as {@code succeeded} */
    public static String outcome(DeployOutcome outcome) {
        return switch (outcome) {
            case SUCCESS -> Messages.DeployOutcome_SUCCESS();
            case FAILURE -> Messages.DeployOutcome_FAILURE();
            case ABORTED -> Messages.DeployOutcome_ABORTED();
            case SKIPPED -> Messages.DeployOutcome_SKIPPED();
        };
    }

    /** @return what the release gate's last decision lets through, such as {@code passing} or {@code not evaluated} */
    public static String gateState(GateBadgeState state) {
        return switch (state) {
            case PASS -> Messages.GateBadgeState_PASS();
            case WARN -> Messages.GateBadgeState_WARN();
            case BLOCK -> Messages.GateBadgeState_BLOCK();
            case UNKNOWN -> Messages.GateBadgeState_UNKNOWN();
        };
    }
}
