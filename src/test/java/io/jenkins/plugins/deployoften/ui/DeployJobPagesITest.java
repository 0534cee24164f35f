package io.jenkins.plugins.deployoften.ui;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import org.htmlunit.Page;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * What DeployOften adds to the job's and the build's own pages: its link with the plugin's symbol, the trend the job
 * page loads after it has shown, and the build's summary.
 */
public class DeployJobPagesITest {
    /** A path only the plugin's symbols draw (their tray); core shows a placeholder for a symbol it cannot find. */
    private static final String SYMBOL_TRAY = "M96 320v64a48 48 0 0 0 48 48h224a48 48 0 0 0 48-48v-64";

    @Rule
    public JenkinsRule jenkins = new JenkinsRule();

    private WorkflowJob deployed(String result) throws Exception {
        WorkflowJob job = jenkins.createProject(WorkflowJob.class, "deploying");
        job.setDefinition(new CpsFlowDefinition("recordDeploy result: '" + result + "'", true));
        jenkins.buildAndAssertStatus(Result.SUCCESS, job);
        return job;
    }

    @Test
    public void theJobPageLinksTheDashboardWithThePluginsSymbolAndLoadsTheTrendAfterThePage() throws Exception {
        deployed("SUCCESS");
        JenkinsRule.WebClient web = jenkins.createWebClient();

        String page = web.goTo("job/deploying/").getWebResponse().getContentAsString();
        Page trend = web.goTo("job/deploying/deployoften/trendChart", "application/json");

        assertThat(page)
                .contains("/jenkins/job/deploying/deployoften")
                .contains(SYMBOL_TRAY)
                .doesNotContain("/plugin/deployoften/icons/");
        // the job page does not compute the chart: it names where to load it from
        assertThat(page)
                .contains("class=\"deployoften-trend deployoften-job-trend\"")
                .contains("data-chart-url=\"/jenkins/job/deploying/deployoften/trendChart\"");
        assertThat(trend.getWebResponse().getContentType()).isEqualTo("application/json");
        assertThat(trend.getWebResponse().getContentAsString()).contains("\"series\"", "\"xAxis\"");
    }

    @Test
    public void theTrendIsNotFoundForWhoMayNotReadTheJob() throws Exception {
        deployed("SUCCESS");
        AliceReads.only(jenkins);

        JenkinsRule.WebClient alice = jenkins.createWebClient().login("alice");

        alice.assertFails("job/deploying/deployoften/trendChart", 404);
    }

    @Test
    public void theBuildsSummaryShowsTheDeploySymbolAndLinksTheDashboard() throws Exception {
        deployed("FAILURE");

        String page = jenkins.createWebClient()
                .goTo("job/deploying/1/")
                .getWebResponse()
                .getContentAsString();

        assertThat(page)
                .contains("deploy to staging failed")
                .contains(SYMBOL_TRAY)
                // the failure symbol's cross, not the success symbol's tick
                .contains("M176 96l160 160M336 96L176 256")
                .doesNotContain("M160 192l64 64 128-160")
                .contains("href=\"/jenkins/job/deploying/deployoften/\"")
                .doesNotContain("/plugin/deployoften/icons/");
    }
}
