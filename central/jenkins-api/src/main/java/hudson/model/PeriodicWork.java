package hudson.model;

import hudson.ExtensionPoint;

public abstract class PeriodicWork implements ExtensionPoint {
    public abstract long getRecurrencePeriod();

    public long getInitialDelay() {
        throw new UnsupportedOperationException();
    }
}
