package io.jenkins.plugins.deployoften.model.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.DeployStatistics;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import io.jenkins.plugins.deployoften.model.FrequencyClass;
import io.jenkins.plugins.deployoften.model.LedgerRead;
import io.jenkins.plugins.deployoften.model.WeeklyBucket;
import io.jenkins.plugins.deployoften.model.gate.CandidateIdentity;
import io.jenkins.plugins.deployoften.model.gate.GateDecision;
import io.jenkins.plugins.deployoften.model.gate.GateEvaluator;
import io.jenkins.plugins.deployoften.model.gate.GatePolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.Test;

public class ViewDeployHealthTest {
    /** A Thursday. */
    private static final Instant NOW = Instant.parse("2026-06-04T12:00:00Z");

    private static final GatePolicy.FreshRule FRESH = GatePolicy.FreshRule.DEFAULT;

    private static int build = 1;

    private static DeployRecord deploy(String environment, DeployOutcome outcome, Instant started, Duration took) {
        return DeployRecord.builder(environment, "app", build++)
                .outcome(outcome)
                .startedAt(started)
                .duration(took)
                .build();
    }

    private static DeployHealthView job(String environment, List<DeployRecord> records) {
        return job(environment, records, Optional.empty());
    }

    private static DeployHealthView job(String environment, List<DeployRecord> records, Optional<GateDecision> gate) {
        return DeployHealthView.of(DeployStatistics.compute(records, EnvironmentName.of(environment), NOW, 12), gate);
    }

    /** Successful deploys of 3 minutes, one a day on the given days ago. */
    private static List<DeployRecord> successes(String environment, int... daysAgo) {
        List<DeployRecord> records = new ArrayList<>();
        for (int days : daysAgo) {
            records.add(deploy(
                    environment, DeployOutcome.SUCCESS, NOW.minus(Duration.ofDays(days)), Duration.ofMinutes(3)));
        }
        return records;
    }

    private static GateDecision blocked() {
        return GateEvaluator.evaluate(
                GatePolicy.defaults(),
                new LedgerRead(List.of(), 0),
                EnvironmentName.of("staging"),
                CandidateIdentity.none(),
                NOW,
                Optional.empty());
    }

    @Test
    public void anEmptyViewHasNoFiguresAndSaysSo() {
        ViewDeployHealth health = ViewDeployHealth.of(List.of(), FRESH, NOW);

        assertThat(health.isEmpty()).isTrue();
        assertThat(health.getJobs()).isZero();
        assertThat(health.getStale()).isZero();
        assertThat(health.getGoingStale()).isZero();
        assertThat(health.getBlocked()).isZero();
        assertThat(health.getWeeks()).isEmpty();
        assertThat(health.getDeploysPerWeek()).isZero();
        assertThat(health.getFrequencyClass()).isEqualTo(FrequencyClass.NO_DATA);
        assertThat(health.getChangeFailureRate()).isEmpty();
        assertThat(health.getPace()).isEqualTo(ViewDeployHealth.Pace.UNKNOWN);
    }

    @Test
    public void oneJobGivesItsOwnFigures() {
        List<DeployRecord> records = new ArrayList<>(successes("staging", 1, 2, 3, 8, 9, 10, 15, 16));
        records.add(deploy("staging", DeployOutcome.FAILURE, NOW.minus(Duration.ofDays(4)), Duration.ofMinutes(1)));
        DeployHealthView only = job("staging", records);

        ViewDeployHealth health = ViewDeployHealth.of(List.of(only), FRESH, NOW);

        DeployStatistics statistics = only.getStatistics();
        assertThat(health.isEmpty()).isFalse();
        assertThat(health.getJobs()).isEqualTo(1);
        assertThat(health.getWeeks()).hasSize(12);
        assertThat(health.getWeeks())
                .extracting(WeeklyBucket::getSuccessful)
                .isEqualTo(statistics.getWeeks().stream()
                        .map(WeeklyBucket::getSuccessful)
                        .toList());
        assertThat(health.getDeploysPerWeek()).isEqualTo(statistics.getDeploysPerWeek());
        assertThat(health.getFrequencyClass()).isEqualTo(statistics.getFrequencyClass());
        assertThat(health.getChangeFailureRate()).isEqualTo(statistics.getChangeFailureRate());
        assertThat(health.getChangeFailureRate()).contains(1.0 / 9);
        assertThat(health.getStale()).isZero();
        assertThat(health.getGoingStale()).isZero();
    }

    @Test
    public void jobsOfMixedEnvironmentsAddUpWeekByWeek() {
        DeployHealthView staging = job("staging", successes("staging", 1, 8));
        List<DeployRecord> production = new ArrayList<>(successes("production", 1));
        production.add(
                deploy("production", DeployOutcome.FAILURE, NOW.minus(Duration.ofDays(2)), Duration.ofMinutes(5)));
        DeployHealthView prod = job("production", production);

        ViewDeployHealth health = ViewDeployHealth.of(List.of(staging, prod), FRESH, NOW);

        assertThat(health.getJobs()).isEqualTo(2);
        assertThat(health.getSuccessful()).isEqualTo(3);
        assertThat(health.getFailed()).isEqualTo(1);
        assertThat(health.getChangeFailureRate()).contains(0.25);
        WeeklyBucket thisWeek = health.getWeeks().get(11);
        assertThat(thisWeek.getSuccessful()).isEqualTo(2);
        assertThat(thisWeek.getFailed()).isEqualTo(1);
        // both successes of this week started on the same day: one day with a deploy, not two
        assertThat(thisWeek.getDaysWithSuccess()).isEqualTo(1);
    }

    @Test
    public void jobsDeployingOnDifferentDaysMakeTheViewDeployDaily() {
        // each job deploys on one day a week only (weekly); together they deploy on three days of every week
        List<DeployHealthView> jobs = new ArrayList<>();
        for (int offset = 0; offset < 3; offset++) {
            int[] days = new int[11];
            for (int week = 0; week < 11; week++) {
                days[week] = 7 * week + 7 + offset;
            }
            jobs.add(job("staging", successes("staging", days)));
        }
        assertThat(jobs).allMatch(j -> j.getStatistics().getFrequencyClass() == FrequencyClass.WEEKLY);

        ViewDeployHealth health = ViewDeployHealth.of(jobs, FRESH, NOW);

        assertThat(health.getFrequencyClass()).isEqualTo(FrequencyClass.DAILY);
    }

    @Test
    public void jobsDeployingOnTheSameDayStayWeekly() {
        List<DeployHealthView> jobs = new ArrayList<>();
        for (int job = 0; job < 3; job++) {
            int[] days = new int[11];
            for (int week = 0; week < 11; week++) {
                days[week] = 7 * week + 7;
            }
            jobs.add(job("staging", successes("staging", days)));
        }

        ViewDeployHealth health = ViewDeployHealth.of(jobs, FRESH, NOW);

        assertThat(health.getFrequencyClass()).isEqualTo(FrequencyClass.WEEKLY);
        assertThat(health.getSuccessful()).isEqualTo(33);
        assertThat(health.getWeeks().subList(0, 11)).allMatch(week -> week.getDaysWithSuccess() == 1);
    }

    @Test
    public void aJobLeftOutChangesNoFigure() {
        DeployHealthView readable = job("staging", successes("staging", 1, 8));
        List<DeployRecord> hiddenRecords = new ArrayList<>(successes("staging", 30));
        hiddenRecords.add(deploy("staging", DeployOutcome.FAILURE, NOW.minus(Duration.ofDays(3)), Duration.ofHours(1)));
        DeployHealthView hidden = job("staging", hiddenRecords, Optional.of(blocked()));

        ViewDeployHealth withHidden = ViewDeployHealth.of(List.of(readable, hidden), FRESH, NOW);
        ViewDeployHealth readableOnly = ViewDeployHealth.of(List.of(readable), FRESH, NOW);

        // the hidden job would show everywhere ...
        assertThat(withHidden.getBlocked()).isEqualTo(1);
        assertThat(withHidden.getStale()).isEqualTo(1);
        assertThat(withHidden.getFailed()).isEqualTo(1);
        // ... and without it nothing is left of it
        assertThat(readableOnly.getJobs()).isEqualTo(1);
        assertThat(readableOnly.getBlocked()).isZero();
        assertThat(readableOnly.getStale()).isZero();
        assertThat(readableOnly.getFailed()).isZero();
        assertThat(readableOnly.getChangeFailureRate()).contains(0.0);
        assertThat(readableOnly.getWeeks())
                .isEqualTo(ViewDeployHealth.of(List.of(readable), FRESH, NOW).getWeeks());
        assertThat(readableOnly.getDeploysPerWeek())
                .isEqualTo(readable.getStatistics().getDeploysPerWeek());
    }

    @Test
    public void staleAndGoingStaleFollowTheFreshRuleToTheMillisecond() {
        long maxDays = FRESH.maxDays();
        Duration limit = Duration.ofDays(maxDays);
        Duration warning = Duration.ofDays(ViewDeployHealth.WARNING_DAYS);
        DeployHealthView atTheLimit = jobLastDeployed(limit);
        DeployHealthView justOverTheLimit = jobLastDeployed(limit.plusMillis(1));
        DeployHealthView exactlyTwoDaysLeft = jobLastDeployed(limit.minus(warning));
        DeployHealthView justUnderTwoDaysLeft =
                jobLastDeployed(limit.minus(warning).plusMillis(1));
        DeployHealthView neverDeployed = job("staging", List.of());

        assertThat(counts(atTheLimit))
                .as("at the limit: fresh, stale within 2 days")
                .containsExactly(0, 1);
        assertThat(counts(justOverTheLimit)).as("1 ms over: stale").containsExactly(1, 0);
        assertThat(counts(exactlyTwoDaysLeft))
                .as("2 days left: fresh in 2 days still")
                .containsExactly(0, 0);
        assertThat(counts(justUnderTwoDaysLeft))
                .as("1 ms less than 2 days left")
                .containsExactly(0, 1);
        assertThat(counts(neverDeployed)).as("no successful deploy fails FRESH").containsExactly(1, 0);

        ViewDeployHealth all = ViewDeployHealth.of(
                List.of(atTheLimit, justOverTheLimit, exactlyTwoDaysLeft, justUnderTwoDaysLeft, neverDeployed),
                FRESH,
                NOW);
        assertThat(all.getStale()).isEqualTo(2);
        assertThat(all.getGoingStale()).isEqualTo(2);
    }

    @Test
    public void withTheFreshRuleOffNoJobIsStale() {
        GatePolicy.FreshRule off = new GatePolicy.FreshRule(false, 14);
        ViewDeployHealth health =
                ViewDeployHealth.of(List.of(job("staging", List.of()), jobLastDeployed(Duration.ofDays(60))), off, NOW);

        assertThat(health.getStale()).isZero();
        assertThat(health.getGoingStale()).isZero();
    }

    @Test
    public void countsTheBlockedGates() {
        ViewDeployHealth health = ViewDeployHealth.of(
                List.of(
                        job("staging", successes("staging", 1), Optional.of(blocked())),
                        job("staging", successes("staging", 1))),
                FRESH,
                NOW);

        assertThat(health.getBlocked()).isEqualTo(1);
    }

    @Test
    public void comparesTheMedianDurationOfTheLastFourWeeksWithTheFourBefore() {
        assertThat(paceOf(Duration.ofMinutes(10), Duration.ofMinutes(5))).isEqualTo(ViewDeployHealth.Pace.QUICKER);
        assertThat(paceOf(Duration.ofMinutes(5), Duration.ofMinutes(10))).isEqualTo(ViewDeployHealth.Pace.SLOWER);
        assertThat(paceOf(Duration.ofMinutes(10), Duration.ofSeconds(570)))
                .isEqualTo(ViewDeployHealth.Pace.ABOUT_THE_SAME);
        assertThat(paceOf(Duration.ofMinutes(10), Duration.ofSeconds(630)))
                .isEqualTo(ViewDeployHealth.Pace.ABOUT_THE_SAME);
    }

    @Test
    public void withoutDeploysInEitherPeriodThePaceIsUnknown() {
        ViewDeployHealth health = ViewDeployHealth.of(List.of(job("staging", successes("staging", 1))), FRESH, NOW);

        assertThat(health.getRecentMedianDuration()).isPresent();
        assertThat(health.getEarlierMedianDuration()).isEmpty();
        assertThat(health.getPace()).isEqualTo(ViewDeployHealth.Pace.UNKNOWN);
    }

    @Test
    public void theMedianIsThatOfAllTheJobsDeploysNotOfTheirMedians() {
        // job a: one slow deploy in each period; job b: two quick ones in the recent period
        DeployHealthView a = job(
                "staging",
                List.of(
                        deploy("staging", DeployOutcome.SUCCESS, NOW.minus(Duration.ofDays(40)), Duration.ofMinutes(9)),
                        deploy(
                                "staging",
                                DeployOutcome.SUCCESS,
                                NOW.minus(Duration.ofDays(3)),
                                Duration.ofMinutes(9))));
        DeployHealthView b = job(
                "staging",
                List.of(
                        deploy("staging", DeployOutcome.SUCCESS, NOW.minus(Duration.ofDays(2)), Duration.ofMinutes(1)),
                        deploy(
                                "staging",
                                DeployOutcome.SUCCESS,
                                NOW.minus(Duration.ofDays(1)),
                                Duration.ofMinutes(1))));

        ViewDeployHealth health = ViewDeployHealth.of(List.of(a, b), FRESH, NOW);

        assertThat(health.getRecentMedianDuration())
                .hasValueSatisfying(median -> assertThat(median.toSeconds()).isBetween(59L, 61L));
        assertThat(health.getPace()).isEqualTo(ViewDeployHealth.Pace.QUICKER);
    }

    @Test
    public void theTrendIsTheCompactChartOfTheCombinedWeeks() {
        ViewDeployHealth health = ViewDeployHealth.of(List.of(job("staging", successes("staging", 1))), FRESH, NOW);

        String json = health.trendChart(EnglishChartLabels.ENGLISH).toJson();

        assertThat(json)
                .contains("\"stack\":\"deploys\"")
                .contains("--success-color")
                .doesNotContain("Median");
    }

    @Test
    public void aMissingJobIsRefused() {
        List<DeployHealthView> jobs = new ArrayList<>();
        jobs.add(null);
        assertThatThrownBy(() -> ViewDeployHealth.of(jobs, FRESH, NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jobs");
    }

    private static DeployHealthView jobLastDeployed(Duration ago) {
        return job("staging", List.of(deploy("staging", DeployOutcome.SUCCESS, NOW.minus(ago), Duration.ofMinutes(3))));
    }

    private static List<Integer> counts(DeployHealthView job) {
        ViewDeployHealth health = ViewDeployHealth.of(List.of(job), FRESH, NOW);
        return List.of(health.getStale(), health.getGoingStale());
    }

    private static ViewDeployHealth.Pace paceOf(Duration earlier, Duration recent) {
        return ViewDeployHealth.of(
                        List.of(job(
                                "staging",
                                List.of(
                                        deploy(
                                                "staging",
                                                DeployOutcome.SUCCESS,
                                                NOW.minus(Duration.ofDays(40)),
                                                earlier),
                                        deploy(
                                                "staging",
                                                DeployOutcome.SUCCESS,
                                                NOW.minus(Duration.ofDays(5)),
                                                recent)))),
                        FRESH,
                        NOW)
                .getPace();
    }
}
