package io.jenkins.plugins.deployoften.model;

import java.time.Duration;
import java.time.Instant;

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
     * @throws IllegalArgumentException naming {@code retentionDays} and the allowed range
     */
    public static LedgerRetention ofDays(int days) {
        if (days < MIN_DAYS || days > MAX_DAYS) {
            throw new IllegalArgumentException(
                    "retentionDays: must be " + MIN_DAYS + " to " + MAX_DAYS + ", was " + days);
        }
        return new LedgerRetention(days);
    }

    public int getDays() {
        return days;
    }

    /** @return the start of the kept history at {@code now}: records that started before it may go */
    public Instant horizon(Instant now) {
        return now.minus(Duration.ofDays(days));
    }
}
