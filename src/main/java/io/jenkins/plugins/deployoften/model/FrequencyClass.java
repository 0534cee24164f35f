package io.jenkins.plugins.deployoften.model;

import java.util.ArrayList;
import java.util.List;

/**
 * How often an environment gets a successful deploy: the one vocabulary that the badge colour, the dashboard,
 * the list column and the Deploy health page all use. It is judged over the weeks of a {@link StatisticsWindow}
 * from the week of the environment's first record on (every such week counts, the current partial week and
 * empty weeks included; weeks before the environment's first record do not). The first rule that holds wins:
 *
 * <ol>
 *   <li>{@link #NO_DATA}: no successful deploy in the window;
 *   <li>{@link #DAILY}: the median, over the weeks, of the number of distinct UTC days with a successful
 *       deploy is at least 3;
 *   <li>{@link #WEEKLY}: more than half of the weeks have at least one successful deploy ({@code 2 * weeks
 *       with success > weeks});
 *   <li>{@link #MONTHLY}: the median number of successful deploys per "month" is at least 1, where a month is
 *       a block of 4 consecutive weeks counted from the first week judged (the last block is shorter when the
 *       weeks are not a multiple of 4);
 *   <li>{@link #YEARLY}: otherwise.
 * </ol>
 *
 * Medians are nearest-rank medians: for an even count the lower of the two middle values.
 */
public enum FrequencyClass {
    DAILY,
    WEEKLY,
    MONTHLY,
    YEARLY,
    NO_DATA;

    /** The weeks in a "month" block. */
    static final int WEEKS_PER_MONTH = 4;

    private static final int DAILY_MIN_DAYS_PER_WEEK = 3;

    /**
     * @param weeks the weeks to judge, oldest first: from the week of the first record on
     * @return the class by the rules above
     */
    public static FrequencyClass classify(List<WeeklyBucket> weeks) {
        List<Integer> daysPerWeek = new ArrayList<>();
        List<Integer> perMonth = new ArrayList<>();
        int weeksWithSuccess = 0;
        int total = 0;
        for (int i = 0; i < weeks.size(); i++) {
            WeeklyBucket week = weeks.get(i);
            daysPerWeek.add(week.getDaysWithSuccess());
            if (week.getSuccessful() > 0) {
                weeksWithSuccess++;
            }
            if (i % WEEKS_PER_MONTH == 0) {
                perMonth.add(0);
            }
            perMonth.set(perMonth.size() - 1, perMonth.get(perMonth.size() - 1) + week.getSuccessful());
            total += week.getSuccessful();
        }
        if (total == 0) {
            return NO_DATA;
        }
        if (Percentiles.median(daysPerWeek).orElse(0) >= DAILY_MIN_DAYS_PER_WEEK) {
            return DAILY;
        }
        if (2 * weeksWithSuccess > weeks.size()) {
            return WEEKLY;
        }
        if (Percentiles.median(perMonth).orElse(0) >= 1) {
            return MONTHLY;
        }
        return YEARLY;
    }
}
