package io.jenkins.plugins.deployoften.ui;

import io.jenkins.plugins.deployoften.DurationWords;
import io.jenkins.plugins.deployoften.Messages;
import io.jenkins.plugins.deployoften.model.DeployStatistics;
import io.jenkins.plugins.deployoften.model.FrequencyClass;
import io.jenkins.plugins.deployoften.model.view.DeployHealthView;
import java.time.Duration;
import java.util.Optional;
import org.jvnet.localizer.LocaleProvider;

/**
 * Words one job's {@link DeployHealthView} for the dashboard, the job page and the list column, in the request's
 * language: each figure, and the one-line summary.
 */
public final class HealthWords {
    private final DeployHealthView view;

    private HealthWords(DeployHealthView view) {
        this.view = view;
    }

    /** @return the words of the view */
    public static HealthWords of(DeployHealthView view) {
        return new HealthWords(view);
    }

    private DeployStatistics statistics() {
        return view.getStatistics();
    }

    /** @return successful deploys per week, one decimal, and the frequency class: {@code 4.2/week (weekly)} */
    public String getFrequency() {
        return frequency(statistics().getDeploysPerWeek(), statistics().getFrequencyClass());
    }

    /**
     * @param deploysPerWeek successful deploys per week
     * @param frequency the frequency class
     * @return {@code 4.2/week (weekly)}
     */
    static String frequency(double deploysPerWeek, FrequencyClass frequency) {
        return Messages.DeployHealthWidget_frequency(
                String.format(LocaleProvider.getLocale(), "%.1f", deploysPerWeek), DisplayNames.frequency(frequency));
    }

    /** @return the change failure rate as a whole percentage, or that there is no data */
    public String getFailureRate() {
        return statistics()
                .getChangeFailureRate()
                .map(rate -> Messages.HealthWords_percent(Math.round(rate * 100)))
                .orElseGet(() -> Messages.HealthWords_noData());
    }

    /** @return the median deploy duration, or that there is no data */
    public String getMedianDuration() {
        return orNoData(statistics().getMedianDuration());
    }

    /** @return how long ago the last successful deploy started, such as {@code 2 h ago}, or {@code never} */
    public String getLastSuccess() {
        return view.getLastSuccessAge().map(HealthWords::ago).orElseGet(() -> Messages.HealthWords_never());
    }

    /** @return the median time to recover from a failed deploy, or that there is no data */
    public String getRecoveryTime() {
        return orNoData(statistics().getMedianRecoveryTime());
    }

    /** @return what the release gate's last decision lets through */
    public String getGateState() {
        return DisplayNames.gateState(view.getGateState());
    }

    /**
     * @return one line for the job page and tooltips: {@code staging: 4.2/week (weekly), 25% failures, last success
     *     2 h ago, release gate passing}
     */
    public String getSummary() {
        String failures = statistics()
                .getChangeFailureRate()
                .map(rate -> Messages.HealthWords_failures(Math.round(rate * 100)))
                .orElseGet(() -> Messages.HealthWords_noFailureRate());
        return Messages.HealthWords_summary(
                view.getEnvironment(), getFrequency(), failures, getLastSuccess(), getGateState());
    }

    /**
     * @param age how long ago something happened
     * @return {@code 3 min ago}; a time in the future as {@code 0 ms ago}
     */
    static String ago(Duration age) {
        return Messages.DeployDashboard_ago(DurationWords.of(age.isNegative() ? Duration.ZERO : age));
    }

    private static String orNoData(Optional<Duration> duration) {
        return duration.map(DurationWords::of).orElseGet(() -> Messages.HealthWords_noData());
    }
}
