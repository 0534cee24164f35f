package io.jenkins.plugins.deployoften.model.deploy;

import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DisplayText;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import java.time.Duration;

/** The start and end lines that frame a deploy in the build log. */
public final class DeployBanner {
    private static final String RULE = "=".repeat(12);

    private DeployBanner() {}

    public static String start(EnvironmentName environment, int buildNumber, int attempts) {
        return RULE + " DeployOften: deploying build #" + buildNumber + " to " + environment
                + (attempts > 1 ? " (up to " + attempts + " attempts)" : "") + " " + RULE;
    }

    public static String end(EnvironmentName environment, DeployOutcome outcome, Duration duration, String reason) {
        return RULE + " DeployOften: deploy to " + environment + " " + outcome + " in " + Durations.format(duration)
                + (reason == null || reason.isEmpty() ? "" : ": " + DisplayText.of(reason)) + " " + RULE;
    }

    public static String skipped(EnvironmentName environment, String reason) {
        return "DeployOften: not deploying to " + environment + ": " + DisplayText.of(reason);
    }
}
