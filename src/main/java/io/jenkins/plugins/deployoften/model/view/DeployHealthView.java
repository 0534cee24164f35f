package io.jenkins.plugins.deployoften.model.view;

import io.jenkins.plugins.deployoften.model.DeployStatistics;
import io.jenkins.plugins.deployoften.model.gate.GateDecision;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What the dashboard, the job page, the list column, the release-manager page and the badges show for one
 * job and environment, computed from its statistics and its last gate decision. Plain values only, so every
 * page renders the same figures and the mapping is tested without Jenkins.
 */
public final class DeployHealthView {
    private final DeployStatistics statistics;
    private final GateBadgeState gateState;

    private DeployHealthView(DeployStatistics statistics, GateBadgeState gateState) {
        this.statistics = statistics;
        this.gateState = gateState;
    }

    /**
     * @param statistics the environment's statistics
     * @param lastGateDecision the job's most recent gate decision, if the gate ever ran
     * @return the view
     */
    public static DeployHealthView of(DeployStatistics statistics, Optional<GateDecision> lastGateDecision) {
        return new DeployHealthView(
                statistics, lastGateDecision.map(DeployHealthView::stateOf).orElse(GateBadgeState.UNKNOWN));
    }

    /**
     * @param statistics the environment's statistics
     * @param gateState what the gate badge shows, as {@link #getGateState()} gave it
     * @return the view, as one stored with its gate state is read back
     */
    public static DeployHealthView of(DeployStatistics statistics, GateBadgeState gateState) {
        return new DeployHealthView(Objects.requireNonNull(statistics, "statistics"), gateState);
    }

    /**
     * @param now a later time
     * @return whether {@link #at(Instant)} can show the view at that time, see
     *     {@link DeployStatistics#canMoveTo(Instant)}: not earlier, in the same ISO week (UTC), and no
     *     future-dated record of the history has started by then
     */
    public boolean canMoveTo(Instant now) {
        return statistics.canMoveTo(now);
    }

    /**
     * The same view seen later in the same statistics window: the statistics are moved on with
     * {@link DeployStatistics#at(Instant)}, so ages ("2 h ago"), the days so far, the rates per week and
     * everything built from them are what a fresh computation at {@code now} would show. Lets a cache keep a
     * view for the whole ISO week without showing stale figures.
     *
     * @param now a time the view {@link #canMoveTo(Instant) can move to}
     * @return the view at that time
     * @throws IllegalArgumentException when it cannot move there; compute the view afresh instead
     */
    public DeployHealthView at(Instant now) {
        return new DeployHealthView(statistics.at(now), gateState);
    }

    private Optional<Duration> lastSuccessAgeNow() {
        return statistics.getTimeSinceLastSuccess();
    }

    static GateBadgeState stateOf(GateDecision decision) {
        switch (decision.getStatus()) {
            case PASS:
                return GateBadgeState.PASS;
            case WARN:
                return GateBadgeState.WARN;
            default:
                return GateBadgeState.BLOCK;
        }
    }

    public DeployStatistics getStatistics() {
        return statistics;
    }

    /** @return the environment's name */
    public String getEnvironment() {
        return statistics.getEnvironment().value();
    }

    /** @return the last gate decision's state */
    public GateBadgeState getGateState() {
        return gateState;
    }

    /**
     * @param labels the words the chart shows
     * @return the trend chart of the statistics window
     */
    public DeployTrendChart trendChart(ChartLabels labels) {
        return DeployTrendChart.of(statistics.getWeeks(), labels);
    }

    /**
     * @param name {@code frequency}, {@code last}, {@code failures} or {@code gate}
     * @param texts the badge's words
     * @return that badge, or empty for another name
     */
    public Optional<Badge> badge(String name, BadgeTexts texts) {
        switch (name) {
            case "frequency":
                return Optional.of(
                        Badges.frequency(statistics.getDeploysPerWeek(), statistics.getFrequencyClass(), texts));
            case "last":
                return Optional.of(Badges.lastDeploy(getEnvironment(), lastSuccessAgeNow(), texts));
            case "failures":
                Optional<Double> rate = statistics.getChangeFailureRate();
                return Optional.of(Badges.failureRate(
                        rate.isPresent() ? OptionalDouble.of(rate.get()) : OptionalDouble.empty(), texts));
            case "gate":
                return Optional.of(Badges.gate(gateState, texts));
            default:
                return Optional.empty();
        }
    }

    /** @return the badge names {@link #badge(String, BadgeTexts)} knows */
    public static List<String> badgeNames() {
        return List.of("frequency", "last", "failures", "gate");
    }

    /** @return milliseconds since the last successful deploy, -1 when there was none; for sorting */
    public long getLastSuccessAgeMillis() {
        return lastSuccessAgeNow().map(Duration::toMillis).orElse(-1L);
    }

    /** @return how old the last successful deploy is, for sorting */
    public Optional<Duration> getLastSuccessAge() {
        return lastSuccessAgeNow();
    }
}
