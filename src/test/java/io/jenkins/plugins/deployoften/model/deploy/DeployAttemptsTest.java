package io.jenkins.plugins.deployoften.model.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deployoften.model.DeployOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.After;
import org.junit.Test;

public class DeployAttemptsTest {
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    /** Moves forward only when an attempt or a sleep takes time, so durations are exact. */
    private Instant now = T0;

    private final List<Duration> sleeps = new ArrayList<>();
    private final List<Duration> timeoutsSeen = new ArrayList<>();

    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    private final DeployAttempts attempts = new DeployAttempts(clock, duration -> {
        sleeps.add(duration);
        now = now.plus(duration);
    });

    @After
    public void clearInterruptFlag() {
        Thread.interrupted();
    }

    /** Plays back the given results, each taking ten seconds. */
    private DeployAttempts.Attempt script(DeployAttempts.AttemptResult... results) {
        Deque<DeployAttempts.AttemptResult> queue = new ArrayDeque<>(List.of(results));
        return (number, timeout) -> {
            timeoutsSeen.add(timeout);
            now = now.plusSeconds(10);
            return queue.removeFirst();
        };
    }

    private static DeploySettings settings(int retries, int delaySeconds) {
        return DeploySettings.of(
                "staging", "deploy", 15, retries, delaySeconds, DeployCondition.SUCCESSFUL, FailureEffect.FAIL_BUILD);
    }

    @Test
    public void aFirstAttemptThatExitsZeroSucceedsWithoutRetrying() {
        DeployAttempts.Report report = attempts.run(settings(3, 5), script(DeployAttempts.AttemptResult.exited(0)));

        assertThat(report.outcome()).isEqualTo(DeployOutcome.SUCCESS);
        assertThat(report.attempts()).containsExactly(DeployAttempts.AttemptResult.exited(0));
        assertThat(report.failure()).isNull();
        assertThat(report.duration()).isEqualTo(Duration.ofSeconds(10));
        assertThat(report.startedAt()).isEqualTo(T0);
        assertThat(sleeps).isEmpty();
        assertThat(timeoutsSeen).containsExactly(Duration.ofMinutes(15));
    }

    @Test
    public void failedAttemptsAreRetriedAfterTheDelayUntilOneSucceeds() {
        DeployAttempts.Report report = attempts.run(
                settings(2, 5),
                script(
                        DeployAttempts.AttemptResult.exited(1),
                        DeployAttempts.AttemptResult.timedOut(),
                        DeployAttempts.AttemptResult.exited(0)));

        assertThat(report.outcome()).isEqualTo(DeployOutcome.SUCCESS);
        assertThat(report.attempts())
                .containsExactly(
                        DeployAttempts.AttemptResult.exited(1),
                        DeployAttempts.AttemptResult.timedOut(),
                        DeployAttempts.AttemptResult.exited(0));
        // three attempts of 10 s and two delays of 5 s
        assertThat(report.duration()).isEqualTo(Duration.ofSeconds(40));
        assertThat(sleeps).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    @Test
    public void aDeployFailsWhenEveryAttemptFails() {
        DeployAttempts.Report report = attempts.run(
                settings(1, 0), script(DeployAttempts.AttemptResult.exited(3), DeployAttempts.AttemptResult.exited(4)));

        assertThat(report.outcome()).isEqualTo(DeployOutcome.FAILURE);
        assertThat(report.failure())
                .isEqualTo(new DeployAttempts.Failure(
                        false, DeployAttempts.AttemptResult.exited(4), Duration.ofMinutes(15), 2));
    }

    @Test
    public void aTimeoutWithoutRetriesIsAFailureThatSaysSo() {
        DeployAttempts.Report report = attempts.run(settings(0, 0), script(DeployAttempts.AttemptResult.timedOut()));

        assertThat(report.outcome()).isEqualTo(DeployOutcome.FAILURE);
        assertThat(report.failure())
                .isEqualTo(new DeployAttempts.Failure(
                        false, DeployAttempts.AttemptResult.timedOut(), Duration.ofMinutes(15), 1));
    }

    @Test
    public void anInterruptionAbortsAtOnceWithoutRetrying() {
        int[] calls = {0};
        DeployAttempts.Report report = attempts.run(settings(5, 1), (number, timeout) -> {
            calls[0]++;
            throw new InterruptedException("aborted");
        });

        assertThat(report.outcome()).isEqualTo(DeployOutcome.ABORTED);
        assertThat(calls[0]).isEqualTo(1);
        assertThat(report.failure().interrupted()).isTrue();
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }

    @Test
    public void anInterruptionDuringTheRetryDelayAborts() {
        DeployAttempts interruptedWhileWaiting = new DeployAttempts(clock, duration -> {
            throw new InterruptedException();
        });

        DeployAttempts.Report report =
                interruptedWhileWaiting.run(settings(3, 60), script(DeployAttempts.AttemptResult.exited(1)));

        assertThat(report.outcome()).isEqualTo(DeployOutcome.ABORTED);
        assertThat(report.attempts()).containsExactly(DeployAttempts.AttemptResult.exited(1));
        assertThat(report.failure().interrupted()).isTrue();
    }
}
