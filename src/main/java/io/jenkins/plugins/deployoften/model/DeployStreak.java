package io.jenkins.plugins.deployoften.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The current run of completed deploys with the same outcome: counting newest first, how many consecutive
 * SUCCESS (or FAILURE) deploys an environment has had. SKIPPED and ABORTED records neither count nor break
 * the run.
 */
public final class DeployStreak {
    private static final DeployStreak NONE = new DeployStreak(null, 0);

    private final DeployOutcome outcome;
    private final int length;

    private DeployStreak(DeployOutcome outcome, int length) {
        this.outcome = outcome;
        this.length = length;
    }

    /** @return no run: no deploy completed */
    static DeployStreak none() {
        return NONE;
    }

    /**
     * @param outcome SUCCESS or FAILURE
     * @param length the run's length, at least 1
     * @return the run
     */
    static DeployStreak of(DeployOutcome outcome, int length) {
        if (!outcome.isCompleted() || length < 1) {
            throw new IllegalArgumentException("a run of " + length + " x " + outcome);
        }
        return new DeployStreak(outcome, length);
    }

    /**
     * @param oldestFirst records of one environment in start order
     * @return the run that ends with the newest completed deploy, or none when no deploy completed
     */
    static DeployStreak newestRunOf(List<DeployRecord> oldestFirst) {
        DeployOutcome outcome = null;
        int length = 0;
        for (int i = oldestFirst.size() - 1; i >= 0; i--) {
            DeployOutcome current = oldestFirst.get(i).getOutcome();
            if (!current.isCompleted()) {
                continue;
            }
            if (outcome == null) {
                outcome = current;
            } else if (current != outcome) {
                break;
            }
            length++;
        }
        return outcome == null ? NONE : new DeployStreak(outcome, length);
    }

    /** @return a run continued by {@code more} older deploys of the given outcome */
    DeployStreak extendedBy(DeployOutcome olderOutcome, int more) {
        if (more == 0) {
            return this;
        }
        if (outcome != null && outcome != olderOutcome) {
            throw new IllegalArgumentException("olderOutcome: must be " + outcome + ", was " + olderOutcome);
        }
        return new DeployStreak(olderOutcome, length + more);
    }

    /** @return SUCCESS or FAILURE, or empty when no deploy completed */
    public Optional<DeployOutcome> getOutcome() {
        return Optional.ofNullable(outcome);
    }

    /** @return how many completed deploys the run has, 0 when none */
    public int getLength() {
        return length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeployStreak
                && ((DeployStreak) o).outcome == outcome
                && ((DeployStreak) o).length == length;
    }

    @Override
    public int hashCode() {
        return Objects.hash(outcome, length);
    }

    @Override
    public String toString() {
        return outcome == null ? "no streak" : length + " x " + outcome;
    }
}
