package io.jenkins.plugins.deployoften.ui;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.ListView;
import hudson.model.Result;
import io.jenkins.plugins.deployoften.config.DeployOftenConfiguration;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockFolder;

/** The "Deploy health" widget in the side panel of the dashboard and of a view, rendered by a running Jenkins. */
public class DeployHealthWidgetITest {
    private static final String PANE = "id=\"deployoftenHealth\"";

    @Rule
    public JenkinsRule jenkins = new JenkinsRule();

    private WorkflowJob deployed(String name, String result) throws Exception {
        WorkflowJob job = jenkins.createProject(WorkflowJob.class, name);
        job.setDefinition(new CpsFlowDefinition("recordDeploy result: '" + result + "'", true));
        jenkins.buildAndAssertStatus(Result.SUCCESS, job);
        return job;
    }

    private WorkflowJob deployedIn(MockFolder folder, String name, String result) throws Exception {
        WorkflowJob job = folder.createProject(WorkflowJob.class, name);
        job.setDefinition(new CpsFlowDefinition("recordDeploy result: '" + result + "'", true));
        jenkins.buildAndAssertStatus(Result.SUCCESS, job);
        return job;
    }

    private String page(String user, String url) throws Exception {
        return jenkins.createWebClient().login(user).goTo(url).getWebResponse().getContentAsString();
    }

    @Test
    public void theDashboardShowsTheWidgetWithTheFiguresOfTheJobsTheUserMayRead() throws Exception {
        WorkflowJob visible = deployed("visible-service", "SUCCESS");
        deployed("hidden-service", "FAILURE");
        AliceReads.only(jenkins, visible);

        String admin = page("admin", "");
        String alice = page("alice", "");

        // control: whoever may read both jobs counts both, and the failure
        assertThat(admin)
                .contains(PANE, "Deploy health", "2 jobs deploy", "change failure rate 50%")
                .contains("class=\"deployoften-trend deployoften-widget-trend\"")
                .contains("deployoften/?view=all&amp;state=stale");
        assertThat(alice)
                .contains(PANE, "1 job deploys", "change failure rate 0%", "0 stale", "0 blocked gates")
                .doesNotContain("hidden-service");
    }

    @Test
    public void aViewWhoseDeployingJobsAreHiddenSaysNoJobDeploysAndLinksToTheQuickStart() throws Exception {
        WorkflowJob visible = jenkins.createProject(WorkflowJob.class, "plain");
        WorkflowJob hidden = deployed("hidden-service", "SUCCESS");
        ListView view = new ListView("team");
        jenkins.jenkins.addView(view);
        view.add(visible);
        view.add(hidden);
        AliceReads.only(jenkins, visible);

        String admin = page("admin", "view/team/");
        String alice = page("alice", "view/team/");

        assertThat(admin).contains(PANE, "1 job deploys").contains("deployoften/?view=team&amp;state=blocked");
        assertThat(alice)
                .contains(PANE, "No job of this view deploys yet.", DeployHealthWidget.QUICK_START_URL)
                .doesNotContain("job deploys", "jobs deploy")
                .doesNotContain("hidden-service");
    }

    @Test
    public void aViewThatShowsAFolderAndItsJobsCountsEachReadableJobOnce() throws Exception {
        MockFolder team = jenkins.createFolder("team");
        WorkflowJob visible = deployedIn(team, "visible-service", "SUCCESS");
        deployedIn(team, "hidden-service", "FAILURE");
        deployed("outside-service", "FAILURE");
        // the folder itself and its jobs both match: each job must still count once
        ListView view = new ListView("team-view");
        view.setRecurse(true);
        view.setIncludeRegex("team.*");
        jenkins.jenkins.addView(view);
        AliceReads.only(jenkins, team, visible);

        String admin = page("admin", "view/team-view/");
        String alice = page("alice", "view/team-view/");

        assertThat(admin).contains(PANE, "2 jobs deploy", "change failure rate 50%");
        assertThat(alice)
                .contains(PANE, "1 job deploys", "change failure rate 0%")
                .doesNotContain("hidden-service");
    }

    @Test
    public void administratorsCanSwitchTheWidgetOff() throws Exception {
        deployed("service", "SUCCESS");
        assertThat(jenkins.createWebClient().goTo("").getWebResponse().getContentAsString())
                .contains(PANE);

        DeployOftenConfiguration.get().setDashboardWidget(false);
        jenkins.configRoundtrip();

        assertThat(DeployOftenConfiguration.get().isDashboardWidget()).isFalse();
        assertThat(jenkins.createWebClient().goTo("").getWebResponse().getContentAsString())
                .doesNotContain(PANE);
    }
}
