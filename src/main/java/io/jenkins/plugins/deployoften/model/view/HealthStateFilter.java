package io.jenkins.plugins.deployoften.model.view;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The states the Deploy health page filters on ({@code ?state=}) and the widget links to, by {@link HealthStanding}.
 */
public enum HealthStateFilter {
    /** Every job. */
    ALL("all"),
    /** The jobs whose {@code FRESH} rule fails now. */
    STALE("stale"),
    /** The jobs that go stale within {@value HealthStanding#WARNING_DAYS} days unless they deploy. */
    GOING_STALE("goingStale"),
    /** The jobs whose last gate decision was BLOCK. */
    BLOCKED("blocked");

    private final String id;

    HealthStateFilter(String id) {
        this.id = id;
    }

    /** @return the value of {@code ?state=}, such as {@code goingStale} */
    public String id() {
        return id;
    }

    /**
     * @param standing where a job stands
     * @return whether the job is in this state
     */
    public boolean admits(HealthStanding standing) {
        switch (this) {
            case STALE:
                return standing.stale();
            case GOING_STALE:
                return standing.goingStale();
            case BLOCKED:
                return standing.blocked();
            default:
                return true;
        }
    }

    /**
     * @param text the value of {@code ?state=}, {@code null} or blank for all; letter case does not matter
     * @return the state it names, empty when it names none
     */
    public static Optional<HealthStateFilter> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of(ALL);
        }
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(state -> state.id.toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst();
    }

    /** @return the allowed values of {@code ?state=}, comma separated: {@code all, stale, goingStale, blocked} */
    public static String allowed() {
        return Arrays.stream(values()).map(HealthStateFilter::id).collect(Collectors.joining(", "));
    }
}
