package io.jenkins.plugins.deployoften.model.view;

/** The chart's English words for the model's tests and the sample images; the plugin takes them from Messages. */
public final class EnglishChartLabels {
    public static final ChartLabels ENGLISH = new ChartLabels(
            "Successful", "Failed", "Median duration", "Deploys per week", "Median duration (s)", "No deploys yet");

    private EnglishChartLabels() {}
}
