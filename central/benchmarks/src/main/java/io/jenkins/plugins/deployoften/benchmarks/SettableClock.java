package io.jenkins.plugins.deployoften.benchmarks;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A UTC clock the history generator moves, so each generated line is stamped as appended when its deploy
 * ended, as in a real ledger (the ledger's backwards reads stop on that stamp).
 */
final class SettableClock extends Clock {
    private Instant now;

    SettableClock(Instant now) {
        this.now = now;
    }

    void set(Instant instant) {
        now = instant;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the benchmarks use UTC");
    }

    @Override
    public Instant instant() {
        return now;
    }
}
