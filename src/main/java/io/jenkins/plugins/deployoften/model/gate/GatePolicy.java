package io.jenkins.plugins.deployoften.model.gate;

import io.jenkins.plugins.deployoften.model.DeployLedger;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import io.jenkins.plugins.deployoften.model.LedgerRead;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/**
 * Which gate rules apply and with which limits, plus the {@link GateMode}. Immutable; build with
 * {@link #builder()} or derive with {@link #toBuilder()}. Defaults:
 *
 * <ul>
 *   <li>{@link GateRule#FRESH}: on, the last successful deploy at most {@value #DEFAULT_FRESH_MAX_DAYS} days
 *       old (one two-week iteration).
 *   <li>{@link GateRule#FREQUENT}: on, at least {@value #DEFAULT_FREQUENT_MIN_DEPLOYS} successful deploys in
 *       {@value #DEFAULT_FREQUENT_WINDOW_DAYS} days.
 *   <li>{@link GateRule#CANDIDATE_PRACTISED}: on.
 *   <li>{@link GateRule#HEALTHY}: the last {@value #DEFAULT_HEALTHY_LAST_DEPLOYS} completed deploys not all
 *       failures, on; failure rate at most {@value #DEFAULT_FAILURE_RATE_MAX_PERCENT}% over
 *       {@value #DEFAULT_FAILURE_RATE_WINDOW_DAYS} days, off.
 *   <li>Mode {@link GateMode#ENFORCE}.
 * </ul>
 *
 * Limits: day counts 1 to {@value #MAX_DAYS}; a window of W days holds at most W × {@value
 * #MAX_DEPLOYS_PER_DAY} deploys (one an hour, more than any team's practice deploys need), so
 * {@code frequentMinDeploys} is 1 to W × 24; {@code healthyLastDeploys} 1 to {@value #MAX_LAST_DEPLOYS};
 * {@code failureRateMaxPercent} 0 to 100. Limits of switched-off rules are validated too.
 */
public final class GatePolicy {
    public static final int DEFAULT_FRESH_MAX_DAYS = 14;
    public static final int DEFAULT_FREQUENT_MIN_DEPLOYS = 2;
    public static final int DEFAULT_FREQUENT_WINDOW_DAYS = 28;
    public static final int DEFAULT_HEALTHY_LAST_DEPLOYS = 3;
    public static final int DEFAULT_FAILURE_RATE_WINDOW_DAYS = 28;
    public static final int DEFAULT_FAILURE_RATE_MAX_PERCENT = 50;

    /** The longest window or age limit, in days (ten years). */
    public static final int MAX_DAYS = 3650;
    /** The most deploys a window is taken to hold per day: one an hour. */
    public static final int MAX_DEPLOYS_PER_DAY = 24;
    /** The longest run of failed deploys the health rule may look at. */
    public static final int MAX_LAST_DEPLOYS = 100;

    private final GateMode mode;
    private final boolean freshEnabled;
    private final int freshMaxDays;
    private final boolean frequentEnabled;
    private final int frequentMinDeploys;
    private final int frequentWindowDays;
    private final boolean candidatePractisedEnabled;
    private final boolean healthyEnabled;
    private final int healthyLastDeploys;
    private final boolean failureRateEnabled;
    private final int failureRateWindowDays;
    private final int failureRateMaxPercent;

    private GatePolicy(Builder builder) {
        this.mode = builder.mode;
        this.freshEnabled = builder.freshEnabled;
        this.freshMaxDays = builder.freshMaxDays;
        this.frequentEnabled = builder.frequentEnabled;
        this.frequentMinDeploys = builder.frequentMinDeploys;
        this.frequentWindowDays = builder.frequentWindowDays;
        this.candidatePractisedEnabled = builder.candidatePractisedEnabled;
        this.healthyEnabled = builder.healthyEnabled;
        this.healthyLastDeploys = builder.healthyLastDeploys;
        this.failureRateEnabled = builder.failureRateEnabled;
        this.failureRateWindowDays = builder.failureRateWindowDays;
        this.failureRateMaxPercent = builder.failureRateMaxPercent;
    }

    /** @return the default policy */
    public static GatePolicy defaults() {
        return builder().build();
    }

    /** @return a builder holding the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this policy's values, to derive a changed copy */
    public Builder toBuilder() {
        return new Builder()
                .mode(mode)
                .freshEnabled(freshEnabled)
                .freshMaxDays(freshMaxDays)
                .frequentEnabled(frequentEnabled)
                .frequentMinDeploys(frequentMinDeploys)
                .frequentWindowDays(frequentWindowDays)
                .candidatePractisedEnabled(candidatePractisedEnabled)
                .healthyEnabled(healthyEnabled)
                .healthyLastDeploys(healthyLastDeploys)
                .failureRateEnabled(failureRateEnabled)
                .failureRateWindowDays(failureRateWindowDays)
                .failureRateMaxPercent(failureRateMaxPercent);
    }

    /**
     * Evaluates the gate against a job's ledger; see {@link GateEvaluator#evaluate(GatePolicy, DeployLedger,
     * EnvironmentName, CandidateIdentity, Instant, Optional)}.
     *
     * @param ledger the job's deploy history
     * @param environment the environment whose practice is checked, such as {@code staging}
     * @param candidate what identifies the release candidate
     * @param now the time of evaluation
     * @param override a one-time override already consumed by the caller, if any
     * @return the decision
     * @throws IOException when the ledger cannot be read at all
     */
    public GateDecision evaluate(
            DeployLedger ledger,
            EnvironmentName environment,
            CandidateIdentity candidate,
            Instant now,
            Optional<GateOverride> override)
            throws IOException {
        return GateEvaluator.evaluate(this, ledger, environment, candidate, now, override);
    }

    /**
     * Evaluates the gate against records already read; see {@link GateEvaluator#evaluate(GatePolicy,
     * LedgerRead, EnvironmentName, CandidateIdentity, Instant, Optional)}.
     *
     * @param history the records in append order and the count of unreadable lines met
     * @param environment the environment whose practice is checked
     * @param candidate what identifies the release candidate
     * @param now the time of evaluation
     * @param override a one-time override already consumed by the caller, if any
     * @return the decision
     */
    public GateDecision evaluate(
            LedgerRead history,
            EnvironmentName environment,
            CandidateIdentity candidate,
            Instant now,
            Optional<GateOverride> override) {
        return GateEvaluator.evaluate(this, history, environment, candidate, now, override);
    }

    public GateMode getMode() {
        return mode;
    }

    public boolean isFreshEnabled() {
        return freshEnabled;
    }

    /** @return the oldest the last successful deploy may be, in days */
    public int getFreshMaxDays() {
        return freshMaxDays;
    }

    public boolean isFrequentEnabled() {
        return frequentEnabled;
    }

    /** @return the fewest successful deploys required in the frequency window */
    public int getFrequentMinDeploys() {
        return frequentMinDeploys;
    }

    /** @return the frequency window, in days */
    public int getFrequentWindowDays() {
        return frequentWindowDays;
    }

    public boolean isCandidatePractisedEnabled() {
        return candidatePractisedEnabled;
    }

    /** @return whether the "last K deploys not all failed" part of {@link GateRule#HEALTHY} is on */
    public boolean isHealthyEnabled() {
        return healthyEnabled;
    }

    /** @return K: how many failed completed deploys in a row fail the health rule */
    public int getHealthyLastDeploys() {
        return healthyLastDeploys;
    }

    /** @return whether the failure rate part of {@link GateRule#HEALTHY} is on */
    public boolean isFailureRateEnabled() {
        return failureRateEnabled;
    }

    /** @return the failure rate window, in days */
    public int getFailureRateWindowDays() {
        return failureRateWindowDays;
    }

    /** @return the highest failure rate allowed, in percent */
    public int getFailureRateMaxPercent() {
        return failureRateMaxPercent;
    }

    /** @return the longest window a switched-on rule reads, in days; 0 when no rule reads a window */
    int maxWindowDays() {
        int days = 0;
        if (frequentEnabled) {
            days = Math.max(days, frequentWindowDays);
        }
        if (failureRateEnabled) {
            days = Math.max(days, failureRateWindowDays);
        }
        return days;
    }

    @Override
    public String toString() {
        return "GatePolicy[mode=" + mode + ", fresh=" + (freshEnabled ? freshMaxDays + "d" : "off") + ", frequent="
                + (frequentEnabled ? frequentMinDeploys + "/" + frequentWindowDays + "d" : "off")
                + ", candidatePractised=" + (candidatePractisedEnabled ? "on" : "off") + ", healthy="
                + (healthyEnabled ? "last " + healthyLastDeploys : "off") + ", failureRate="
                + (failureRateEnabled ? failureRateMaxPercent + "%/" + failureRateWindowDays + "d" : "off") + "]";
    }

    /** Collects the values of a {@link GatePolicy}; {@link #build()} validates them. */
    public static final class Builder {
        private GateMode mode = GateMode.ENFORCE;
        private boolean freshEnabled = true;
        private int freshMaxDays = DEFAULT_FRESH_MAX_DAYS;
        private boolean frequentEnabled = true;
        private int frequentMinDeploys = DEFAULT_FREQUENT_MIN_DEPLOYS;
        private int frequentWindowDays = DEFAULT_FREQUENT_WINDOW_DAYS;
        private boolean candidatePractisedEnabled = true;
        private boolean healthyEnabled = true;
        private int healthyLastDeploys = DEFAULT_HEALTHY_LAST_DEPLOYS;
        private boolean failureRateEnabled;
        private int failureRateWindowDays = DEFAULT_FAILURE_RATE_WINDOW_DAYS;
        private int failureRateMaxPercent = DEFAULT_FAILURE_RATE_MAX_PERCENT;

        private Builder() {}

        public Builder mode(GateMode mode) {
            this.mode = mode;
            return this;
        }

        public Builder freshEnabled(boolean enabled) {
            this.freshEnabled = enabled;
            return this;
        }

        public Builder freshMaxDays(int days) {
            this.freshMaxDays = days;
            return this;
        }

        public Builder frequentEnabled(boolean enabled) {
            this.frequentEnabled = enabled;
            return this;
        }

        public Builder frequentMinDeploys(int deploys) {
            this.frequentMinDeploys = deploys;
            return this;
        }

        public Builder frequentWindowDays(int days) {
            this.frequentWindowDays = days;
            return this;
        }

        public Builder candidatePractisedEnabled(boolean enabled) {
            this.candidatePractisedEnabled = enabled;
            return this;
        }

        public Builder healthyEnabled(boolean enabled) {
            this.healthyEnabled = enabled;
            return this;
        }

        public Builder healthyLastDeploys(int deploys) {
            this.healthyLastDeploys = deploys;
            return this;
        }

        public Builder failureRateEnabled(boolean enabled) {
            this.failureRateEnabled = enabled;
            return this;
        }

        public Builder failureRateWindowDays(int days) {
            this.failureRateWindowDays = days;
            return this;
        }

        public Builder failureRateMaxPercent(int percent) {
            this.failureRateMaxPercent = percent;
            return this;
        }

        /**
         * @return the policy
         * @throws IllegalArgumentException naming the first field out of range and its allowed values
         */
        public GatePolicy build() {
            if (mode == null) {
                throw new IllegalArgumentException("mode: must be one of ENFORCE, WARN");
            }
            requireRange("freshMaxDays", freshMaxDays, 1, MAX_DAYS);
            requireRange("frequentWindowDays", frequentWindowDays, 1, MAX_DAYS);
            int fit = frequentWindowDays * MAX_DEPLOYS_PER_DAY;
            if (frequentMinDeploys > fit) {
                throw new IllegalArgumentException("frequentMinDeploys: " + frequentMinDeploys
                        + " deploys cannot fit in " + frequentWindowDays + " days at one deploy per hour at most;"
                        + " must be 1 to " + fit + ", was " + frequentMinDeploys);
            }
            requireRange("frequentMinDeploys", frequentMinDeploys, 1, fit);
            requireRange("healthyLastDeploys", healthyLastDeploys, 1, MAX_LAST_DEPLOYS);
            requireRange("failureRateWindowDays", failureRateWindowDays, 1, MAX_DAYS);
            requireRange("failureRateMaxPercent", failureRateMaxPercent, 0, 100);
            return new GatePolicy(this);
        }

        private static void requireRange(String field, int value, int min, int max) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(field + ": must be " + min + " to " + max + ", was " + value);
            }
        }
    }
}
