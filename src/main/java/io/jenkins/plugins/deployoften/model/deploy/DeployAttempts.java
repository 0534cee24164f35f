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

        /** @return whether the attempt was killed when it ran out of time */
        public boolean isTimedOut() {
            return timedOut;
        }

        /** @return the command's exit code; -1 when it timed out or could not run */
        public int exitCode() {
            return exitCode;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof AttemptResult other && exitCode == other.exitCode && timedOut == other.timedOut;
        }

        @Override
        public int hashCode() {
            return Boolean.hashCode(timedOut) * 31 + exitCode;
        }

        @Override
        public String toString() {
            return timedOut ? "timed out" : "exit " + exitCode;
        }
    }

    /**
     * Why a deploy did not succeed, as values; the glue words it for the build log and the record's reason.
     *
     * @param interrupted whether the build was aborted (then the other values do not count)
     * @param last how the last attempt ended
     * @param timeout each attempt's timeout
     * @param attempts how many attempts were made
     */
    public record Failure(boolean interrupted, AttemptResult last, Duration timeout, int attempts) {
        static Failure interruption() {
            return new Failure(true, AttemptResult.exited(-1), Duration.ZERO, 0);
        }
    }

    /**
     * What the whole deploy came to.
     *
     * @param outcome how the deploy ended
     * @param failure why the deploy failed or was aborted; {@code null} on success
     * @param startedAt when the first attempt started
     * @param duration how long all attempts took
     * @param attempts how each attempt that ran to its end ended, in order (not one the build's abort interrupted)
     */
    public record Report(
            DeployOutcome outcome,
            Failure failure,
            Instant startedAt,
            Duration duration,
            List<AttemptResult> attempts) {
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
        List<AttemptResult> attempts = new ArrayList<>();
        int maxAttempts = settings.getRetries() + 1;
        try {
            for (int number = 1; ; number++) {
                AttemptResult result = attempt.run(number, settings.getTimeout());
                attempts.add(result);
                if (result.succeeded()) {
                    return report(DeployOutcome.SUCCESS, null, start, attempts);
                }
                if (number >= maxAttempts) {
                    Failure failure = new Failure(false, result, settings.getTimeout(), maxAttempts);
                    return report(DeployOutcome.FAILURE, failure, start, attempts);
                }
                sleeper.sleep(settings.getRetryDelay());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return report(DeployOutcome.ABORTED, Failure.interruption(), start, attempts);
        }
    }

    private Report report(DeployOutcome outcome, Failure failure, Instant start, List<AttemptResult> attempts) {
        Duration duration = Duration.between(start, clock.instant());
        return new Report(outcome, failure, start, duration.isNegative() ? Duration.ZERO : duration, attempts);
    }
}
