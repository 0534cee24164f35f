package io.jenkins.plugins.deployoften.model;

import java.time.Duration;
import java.time.Instant;

/** Shared instants and record factories for the statistics tests. All times are UTC. */
public final class StatisticsFixtures {
    /** Wednesday noon; its ISO week starts on Monday 2026-03-16. */
    public static final Instant NOW = Instant.parse("2026-03-18T12:00:00Z");
    /** Monday 00:00 UTC three weeks before the week of NOW: the start of a 4-week window. */
    public static final Instant FOUR_WEEK_START = Instant.parse("2026-02-23T00:00:00Z");
    /** Monday 00:00 UTC eleven weeks before the week of NOW: the start of a 12-week window. */
    public static final Instant TWELVE_WEEK_START = Instant.parse("2025-12-29T00:00:00Z");

    public static final EnvironmentName STAGING = EnvironmentName.of("staging");

    private StatisticsFixtures() {}

    public static DeployRecord staging(int build, DeployOutcome outcome, String startedAt, Duration duration) {
        return record("staging", build, outcome, Instant.parse(startedAt), duration);
    }

    public static DeployRecord staging(int build, DeployOutcome outcome, Instant startedAt) {
        return record("staging", build, outcome, startedAt, Duration.ofMinutes(1));
    }

    public static DeployRecord record(
            String environment, int build, DeployOutcome outcome, Instant startedAt, Duration duration) {
        return DeployRecord.builder(environment, "folder/app", build)
                .outcome(outcome)
                .startedAt(startedAt)
                .duration(duration)
                .build();
    }
}
