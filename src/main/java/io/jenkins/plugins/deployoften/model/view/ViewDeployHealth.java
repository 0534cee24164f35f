package io.jenkins.plugins.deployoften.model.view;

import io.jenkins.plugins.deployoften.model.DeployStatistics;
import io.jenkins.plugins.deployoften.model.DurationSketch;
import io.jenkins.plugins.deployoften.model.FrequencyClass;
import io.jenkins.plugins.deployoften.model.WeeklyBucket;
import io.jenkins.plugins.deployoften.model.gate.GatePolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The deploy health of a view's jobs as one: what the "Deploy health" widget shows. Built from the jobs' {@link
 * DeployHealthView health views} (one per job, each of the environment that job deployed to last), so it reads
 * nothing itself; the caller hands in only the jobs the user may read, so a hidden job changes no figure.
 *
 * <ul>
 *   <li>the weeks: per week of the statistics window, the jobs' same weeks {@link WeeklyBucket#combine combined};
 *   <li>deploys per week and the change failure rate: those of all the jobs' deploys, over the longest history
 *       among the jobs with a history (a record in the window, or a successful deploy before it);
 *   <li>the frequency class: {@link FrequencyClass} judged on the combined weeks from the earliest week any of
 *       those jobs is judged from (two jobs deploying on different days make two days with a deploy);
 *   <li>stale, going stale and blocked: as {@link HealthStanding} decides (the Deploy health page filters on the
 *       same);
 *   <li>the pace: the median duration of the completed deploys of the last {@value #PACE_WEEKS} weeks against that
 *       of the {@value #PACE_WEEKS} weeks before; "about the same" within {@value #SAME_PACE_PERCENT} % either way.
 * </ul>
 */
public final class ViewDeployHealth {
    /** How far ahead "going stale" looks, as {@link HealthStanding}. */
    public static final int WARNING_DAYS = HealthStanding.WARNING_DAYS;
    /** The weeks each side of the pace comparison. */
    public static final int PACE_WEEKS = 4;
    /** How much the medians may differ and still be "about the same", in percent of the earlier one. */
    public static final int SAME_PACE_PERCENT = 10;

    /** Whether deploys got quicker. */
    public enum Pace {
        QUICKER,
        SLOWER,
        ABOUT_THE_SAME,
        /** Either period has no completed deploy. */
        UNKNOWN
    }

    private final int jobs;
    private final int stale;
    private final int goingStale;
    private final int blocked;
    private final List<WeeklyBucket> weeks;
    private final int successful;
    private final int failed;
    private final int daysSoFar;
    private final FrequencyClass frequencyClass;
    private final Duration recentMedian;
    private final Duration earlierMedian;

    private ViewDeployHealth(Builder builder, List<WeeklyBucket> weeks, FrequencyClass frequencyClass) {
        this.jobs = builder.jobs;
        this.stale = builder.stale;
        this.goingStale = builder.goingStale;
        this.blocked = builder.blocked;
        this.weeks = List.copyOf(weeks);
        this.successful = weeks.stream().mapToInt(WeeklyBucket::getSuccessful).sum();
        this.failed = weeks.stream().mapToInt(WeeklyBucket::getFailed).sum();
        this.daysSoFar = Math.max(1, builder.daysSoFar);
        this.frequencyClass = frequencyClass;
        this.recentMedian = median(weeks, weeks.size() - PACE_WEEKS, weeks.size());
        this.earlierMedian = median(weeks, weeks.size() - 2 * PACE_WEEKS, weeks.size() - PACE_WEEKS);
    }

    /**
     * @param jobs the health of each deploying job the user may read, at {@code now}
     * @param fresh the administrator's {@code FRESH} rule
     * @param now the time the health is seen at
     * @return the view's health
     * @throws IllegalArgumentException when a value is missing
     */
    public static ViewDeployHealth of(List<DeployHealthView> jobs, GatePolicy.FreshRule fresh, Instant now) {
        if (jobs == null || jobs.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("jobs is missing or has a missing job: use a list of health views");
        }
        Objects.requireNonNull(fresh, "fresh");
        Objects.requireNonNull(now, "now");
        Builder builder = new Builder();
        Map<LocalDate, List<WeeklyBucket>> byWeek = new TreeMap<>();
        LocalDate judgedFrom = null;
        for (DeployHealthView job : jobs) {
            DeployStatistics statistics = job.getStatistics();
            builder.jobs++;
            HealthStanding standing = HealthStanding.of(job, fresh, now);
            if (standing.blocked()) {
                builder.blocked++;
            }
            if (standing.stale()) {
                builder.stale++;
            }
            if (standing.goingStale()) {
                builder.goingStale++;
            }
            for (WeeklyBucket week : statistics.getWeeks()) {
                byWeek.computeIfAbsent(week.getWeekStart(), start -> new ArrayList<>())
                        .add(week);
            }
            if (hasHistory(statistics)) {
                builder.daysSoFar = Math.max(builder.daysSoFar, statistics.getDaysSoFar());
                LocalDate first = statistics
                        .getWeeks()
                        .get(statistics.getFirstWeekJudged())
                        .getWeekStart();
                judgedFrom = judgedFrom == null || first.isBefore(judgedFrom) ? first : judgedFrom;
            }
        }
        List<WeeklyBucket> weeks = new ArrayList<>();
        List<WeeklyBucket> judged = new ArrayList<>();
        for (Map.Entry<LocalDate, List<WeeklyBucket>> week : byWeek.entrySet()) {
            WeeklyBucket combined = WeeklyBucket.combine(week.getValue());
            weeks.add(combined);
            if (judgedFrom != null && !week.getKey().isBefore(judgedFrom)) {
                judged.add(combined);
            }
        }
        return new ViewDeployHealth(builder, weeks, FrequencyClass.classify(judged));
    }

    private static boolean hasHistory(DeployStatistics statistics) {
        return statistics.getSuccessful() + statistics.getFailed() + statistics.getAborted() + statistics.getSkipped()
                        > 0
                || statistics.getLastSuccessStartedAt().isPresent();
    }

    private static Duration median(List<WeeklyBucket> weeks, int from, int to) {
        List<DurationSketch> sketches = new ArrayList<>();
        for (int i = Math.max(0, from); i < to; i++) {
            sketches.add(weeks.get(i).getDurations());
        }
        return DurationSketch.merge(sketches).median().orElse(null);
    }

    /** @return how many deploying jobs the user may read */
    public int getJobs() {
        return jobs;
    }

    /** @return whether no job deploys */
    public boolean isEmpty() {
        return jobs == 0;
    }

    /** @return the jobs whose {@code FRESH} rule fails now */
    public int getStale() {
        return stale;
    }

    /** @return the jobs whose {@code FRESH} rule passes now and fails {@value #WARNING_DAYS} days from now */
    public int getGoingStale() {
        return goingStale;
    }

    /** @return the jobs whose last gate decision was BLOCK */
    public int getBlocked() {
        return blocked;
    }

    /** @return the combined weeks of the window, oldest first */
    public List<WeeklyBucket> getWeeks() {
        return weeks;
    }

    /** @return the compact trend chart of the combined weeks: successful and failed deploys, stacked */
    public DeployTrendChart trendChart(ChartLabels labels) {
        return DeployTrendChart.compact(weeks, labels);
    }

    /** @return the successful deploys in the window */
    public int getSuccessful() {
        return successful;
    }

    /** @return the failed deploys in the window */
    public int getFailed() {
        return failed;
    }

    /** @return successful deploys per week: {@code 7 * successful / days so far} of the longest history */
    public double getDeploysPerWeek() {
        return 7.0 * successful / daysSoFar;
    }

    /** @return the frequency class of the jobs' deploys together */
    public FrequencyClass getFrequencyClass() {
        return frequencyClass;
    }

    /** @return {@code failed / (successful + failed)}, empty when no deploy completed */
    public Optional<Double> getChangeFailureRate() {
        int completed = successful + failed;
        return completed == 0 ? Optional.empty() : Optional.of((double) failed / completed);
    }

    /** @return the median duration of the last {@value #PACE_WEEKS} weeks' completed deploys */
    public Optional<Duration> getRecentMedianDuration() {
        return Optional.ofNullable(recentMedian);
    }

    /** @return the median duration of the completed deploys of the {@value #PACE_WEEKS} weeks before those */
    public Optional<Duration> getEarlierMedianDuration() {
        return Optional.ofNullable(earlierMedian);
    }

    /** @return whether deploys got quicker, see the class comment */
    public Pace getPace() {
        if (recentMedian == null || earlierMedian == null) {
            return Pace.UNKNOWN;
        }
        long recent = recentMedian.toMillis();
        long earlier = earlierMedian.toMillis();
        long tolerance = earlier * SAME_PACE_PERCENT / 100;
        if (recent < earlier - tolerance) {
            return Pace.QUICKER;
        }
        if (recent > earlier + tolerance) {
            return Pace.SLOWER;
        }
        return Pace.ABOUT_THE_SAME;
    }

    private static final class Builder {
        private int jobs;
        private int stale;
        private int goingStale;
        private int blocked;
        private int daysSoFar;
    }
}
