package io.jenkins.plugins.deployoften.model.view;

/**
 * The words a {@link DeployTrendChart} shows; the glue passes them in the user's language. Any text is fine: the
 * chart JSON escapes it.
 *
 * @param successful name of the successful deploys series
 * @param failed name of the failed deploys series
 * @param medianDuration name of the median duration series
 * @param countAxis name of the left axis (deploys)
 * @param durationAxis name of the right axis (seconds)
 * @param noData text shown instead of an empty chart
 */
public record ChartLabels(
        String successful, String failed, String medianDuration, String countAxis, String durationAxis, String noData) {
    /**
     * @param successful name of the successful deploys series
     * @param failed name of the failed deploys series
     * @param medianDuration name of the median duration series
     * @param countAxis name of the left axis (deploys)
     * @param durationAxis name of the right axis (seconds)
     * @param noData text shown instead of an empty chart
     * @throws IllegalArgumentException naming the first missing text
     */
    public ChartLabels {
        required("successful", successful);
        required("failed", failed);
        required("medianDuration", medianDuration);
        required("countAxis", countAxis);
        required("durationAxis", durationAxis);
        required("noData", noData);
    }

    private static void required(String field, String text) {
        if (text == null) {
            throw new IllegalArgumentException("chart label " + field + " is missing: use a text, empty is allowed");
        }
    }
}
