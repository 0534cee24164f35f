package io.jenkins.plugins.deployoften.model.deploy;

import io.jenkins.plugins.deployoften.model.EnvironmentName;
import java.time.Duration;

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
     * @throws IllegalArgumentException naming the first invalid field and its allowed values
     */
    public static DeploySettings of(
            String environment,
            String command,
            int timeoutMinutes,
            int retries,
            int retryDelaySeconds,
            DeployCondition condition,
            FailureEffect failureEffect) {
        EnvironmentName name;
        try {
            name = EnvironmentName.of(environment);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("environment: " + e.getMessage(), e);
        }
        checkCommand(command).ifPresentThrow();
        checkTimeoutMinutes(timeoutMinutes).ifPresentThrow();
        checkRetries(retries).ifPresentThrow();
        checkRetryDelaySeconds(retryDelaySeconds).ifPresentThrow();
        if (condition == null) {
            throw new IllegalArgumentException("deployWhen: must be one of SUCCESSFUL, SUCCESSFUL_OR_UNSTABLE");
        }
        if (failureEffect == null) {
            throw new IllegalArgumentException("onFailure: must be one of FAIL_BUILD, MARK_UNSTABLE, LEAVE_RESULT");
        }
        return new DeploySettings(
                name,
                command,
                Duration.ofMinutes(timeoutMinutes),
                retries,
                Duration.ofSeconds(retryDelaySeconds),
                condition,
                failureEffect);
    }

    /** @return the problem with a deploy command, naming the field */
    public static Check checkCommand(String command) {
        return new Check(
                command == null || command.isBlank()
                        ? "command: enter the shell (Unix) or batch (Windows) command that deploys the build"
                        : null);
    }

    /** @return the problem with a timeout, naming the field and the allowed range */
    public static Check checkTimeoutMinutes(int minutes) {
        return new Check(
                minutes < 1 || minutes > MAX_TIMEOUT_MINUTES
                        ? "timeoutMinutes: must be 1 to " + MAX_TIMEOUT_MINUTES + ", was " + minutes
                        : null);
    }

    /** @return the problem with a retry count, naming the field and the allowed range */
    public static Check checkRetries(int retries) {
        return new Check(
                retries < 0 || retries > MAX_RETRIES
                        ? "retries: must be 0 to " + MAX_RETRIES + ", was " + retries
                        : null);
    }

    /** @return the problem with a retry delay, naming the field and the allowed range */
    public static Check checkRetryDelaySeconds(int seconds) {
        return new Check(
                seconds < 0 || seconds > MAX_RETRY_DELAY_SECONDS
                        ? "retryDelaySeconds: must be 0 to " + MAX_RETRY_DELAY_SECONDS + ", was " + seconds
                        : null);
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

    /** The outcome of checking one field: a problem message or none. */
    public static final class Check {
        private final String problem;

        Check(String problem) {
            this.problem = problem;
        }

        /** @return whether the value is acceptable */
        public boolean isOk() {
            return problem == null;
        }

        /** @return the problem, naming the field and the allowed values; empty text when acceptable */
        public String getProblem() {
            return problem == null ? "" : problem;
        }

        void ifPresentThrow() {
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
        }
    }
}
