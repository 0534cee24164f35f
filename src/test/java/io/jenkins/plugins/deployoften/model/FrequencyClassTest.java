package io.jenkins.plugins.deployoften.model;

import static io.jenkins.plugins.deployoften.model.StatisticsFixtures.NOW;
import static io.jenkins.plugins.deployoften.model.StatisticsFixtures.STAGING;
import static io.jenkins.plugins.deployoften.model.StatisticsFixtures.staging;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

/**
 * The frequency class rules on windows ending Wednesday {@link StatisticsFixtures#NOW}. Medians are
 * nearest-rank: of 4 weekly values the 2nd smallest, of 3 monthly values the 2nd smallest.
 */
public class FrequencyClassTest {
    /**
     * @param days for each week of the window, oldest first, the weekday offsets (0 = Monday) of successful
     *     deploys at 08:00 UTC; a repeated offset is a second deploy on the same day
     */
    private static FrequencyClass classOf(int[]... days) {
        StatisticsWindow window = StatisticsWindow.ending(NOW, days.length);
        List<DeployRecord> records = new ArrayList<>();
        int build = 1;
        for (int week = 0; week < days.length; week++) {
            for (int day : days[week]) {
                Instant startedAt =
                        window.weekStart(week).plus(Duration.ofDays(day)).plus(Duration.ofHours(8));
                records.add(staging(build, DeployOutcome.SUCCESS, startedAt.plusSeconds(build)));
                build++;
            }
        }
        return DeployStatistics.compute(records, STAGING, NOW, days.length).getFrequencyClass();
    }

    private static int[] on(int... weekdays) {
        return weekdays;
    }

    @Test
    public void noSuccessfulDeployIsNoData() {
        assertThat(classOf(on(), on(), on(), on())).isEqualTo(FrequencyClass.NO_DATA);
    }

    @Test
    public void aMedianOfExactlyThreeDaysPerWeekIsDaily() {
        // distinct days per week [2, 3, 3, 3] -> median 3
        assertThat(classOf(on(0, 1), on(0, 2, 4), on(1, 3, 5), on(0, 1, 2))).isEqualTo(FrequencyClass.DAILY);
    }

    @Test
    public void aMedianOfTwoDaysPerWeekIsNotDailyEvenWithManyDeploys() {
        // distinct days per week [2, 2, 3, 3] -> median 2; eight deploys on two days still count as two days
        assertThat(classOf(on(0, 0, 0, 0, 1, 1, 1, 1), on(2, 4), on(1, 3, 5), on(0, 1, 2)))
                .isEqualTo(FrequencyClass.WEEKLY);
    }

    @Test
    public void moreThanHalfOfTheWeeksWithASuccessIsWeekly() {
        // 3 of 4 weeks: 2 * 3 > 4
        assertThat(classOf(on(0), on(), on(3), on(1))).isEqualTo(FrequencyClass.WEEKLY);
    }

    @Test
    public void exactlyHalfOfTheWeeksIsNotWeekly() {
        // 2 of 4 weeks: 2 * 2 = 4 is not more than 4; one 4-week month with 2 deploys -> MONTHLY
        assertThat(classOf(on(0), on(), on(3), on())).isEqualTo(FrequencyClass.MONTHLY);
    }

    @Test
    public void aMedianOfOneSuccessfulDeployPerFourWeekMonthIsMonthly() {
        // 12 weeks = months of weeks 0-3, 4-7, 8-11; deploys [1, 1, 0] -> sorted [0, 1, 1], median 1;
        // only 2 of 12 weeks have a deploy, so not weekly
        assertThat(classOf(on(2), on(), on(), on(), on(), on(), on(4), on(), on(), on(), on(), on()))
                .isEqualTo(FrequencyClass.MONTHLY);
    }

    @Test
    public void aMedianBelowOneDeployPerMonthIsYearly() {
        // deploys per month [2, 0, 0] -> sorted [0, 0, 2], median 0
        assertThat(classOf(on(2), on(), on(5), on(), on(), on(), on(), on(), on(), on(), on(), on()))
                .isEqualTo(FrequencyClass.YEARLY);
    }
}
