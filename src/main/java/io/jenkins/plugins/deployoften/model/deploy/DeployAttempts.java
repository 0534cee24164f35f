package io.jenkins.plugins.deployoften.model.deploy;

import io.jenkins.plugins.deployoften.model.DeployOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a deploy with its timeout and retries and decides the outcome: the first attempt that exits 0
 * succeeds; an attempt that exits non-zero or times out is retried after the delay while retries remain;
 * an interruption (the build was aborted) ends the deploy as ABORTED at once, without retrying.
 */
public final class DeployAttempts {
    /** One run of the deploy command. */
    @FunctionalInterface
    public interface Attempt {
        /**
         * @param number the attempt's number, from 1
         * @param timeout how long the attempt may take before it must be killed
         * @return how it ended
         * @throws InterruptedException when the build was aborted
         */
        AttemptResult run(int number, Duration timeout) throws InterruptedException;
    }

    /** Waits between attempts. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** How one attempt ended. */
    public static final class AttemptResult {
        private final int exitCode;
        private final boolean timedOut;

        private AttemptResult(int exitCode, boolean timedOut) {
            this.exitCode = exitCode;
            this.timedOut = timedOut;
        }

        public static AttemptResult exited(int exitCode) {
            return new AttemptResult(exitCode, false);
        }

        public static AttemptResult timedOut() {
            return new AttemptResult(-1, true);
        }

        public boolean succeeded() {
            return !timedOut && exitCode == 0;
        }

        String describe(Duration timeout) {
            return timedOut ? "timed out after " + Durations.format(timeout) : "exit code " + exitCode;
        }
    }

    /**
     * What the whole deploy came to.
     *
     * @param outcome how the deploy ended
     * @param reason why the deploy failed or was aborted; empty text on success
     * @param startedAt when the first attempt started
     * @param duration how long all attempts took
     * @param attempts one line per attempt: how it ended
     */
    public record Report(
            DeployOutcome outcome, String reason, Instant startedAt, Duration duration, List<String> attempts) {
        public Report {
            attempts = List.copyOf(attempts);
        }
    }

    private final Clock clock;
    private final Sleeper sleeper;

    public DeployAttempts(Clock clock, Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * @param settings timeout and retries
     * @param attempt runs the command once
     * @return the outcome; ABORTED when interrupted (the thread's interrupt flag is set again)
     */
    public Report run(DeploySettings settings, Attempt attempt) {
        Instant start = clock.instant();
        List<String> attempts = new ArrayList<>();
        int maxAttempts = settings.getRetries() + 1;
        try {
            for (int number = 1; ; number++) {
                AttemptResult result = attempt.run(number, settings.getTimeout());
                if (result.succeeded()) {
                    attempts.add("attempt " + number + ": succeeded");
                    return report(DeployOutcome.SUCCESS, "", start, attempts);
                }
                String failure = result.describe(settings.getTimeout());
                attempts.add("attempt " + number + ": " + failure);
                if (number >= maxAttempts) {
                    String reason = maxAttempts == 1 ? failure : failure + " (after " + maxAttempts + " attempts)";
                    return report(DeployOutcome.FAILURE, reason, start, attempts);
                }
                sleeper.sleep(settings.getRetryDelay());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            attempts.add("interrupted");
            return report(DeployOutcome.ABORTED, "deploy interrupted: the build was aborted", start, attempts);
        }
    }

    private Report report(DeployOutcome outcome, String reason, Instant start, List<String> attempts) {
        Duration duration = Duration.between(start, clock.instant());
        return new Report(outcome, reason, start, duration.isNegative() ? Duration.ZERO : duration, attempts);
    }
}
