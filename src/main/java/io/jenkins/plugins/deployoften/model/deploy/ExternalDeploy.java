package io.jenkins.plugins.deployoften.model.deploy;

import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.FieldProblem;
import io.jenkins.plugins.deployoften.model.InvalidValueException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
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
     * @throws InvalidValueException naming the field and the allowed values
     */
    public static DeployOutcome parseResult(String result) {
        return outcomeOf(result).orElseThrow(() -> new InvalidValueException(resultProblem(result)));
    }

    /**
     * @param result the result as written in the Jenkinsfile, case-insensitive
     * @return what is wrong with it, naming {@code result} and the allowed values, or empty when it is acceptable
     */
    public static Optional<FieldProblem> problemWithResult(String result) {
        return outcomeOf(result).isPresent() ? Optional.empty() : Optional.of(resultProblem(result));
    }

    private static Optional<DeployOutcome> outcomeOf(String result) {
        if (result != null) {
            String normalised = result.trim().toUpperCase(Locale.ROOT);
            for (DeployOutcome outcome : DeployOutcome.values()) {
                if (outcome.name().equals(normalised)) {
                    return Optional.of(outcome);
                }
            }
        }
        return Optional.empty();
    }

    private static FieldProblem resultProblem(String result) {
        return new FieldProblem(
                "result", FieldProblem.Kind.UNKNOWN_RESULT, 0, 0, String.valueOf(result), allowedResults());
    }

    /**
     * @param durationMillis how long the deploy took
     * @return the same value when it is 0 to {@link #MAX_DURATION_MILLIS}
     * @throws InvalidValueException naming the field and the allowed range
     */
    public static long checkDurationMillis(long durationMillis) {
        problemWithDurationMillis(durationMillis).ifPresent(problem -> {
            throw new InvalidValueException(problem);
        });
        return durationMillis;
    }

    /**
     * @param durationMillis how long the deploy took
     * @return what is wrong with it, naming {@code durationMillis} and the allowed range, or empty
     */
    public static Optional<FieldProblem> problemWithDurationMillis(long durationMillis) {
        return FieldProblem.ifOutOfRange("durationMillis", 0, MAX_DURATION_MILLIS, durationMillis);
    }
}
