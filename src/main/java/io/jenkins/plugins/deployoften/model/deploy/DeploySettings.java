package io.jenkins.plugins.deployoften.model.deploy;

import io.jenkins.plugins.deployoften.model.EnvironmentName;
import io.jenkins.plugins.deployoften.model.FieldProblem;
import io.jenkins.plugins.deployoften.model.InvalidValueException;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The validated settings of a "deploy to staging" step. Every limit is checked here, so the form
 * validation, Configuration as Code and a Pipeline run all give the same message naming the field.
 */
public final class DeploySettings {
    /** Default timeout of one attempt. */
    public static final int DEFAULT_TIMEOUT_MINUTES = 15;

    public static final int MAX_TIMEOUT_MINUTES = 24 * 60;
    public static final int MAX_RETRIES = 10;
    public static final int MAX_RETRY_DELAY_SECONDS = 3600;

    private final EnvironmentName environment;
    private final String command;
    private final Duration timeout;
    private final int retries;
    private final Duration retryDelay;
    private final DeployCondition condition;
    private final FailureEffect failureEffect;

    private DeploySettings(
            EnvironmentName environment,
            String command,
            Duration timeout,
            int retries,
            Duration retryDelay,
            DeployCondition condition,
            FailureEffect failureEffect) {
        this.environment = environment;
        this.command = command;
        this.timeout = timeout;
        this.retries = retries;
        this.retryDelay = retryDelay;
        this.condition = condition;
        this.failureEffect = failureEffect;
    }

    /**
     * @return validated settings
     * @throws InvalidValueException naming the first invalid field and its allowed values
     */
    public static DeploySettings of(
            String environment,
            String command,
            int timeoutMinutes,
            int retries,
            int retryDelaySeconds,
            DeployCondition condition,
            FailureEffect failureEffect) {
        problemWith(environment, command, timeoutMinutes, retries, retryDelaySeconds, condition, failureEffect)
                .ifPresent(problem -> {
                    throw new InvalidValueException(problem);
                });
        return new DeploySettings(
                EnvironmentName.of(environment),
                command,
                Duration.ofMinutes(timeoutMinutes),
                retries,
                Duration.ofSeconds(retryDelaySeconds),
                condition,
                failureEffect);
    }

    /** @return the first invalid field of these settings and its allowed values, or empty when all are valid */
    public static Optional<FieldProblem> problemWith(
            String environment,
            String command,
            int timeoutMinutes,
            int retries,
            int retryDelaySeconds,
            DeployCondition condition,
            FailureEffect failureEffect) {
        return Stream.of(
                        EnvironmentName.problemWith("environment", environment),
                        problemWithCommand(command),
                        problemWithTimeoutMinutes(timeoutMinutes),
                        problemWithRetries(retries),
                        problemWithRetryDelaySeconds(retryDelaySeconds),
                        condition == null
                                ? Optional.of(choiceMissing("deployWhen", "SUCCESSFUL, SUCCESSFUL_OR_UNSTABLE"))
                                : Optional.<FieldProblem>empty(),
                        failureEffect == null
                                ? Optional.of(choiceMissing("onFailure", "FAIL_BUILD, MARK_UNSTABLE, LEAVE_RESULT"))
                                : Optional.<FieldProblem>empty())
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static FieldProblem choiceMissing(String field, String choices) {
        return new FieldProblem(field, FieldProblem.Kind.NOT_ONE_OF, 0, 0, "", choices);
    }

    /** @return the problem with a deploy command, naming the field */
    public static Optional<FieldProblem> problemWithCommand(String command) {
        return command == null || command.isBlank()
                ? Optional.of(new FieldProblem(
                        "command", FieldProblem.Kind.BLANK, 0, 0, "", "", FieldProblem.Form.DEPLOY_COMMAND))
                : Optional.empty();
    }

    /** @return the problem with a timeout, naming the field and the allowed range */
    public static Optional<FieldProblem> problemWithTimeoutMinutes(int minutes) {
        return FieldProblem.ifOutOfRange("timeoutMinutes", 1, MAX_TIMEOUT_MINUTES, minutes);
    }

    /** @return the problem with a retry count, naming the field and the allowed range */
    public static Optional<FieldProblem> problemWithRetries(int retries) {
        return FieldProblem.ifOutOfRange("retries", 0, MAX_RETRIES, retries);
    }

    /** @return the problem with a retry delay, naming the field and the allowed range */
    public static Optional<FieldProblem> problemWithRetryDelaySeconds(int seconds) {
        return FieldProblem.ifOutOfRange("retryDelaySeconds", 0, MAX_RETRY_DELAY_SECONDS, seconds);
    }

    public EnvironmentName getEnvironment() {
        return environment;
    }

    public String getCommand() {
        return command;
    }

    public Duration getTimeout() {
        return timeout;
    }

    public int getRetries() {
        return retries;
    }

    public Duration getRetryDelay() {
        return retryDelay;
    }

    public DeployCondition getCondition() {
        return condition;
    }

    public FailureEffect getFailureEffect() {
        return failureEffect;
    }
}
