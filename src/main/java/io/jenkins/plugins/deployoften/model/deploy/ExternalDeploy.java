package io.jenkins.plugins.deployoften.model.deploy;

import io.jenkins.plugins.deployoften.model.DeployOutcome;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Strict parsing of the values a {@code recordDeploy} step receives for a deploy done elsewhere. */
public final class ExternalDeploy {
    /** The most a recorded deploy may have lasted: one week. */
    public static final long MAX_DURATION_MILLIS = 7L * 24 * 60 * 60 * 1000;

    private ExternalDeploy() {}

    /** @return the allowed result values, for messages */
    public static String allowedResults() {
        return Arrays.stream(DeployOutcome.values()).map(Enum::name).collect(Collectors.joining(", "));
    }

    /**
     * @param result the result as written in the Jenkinsfile, case-insensitive
     * @return the outcome
     * @throws IllegalArgumentException naming the field and the allowed values
     */
    public static DeployOutcome parseResult(String result) {
        if (result != null) {
            String normalised = result.trim().toUpperCase(Locale.ROOT);
            for (DeployOutcome outcome : DeployOutcome.values()) {
                if (outcome.name().equals(normalised)) {
                    return outcome;
                }
            }
        }
        throw new IllegalArgumentException(
                "result: '" + result + "' is not a deploy result; use one of " + allowedResults());
    }

    /**
     * @param durationMillis how long the deploy took
     * @return the same value when it is 0 to {@link #MAX_DURATION_MILLIS}
     * @throws IllegalArgumentException naming the field and the allowed range
     */
    public static long checkDurationMillis(long durationMillis) {
        if (durationMillis < 0 || durationMillis > MAX_DURATION_MILLIS) {
            throw new IllegalArgumentException(
                    "durationMillis: must be 0 to " + MAX_DURATION_MILLIS + ", was " + durationMillis);
        }
        return durationMillis;
    }
}
