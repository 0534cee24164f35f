package io.jenkins.plugins.deployoften.model.gate;

import io.jenkins.plugins.deployoften.model.DeployLedger;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import io.jenkins.plugins.deployoften.model.FieldProblem;
import io.jenkins.plugins.deployoften.model.InvalidValueException;
import io.jenkins.plugins.deployoften.model.LedgerRead;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

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
 * {@code failureRateMaxPercent} 0 to 100. Limits of switched-off rules are validated too. Each rule's switch and
 * limits are one value: {@link FreshRule}, {@link FrequentRule}, {@link CandidateRule}, {@link HealthyRule} and
 * {@link FailureRateRule}.
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
    private final FreshRule fresh;
    private final FrequentRule frequent;
    private final CandidateRule candidatePractised;
    private final HealthyRule healthy;
    private final FailureRateRule failureRate;

    private GatePolicy(Builder builder) {
        this.mode = builder.mode;
        this.fresh = builder.fresh;
        this.frequent = builder.frequent;
        this.candidatePractised = builder.candidatePractised;
        this.healthy = builder.healthy;
        this.failureRate = builder.failureRate;
    }

    /**
     * {@link GateRule#FRESH}: the last successful deploy at most {@code maxDays} old.
     *
     * @param enabled whether the rule applies
     * @param maxDays the oldest the last successful deploy may be, in days: 1 to {@link #MAX_DAYS}
     */
    public record FreshRule(boolean enabled, int maxDays) {
        public static final FreshRule DEFAULT = new FreshRule(true, DEFAULT_FRESH_MAX_DAYS);

        /**
         * @param age the time since the last successful deploy started
         * @return whether that deploy is recent enough for this rule: at most {@code maxDays} days old
         */
        public boolean allows(Duration age) {
            return age.compareTo(Duration.ofDays(maxDays)) <= 0;
        }

        /** @return what is wrong with the limit, naming {@code freshMaxDays}, or empty */
        public Optional<FieldProblem> problem() {
            return FieldProblem.ifOutOfRange("freshMaxDays", 1, MAX_DAYS, maxDays);
        }
    }

    /**
     * {@link GateRule#FREQUENT}: at least {@code minDeploys} successful deploys in {@code windowDays}.
     *
     * @param enabled whether the rule applies
     * @param minDeploys the fewest successful deploys: 1 to {@code windowDays} × {@link #MAX_DEPLOYS_PER_DAY}
     * @param windowDays the window, in days: 1 to {@link #MAX_DAYS}
     */
    public record FrequentRule(boolean enabled, int minDeploys, int windowDays) {
        public static final FrequentRule DEFAULT =
                new FrequentRule(true, DEFAULT_FREQUENT_MIN_DEPLOYS, DEFAULT_FREQUENT_WINDOW_DAYS);

        /** @return what is wrong with the limits, the window first, or empty */
        public Optional<FieldProblem> problem() {
            Optional<FieldProblem> window = FieldProblem.ifOutOfRange("frequentWindowDays", 1, MAX_DAYS, windowDays);
            if (window.isPresent()) {
                return window;
            }
            int fit = windowDays * MAX_DEPLOYS_PER_DAY;
            if (minDeploys > fit) {
                return Optional.of(new FieldProblem(
                        "frequentMinDeploys",
                        FieldProblem.Kind.TOO_MANY_FOR_WINDOW,
                        1,
                        fit,
                        String.valueOf(minDeploys),
                        String.valueOf(windowDays)));
            }
            return FieldProblem.ifOutOfRange("frequentMinDeploys", 1, fit, minDeploys);
        }
    }

    /**
     * {@link GateRule#CANDIDATE_PRACTISED}: the candidate itself was deployed to the environment.
     *
     * @param enabled whether the rule applies
     */
    public record CandidateRule(boolean enabled) {
        public static final CandidateRule DEFAULT = new CandidateRule(true);
    }

    /**
     * The "last K deploys not all failed" part of {@link GateRule#HEALTHY}.
     *
     * @param enabled whether this part applies
     * @param lastDeploys K: 1 to {@link #MAX_LAST_DEPLOYS}
     */
    public record HealthyRule(boolean enabled, int lastDeploys) {
        public static final HealthyRule DEFAULT = new HealthyRule(true, DEFAULT_HEALTHY_LAST_DEPLOYS);

        /** @return what is wrong with the limit, naming {@code healthyLastDeploys}, or empty */
        public Optional<FieldProblem> problem() {
            return FieldProblem.ifOutOfRange("healthyLastDeploys", 1, MAX_LAST_DEPLOYS, lastDeploys);
        }
    }

    /**
     * The failure rate part of {@link GateRule#HEALTHY}.
     *
     * @param enabled whether this part applies
     * @param maxPercent the highest failure rate allowed: 0 to 100 percent
     * @param windowDays the window, in days: 1 to {@link #MAX_DAYS}
     */
    public record FailureRateRule(boolean enabled, int maxPercent, int windowDays) {
        public static final FailureRateRule DEFAULT =
                new FailureRateRule(false, DEFAULT_FAILURE_RATE_MAX_PERCENT, DEFAULT_FAILURE_RATE_WINDOW_DAYS);

        /** @return what is wrong with the limits, the window first, or empty */
        public Optional<FieldProblem> problem() {
            return FieldProblem.ifOutOfRange("failureRateWindowDays", 1, MAX_DAYS, windowDays)
                    .or(() -> FieldProblem.ifOutOfRange("failureRateMaxPercent", 0, 100, maxPercent));
        }
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
                .fresh(fresh)
                .frequent(frequent)
                .candidatePractised(candidatePractised)
                .healthy(healthy)
                .failureRate(failureRate);
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

    /** @return the {@link GateRule#FRESH} rule */
    public FreshRule fresh() {
        return fresh;
    }

    /** @return the {@link GateRule#FREQUENT} rule */
    public FrequentRule frequent() {
        return frequent;
    }

    /** @return the {@link GateRule#CANDIDATE_PRACTISED} rule */
    public CandidateRule candidatePractised() {
        return candidatePractised;
    }

    /** @return the "last K deploys not all failed" part of {@link GateRule#HEALTHY} */
    public HealthyRule healthy() {
        return healthy;
    }

    /** @return the failure rate part of {@link GateRule#HEALTHY} */
    public FailureRateRule failureRate() {
        return failureRate;
    }

    public boolean isFreshEnabled() {
        return fresh.enabled();
    }

    /** @return the oldest the last successful deploy may be, in days */
    public int getFreshMaxDays() {
        return fresh.maxDays();
    }

    public boolean isFrequentEnabled() {
        return frequent.enabled();
    }

    /** @return the fewest successful deploys required in the frequency window */
    public int getFrequentMinDeploys() {
        return frequent.minDeploys();
    }

    /** @return the frequency window, in days */
    public int getFrequentWindowDays() {
        return frequent.windowDays();
    }

    public boolean isCandidatePractisedEnabled() {
        return candidatePractised.enabled();
    }

    /** @return whether the "last K deploys not all failed" part of {@link GateRule#HEALTHY} is on */
    public boolean isHealthyEnabled() {
        return healthy.enabled();
    }

    /** @return K: how many failed completed deploys in a row fail the health rule */
    public int getHealthyLastDeploys() {
        return healthy.lastDeploys();
    }

    /** @return whether the failure rate part of {@link GateRule#HEALTHY} is on */
    public boolean isFailureRateEnabled() {
        return failureRate.enabled();
    }

    /** @return the failure rate window, in days */
    public int getFailureRateWindowDays() {
        return failureRate.windowDays();
    }

    /** @return the highest failure rate allowed, in percent */
    public int getFailureRateMaxPercent() {
        return failureRate.maxPercent();
    }

    /** @return the longest window a switched-on rule reads, in days; 0 when no rule reads a window */
    int maxWindowDays() {
        int days = 0;
        if (frequent.enabled()) {
            days = Math.max(days, frequent.windowDays());
        }
        if (failureRate.enabled()) {
            days = Math.max(days, failureRate.windowDays());
        }
        return days;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GatePolicy other
                && mode == other.mode
                && fresh.equals(other.fresh)
                && frequent.equals(other.frequent)
                && candidatePractised.equals(other.candidatePractised)
                && healthy.equals(other.healthy)
                && failureRate.equals(other.failureRate);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mode, fresh, frequent, candidatePractised, healthy, failureRate);
    }

    @Override
    public String toString() {
        return "GatePolicy[mode=" + mode + ", fresh=" + (fresh.enabled() ? fresh.maxDays() + "d" : "off")
                + ", frequent="
                + (frequent.enabled() ? frequent.minDeploys() + "/" + frequent.windowDays() + "d" : "off")
                + ", candidatePractised=" + (candidatePractised.enabled() ? "on" : "off") + ", healthy="
                + (healthy.enabled() ? "last " + healthy.lastDeploys() : "off") + ", failureRate="
                + (failureRate.enabled() ? failureRate.maxPercent() + "%/" + failureRate.windowDays() + "d" : "off")
                + "]";
    }

    /** Collects the values of a {@link GatePolicy}; {@link #build()} validates them. */
    public static final class Builder {
        private GateMode mode = GateMode.ENFORCE;
        private FreshRule fresh = FreshRule.DEFAULT;
        private FrequentRule frequent = FrequentRule.DEFAULT;
        private CandidateRule candidatePractised = CandidateRule.DEFAULT;
        private HealthyRule healthy = HealthyRule.DEFAULT;
        private FailureRateRule failureRate = FailureRateRule.DEFAULT;

        private Builder() {}

        public Builder mode(GateMode mode) {
            this.mode = mode;
            return this;
        }

        public Builder fresh(FreshRule rule) {
            this.fresh = Objects.requireNonNull(rule, "fresh");
            return this;
        }

        public Builder frequent(FrequentRule rule) {
            this.frequent = Objects.requireNonNull(rule, "frequent");
            return this;
        }

        public Builder candidatePractised(CandidateRule rule) {
            this.candidatePractised = Objects.requireNonNull(rule, "candidatePractised");
            return this;
        }

        public Builder healthy(HealthyRule rule) {
            this.healthy = Objects.requireNonNull(rule, "healthy");
            return this;
        }

        public Builder failureRate(FailureRateRule rule) {
            this.failureRate = Objects.requireNonNull(rule, "failureRate");
            return this;
        }

        public Builder freshEnabled(boolean enabled) {
            return fresh(new FreshRule(enabled, fresh.maxDays()));
        }

        public Builder freshMaxDays(int days) {
            return fresh(new FreshRule(fresh.enabled(), days));
        }

        public Builder frequentEnabled(boolean enabled) {
            return frequent(new FrequentRule(enabled, frequent.minDeploys(), frequent.windowDays()));
        }

        public Builder frequentMinDeploys(int deploys) {
            return frequent(new FrequentRule(frequent.enabled(), deploys, frequent.windowDays()));
        }

        public Builder frequentWindowDays(int days) {
            return frequent(new FrequentRule(frequent.enabled(), frequent.minDeploys(), days));
        }

        public Builder candidatePractisedEnabled(boolean enabled) {
            return candidatePractised(new CandidateRule(enabled));
        }

        public Builder healthyEnabled(boolean enabled) {
            return healthy(new HealthyRule(enabled, healthy.lastDeploys()));
        }

        public Builder healthyLastDeploys(int deploys) {
            return healthy(new HealthyRule(healthy.enabled(), deploys));
        }

        public Builder failureRateEnabled(boolean enabled) {
            return failureRate(new FailureRateRule(enabled, failureRate.maxPercent(), failureRate.windowDays()));
        }

        public Builder failureRateWindowDays(int days) {
            return failureRate(new FailureRateRule(failureRate.enabled(), failureRate.maxPercent(), days));
        }

        public Builder failureRateMaxPercent(int percent) {
            return failureRate(new FailureRateRule(failureRate.enabled(), percent, failureRate.windowDays()));
        }

        /**
         * @return every problem with the collected values, in the order of the fields; empty when they make a
         *     valid policy
         */
        public List<FieldProblem> problems() {
            return Stream.of(
                            mode == null
                                    ? Optional.of(new FieldProblem(
                                            "mode", FieldProblem.Kind.NOT_ONE_OF, 0, 0, "", "ENFORCE, WARN"))
                                    : Optional.<FieldProblem>empty(),
                            fresh.problem(),
                            frequent.problem(),
                            healthy.problem(),
                            failureRate.problem())
                    .flatMap(Optional::stream)
                    .toList();
        }

        /**
         * @return the policy
         * @throws InvalidValueException naming the first field out of range and its allowed values
         */
        public GatePolicy build() {
            List<FieldProblem> problems = problems();
            if (!problems.isEmpty()) {
                throw new InvalidValueException(problems.get(0));
            }
            return new GatePolicy(this);
        }
    }
}
