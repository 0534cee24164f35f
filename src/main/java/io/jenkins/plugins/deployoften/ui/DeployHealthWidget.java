package io.jenkins.plugins.deployoften.ui;

import hudson.Extension;
import hudson.model.View;
import hudson.widgets.Widget;
import io.jenkins.plugins.deployoften.DurationWords;
import io.jenkins.plugins.deployoften.Messages;
import io.jenkins.plugins.deployoften.config.DeployOftenConfiguration;
import io.jenkins.plugins.deployoften.model.view.DeployHealthTable;
import io.jenkins.plugins.deployoften.model.view.DeployHealthView;
import io.jenkins.plugins.deployoften.model.view.HealthStateFilter;
import io.jenkins.plugins.deployoften.model.view.ViewDeployHealth;
import io.jenkins.plugins.deployoften.model.view.ViewEnvironments;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.jenkinsci.Symbol;

/**
 * The "Deploy health" widget in the side panel of the dashboard and of every view: the view's deploying jobs
 * that the user may read, as one {@link ViewDeployHealth}, from each job's cached ledger summary ({@link
 * DeployHealthService}, the same figures as the Deploy health page), never from builds. The Deploy health portlet
 * of Dashboard View shows the same widget for its dashboard, and may add the {@link #getEnvironments()
 * environments} of the same jobs, from the same summary read per job.
 */
public final class DeployHealthWidget extends Widget {

    /** Where the README explains how to start. */
    static final String QUICK_START_URL = "https://github.com/jenkinsci/deployoften-plugin#quick-start";

    private final View view;
    private Instant now;
    private List<DeployHealthTable.Job> jobs;
    private ViewDeployHealth health;
    private ViewEnvironments environments;

    DeployHealthWidget(View view) {
        this.view = view;
    }

    @Override
    protected String getOwnerUrl() {
        return view.getUrl();
    }

    /** @return the widget's title */
    public String getTitle() {
        return Messages.DeployHealthWidget_title();
    }

    /** @return the jobs the user may read, each from one summary read, once per page */
    private List<DeployHealthTable.Job> jobs() {
        if (jobs == null) {
            now = Instant.now();
            jobs = DeployHealthScope.ofView(view).tableJobs();
        }
        return jobs;
    }

    /** @return the figures, computed once per page */
    public ViewDeployHealth getHealth() {
        if (health == null) {
            List<DeployHealthView> views =
                    jobs().stream().map(DeployHealthTable.Job::health).toList();
            health = ViewDeployHealth.of(
                    views,
                    DeployOftenConfiguration.get().getGatePolicy().toPolicy().fresh(),
                    now);
        }
        return health;
    }

    /** @return the environments the same jobs deploy to, one row each, for the portlet's table */
    public ViewEnvironments getEnvironments() {
        if (environments == null) {
            environments = ViewEnvironments.of(jobs());
        }
        return environments;
    }

    /** @return the headers of the environments' table */
    public List<String> getEnvironmentColumns() {
        return List.of(
                Messages.DeployHealthWidget_environment(),
                Messages.DeployHealthWidget_environmentJobs(),
                Messages.DeployHealthWidget_environmentDeploys(ViewEnvironments.WEEKS),
                Messages.DeployHealthWidget_environmentFailures(),
                Messages.DeployHealthWidget_environmentLastDeploy());
    }

    /**
     * @param instant a time the widget shows
     * @return how long before the widget's figures it was, such as {@code 3 min ago}
     */
    public String ago(Instant instant) {
        jobs();
        return HealthWords.ago(Duration.between(instant, now));
    }

    /** @return the compact weekly trend as an ECharts option, safe to embed in HTML */
    public String getTrendChartJson() {
        return getHealth().trendChart(ChartWords.compactLabels()).toJson();
    }

    /** @return deploys per week and frequency class, such as {@code 4.2/week (weekly)} */
    public String getFrequency() {
        ViewDeployHealth figures = getHealth();
        return HealthWords.frequency(figures.getDeploysPerWeek(), figures.getFrequencyClass());
    }

    /** @return the change failure rate line */
    public String getFailureRate() {
        return getHealth()
                .getChangeFailureRate()
                .map(rate -> Messages.DeployHealthWidget_failureRate(Math.round(rate * 100)))
                .orElse(Messages.DeployHealthWidget_failureRateNoData());
    }

    /** @return whether deploys get quicker, with both medians */
    public String getPace() {
        ViewDeployHealth figures = getHealth();
        String recent = figures.getRecentMedianDuration().map(DurationWords::of).orElse("");
        String earlier =
                figures.getEarlierMedianDuration().map(DurationWords::of).orElse("");
        switch (figures.getPace()) {
            case QUICKER:
                return Messages.DeployHealthWidget_quicker(recent, earlier);
            case SLOWER:
                return Messages.DeployHealthWidget_slower(recent, earlier);
            case ABOUT_THE_SAME:
                return Messages.DeployHealthWidget_aboutTheSame(recent, earlier);
            default:
                return Messages.DeployHealthWidget_paceUnknown();
        }
    }

    /** @return the line counting the deploying jobs */
    public String getJobsText() {
        return Messages.DeployHealthWidget_jobs(getHealth().getJobs());
    }

    /** @return the line counting the stale jobs */
    public String getStaleText() {
        return Messages.DeployHealthWidget_stale(getHealth().getStale());
    }

    /** @return the line counting the jobs going stale */
    public String getGoingStaleText() {
        return Messages.DeployHealthWidget_goingStale(getHealth().getGoingStale(), ViewDeployHealth.WARNING_DAYS);
    }

    /** @return the line counting the blocked gates */
    public String getBlockedText() {
        return Messages.DeployHealthWidget_blocked(getHealth().getBlocked());
    }

    /** @return the line shown when no job of the view deploys */
    public String getEmptyText() {
        return Messages.DeployHealthWidget_empty();
    }

    /** @return the quick-start link's text */
    public String getQuickStartText() {
        return Messages.DeployHealthWidget_quickStart();
    }

    /** @return the README's quick start */
    public String getQuickStartUrl() {
        return QUICK_START_URL;
    }

    /**
     * @param state {@code all}, {@code stale}, {@code goingStale} or {@code blocked}
     * @return the Deploy health page's URL relative to the root, filtered to this view ({@link ViewPath}) and that
     *     state; for a view the page cannot name (a user's "My Views"), filtered to that state only
     * @throws IllegalArgumentException for another state
     */
    public String healthPageUrl(String state) {
        HealthStateFilter filter = HealthStateFilter.parse(state)
                .orElseThrow(() -> new IllegalArgumentException(
                        "state: '" + state + "' is not a state; use one of " + HealthStateFilter.allowed()));
        return DeployHealthRootAction.URL_NAME + "/" + DeployHealthPage.query(ViewPath.of(view), filter);
    }

    /** Adds the widget to every view, unless the administrator switched it off. */
    @Extension
    @Symbol("deployHealth")
    public static final class ViewFactory extends ViewWidgetFactory<View, DeployHealthWidget> {
        @Override
        public Class<View> type() {
            return View.class;
        }

        @Override
        public Class<DeployHealthWidget> widgetType() {
            return DeployHealthWidget.class;
        }

        @Override
        Collection<DeployHealthWidget> widgetsFor(View view) {
            if (!DeployOftenConfiguration.get().isDashboardWidget()) {
                return List.of();
            }
            return List.of(new DeployHealthWidget(view));
        }
    }
}
