package io.jenkins.plugins.deployoften.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** How long deploy history is kept: records that started before the horizon may be compacted away. */
public final class LedgerRetention {
    public static final int DEFAULT_DAYS = 730;
    public static final int MIN_DAYS = 30;
    public static final int MAX_DAYS = 3650;

    private final int days;

    private LedgerRetention(int days) {
        this.days = days;
    }

    /**
     * @param days how many days of history to keep
     * @return the retention
     * @throws InvalidValueException naming {@code retentionDays} and the allowed range
     */
    public static LedgerRetention ofDays(int days) {
        problemWith(days).ifPresent(problem -> {
            throw new InvalidValueException(problem);
        });
        return new LedgerRetention(days);
    }

    /**
     * @param days how many days of history to keep
     * @return what is wrong with it, naming {@code retentionDays}, or empty when it is acceptable
     */
    public static Optional<FieldProblem> problemWith(int days) {
        return FieldProblem.ifOutOfRange("retentionDays", MIN_DAYS, MAX_DAYS, days);
    }

    public int getDays() {
        return days;
    }

    /** @return the start of the kept history at {@code now}: records that started before it may go */
    public Instant horizon(Instant now) {
        return now.minus(Duration.ofDays(days));
    }
}
