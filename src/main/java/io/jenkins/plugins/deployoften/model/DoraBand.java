package io.jenkins.plugins.deployoften.model;

import java.time.Duration;

/**
 * A software delivery performance level from the <em>DORA Accelerate State of DevOps Report 2024</em>
 * (Google Cloud / DORA). The report describes four clusters by their typical values:
 *
 * <table>
 *   <caption>2024 performance clusters</caption>
 *   <tr><th>Level</th><th>Deployment frequency</th><th>Change fail rate</th><th>Failed deployment recovery time</th></tr>
 *   <tr><td>Elite</td><td>on demand (multiple deploys per day)</td><td>5%</td><td>less than one hour</td></tr>
 *   <tr><td>High</td><td>between once per day and once per week</td><td>20%</td><td>less than one day</td></tr>
 *   <tr><td>Medium</td><td>between once per week and once per month</td><td>10%</td><td>less than one day</td></tr>
 *   <tr><td>Low</td><td>between once per month and once every six months</td><td>40%</td>
 *       <td>between one week and one month</td></tr>
 * </table>
 *
 * <p>The clusters are descriptions, not thresholds, and in 2024 they are not ordered for every metric (the
 * Medium cluster's fail rate, 10%, is lower than the High cluster's, 20%; Medium and High share "less than
 * one day" recovery). To turn one measured figure into a level, this plugin gives the best level whose
 * typical value the figure meets or beats; a figure that meets none is {@link #LOW}. So a change failure
 * rate or a recovery time is never {@link #MEDIUM}: whatever meets the Medium value also meets the High one.
 * The thresholds that follow are listed on each method.
 */
public enum DoraBand {
    ELITE,
    HIGH,
    MEDIUM,
    LOW;

    private static final int DAYS_PER_WEEK = 7;
    private static final int DAYS_PER_MONTH = 30;
    private static final int ELITE_FAILURE_PERCENT = 5;
    private static final int HIGH_FAILURE_PERCENT = 20;
    private static final int PERCENT = 100;

    /**
     * Deployment frequency: {@link #ELITE} when more than one successful deploy per day ({@code successful >
     * days}); {@link #HIGH} when at least one per week ({@code 7 * successful >= days}); {@link #MEDIUM} when
     * at least one per 30 days ({@code 30 * successful >= days}); {@link #LOW} otherwise, zero included.
     *
     * @param successful successful deploys in the period
     * @param days the period's length in days, at least 1
     * @return the level
     */
    public static DoraBand forDeploymentFrequency(int successful, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("days: must be at least 1, was " + days);
        }
        long deploys = successful;
        if (deploys > days) {
            return ELITE;
        }
        if (DAYS_PER_WEEK * deploys >= days) {
            return HIGH;
        }
        if (DAYS_PER_MONTH * deploys >= days) {
            return MEDIUM;
        }
        return LOW;
    }

    /**
     * Change failure rate {@code failed / (successful + failed)}: {@link #ELITE} at most 5%, {@link #HIGH} at
     * most 20%, {@link #LOW} above (computed in integers, so exactly 5% and exactly 20% are included).
     *
     * @param failed failed deploys
     * @param completed successful plus failed deploys, at least 1
     * @return the level
     */
    public static DoraBand forChangeFailureRate(int failed, int completed) {
        if (completed < 1 || failed < 0 || failed > completed) {
            throw new IllegalArgumentException("failed/completed: need 0 <= failed <= completed and completed >= 1,"
                    + " was " + failed + "/" + completed);
        }
        long scaledFailed = (long) failed * PERCENT;
        if (scaledFailed <= (long) ELITE_FAILURE_PERCENT * completed) {
            return ELITE;
        }
        if (scaledFailed <= (long) HIGH_FAILURE_PERCENT * completed) {
            return HIGH;
        }
        return LOW;
    }

    /**
     * Failed deployment recovery time: {@link #ELITE} under one hour, {@link #HIGH} under one day, {@link #LOW}
     * from one day on.
     *
     * @param recovery a typical (median) recovery time
     * @return the level
     */
    public static DoraBand forRecoveryTime(Duration recovery) {
        if (recovery.compareTo(Duration.ofHours(1)) < 0) {
            return ELITE;
        }
        if (recovery.compareTo(Duration.ofDays(1)) < 0) {
            return HIGH;
        }
        return LOW;
    }
}
