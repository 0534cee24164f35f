package io.jenkins.plugins.deployoften.ui;

import io.jenkins.plugins.deployoften.Messages;
import io.jenkins.plugins.deployoften.model.view.ChartLabels;

/** The words of the deploy trend charts, in the request's language. */
public final class ChartWords {
    private ChartWords() {}

    /** @return the labels of the job page's and the Deploy health page's chart: series, axes, no data */
    public static ChartLabels labels() {
        return new ChartLabels(
                Messages.DeployHealthWidget_successful(),
                Messages.DeployHealthWidget_failed(),
                Messages.DeployHealthPage_medianDuration(),
                Messages.DeployHealthPage_countAxis(),
                Messages.DeployHealthPage_durationAxis(),
                Messages.DeployHealthWidget_noDeploys());
    }

    /** @return the labels of the widget's compact chart, which has no duration series and no axis names */
    public static ChartLabels compactLabels() {
        ChartLabels full = labels();
        return new ChartLabels(full.successful(), full.failed(), "", "", "", full.noData());
    }
}
