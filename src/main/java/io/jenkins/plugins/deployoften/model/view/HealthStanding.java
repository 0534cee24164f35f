package io.jenkins.plugins.deployoften.model.view;

import io.jenkins.plugins.deployoften.model.gate.GatePolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a job stands: what the Deploy health widget counts and the Deploy health page filters and sorts on, decided
 * here once for both.
 *
 * <ul>
 *   <li>stale: the job's last successful deploy fails the administrator's {@code FRESH} rule now (none counts as
 *       failing);
 *   <li>going stale: it passes now and, without a deploy, fails it {@value #WARNING_DAYS} days from now;
 *   <li>with the rule switched off no job is either;
 *   <li>blocked: the job's last gate decision was BLOCK.
 * </ul>
 *
 * @param stale whether the {@code FRESH} rule fails now
 * @param goingStale whether it passes now and fails {@value #WARNING_DAYS} days from now
 * @param blocked whether the last gate decision was BLOCK
 */
public record HealthStanding(boolean stale, boolean goingStale, boolean blocked) {
    /** How far ahead "going stale" looks. */
    public static final int WARNING_DAYS = 2;

    /**
     * @param job the job's health
     * @param fresh the administrator's {@code FRESH} rule
     * @param now the time the job is seen at
     * @return where it stands
     */
    public static HealthStanding of(DeployHealthView job, GatePolicy.FreshRule fresh, Instant now) {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(fresh, "fresh");
        Objects.requireNonNull(now, "now");
        Optional<Instant> lastSuccess = job.getStatistics().getLastSuccessStartedAt();
        boolean stale = isStale(fresh, lastSuccess, now);
        boolean goingStale = !stale && isStale(fresh, lastSuccess, now.plus(Duration.ofDays(WARNING_DAYS)));
        return new HealthStanding(stale, goingStale, job.getGateState() == GateBadgeState.BLOCK);
    }

    private static boolean isStale(GatePolicy.FreshRule fresh, Optional<Instant> lastSuccessStart, Instant at) {
        if (!fresh.enabled()) {
            return false;
        }
        return lastSuccessStart
                .map(start -> !fresh.allows(Duration.between(start, at)))
                .orElse(true);
    }

    /** @return the job's place on the Deploy health page: blocked gates first (0), then stale (1), then the rest */
    public int rank() {
        if (blocked) {
            return 0;
        }
        return stale ? 1 : 2;
    }
}
