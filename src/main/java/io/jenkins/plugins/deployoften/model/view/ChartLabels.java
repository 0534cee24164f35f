package io.jenkins.plugins.deployoften.model.view;

/**
 * The words a {@link DeployTrendChart} shows, so the Jenkins side can pass translated ones. Any text is fine: the
 * chart JSON escapes it.
 */
public final class ChartLabels {
    private static final ChartLabels ENGLISH = new ChartLabels(
            "Successful", "Failed", "Median duration", "Deploys per week", "Median duration (s)", "No deploys yet");

    private final String successful;
    private final String failed;
    private final String medianDuration;
    private final String countAxis;
    private final String durationAxis;
    private final String noData;

    /**
     * @param successful name of the successful deploys series
     * @param failed name of the failed deploys series
     * @param medianDuration name of the median duration series
     * @param countAxis name of the left axis (deploys)
     * @param durationAxis name of the right axis (seconds)
     * @param noData text shown instead of an empty chart
     * @throws IllegalArgumentException naming the first missing text
     */
    public ChartLabels(
            String successful,
            String failed,
            String medianDuration,
            String countAxis,
            String durationAxis,
            String noData) {
        this.successful = required("successful", successful);
        this.failed = required("failed", failed);
        this.medianDuration = required("medianDuration", medianDuration);
        this.countAxis = required("countAxis", countAxis);
        this.durationAxis = required("durationAxis", durationAxis);
        this.noData = required("noData", noData);
    }

    /** @return the English labels */
    public static ChartLabels english() {
        return ENGLISH;
    }

    private static String required(String field, String text) {
        if (text == null) {
            throw new IllegalArgumentException("chart label " + field + " is missing: use a text, empty is allowed");
        }
        return text;
    }

    public String getSuccessful() {
        return successful;
    }

    public String getFailed() {
        return failed;
    }

    public String getMedianDuration() {
        return medianDuration;
    }

    public String getCountAxis() {
        return countAxis;
    }

    public String getDurationAxis() {
        return durationAxis;
    }

    public String getNoData() {
        return noData;
    }
}
