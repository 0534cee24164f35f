package io.jenkins.plugins.deployoften.ui;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import hudson.plugins.view.dashboard.Dashboard;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;

/** The "Deploy health" portlet in a Dashboard View, rendered by a running Jenkins with its security. */
public class DeployHealthPortletITest {
    private static final String TITLE = "Deploys on the wall";
    private static final String ENVIRONMENTS = "deployoften-portlet-environments";

    @Rule
    public JenkinsRule jenkins = new JenkinsRule();

    private WorkflowJob deployed(String name, String script) throws Exception {
        WorkflowJob job = jenkins.createProject(WorkflowJob.class, name);
        job.setDefinition(new CpsFlowDefinition(script, true));
        jenkins.buildAndAssertStatus(Result.SUCCESS, job);
        return job;
    }

    /**
     * A dashboard "wall" of two jobs with the portlet on top; alice may read only {@code visible-service}, the hidden
     * one deploys to its own environment too.
     */
    private void aliceSeesOneOfTwoJobsOnTheWall(boolean showEnvironments) throws Exception {
        WorkflowJob visible = deployed("visible-service", "recordDeploy result: 'SUCCESS'");
        WorkflowJob hidden = deployed(
                "hidden-service",
                "recordDeploy environment: 'secret-env', result: 'FAILURE'\n"
                        + "recordDeploy environment: 'staging', result: 'FAILURE'");
        Dashboard wall = new Dashboard("wall");
        jenkins.jenkins.addView(wall);
        wall.add(visible);
        wall.add(hidden);
        DeployHealthPortlet portlet = new DeployHealthPortlet(TITLE);
        portlet.setShowEnvironments(showEnvironments);
        wall.getTopPortlets().add(portlet);
        AliceReads.only(jenkins, visible);
    }

    private String wall(String user) throws Exception {
        return jenkins.createWebClient()
                .login(user)
                .goTo("view/wall/")
                .getWebResponse()
                .getContentAsString();
    }

    /** @return the markup of the dashboard's top portlets: ours */
    private static String topPortlets(String page) {
        return page.substring(page.indexOf("dbv-container__top"), page.indexOf("dbv-container__bottom"));
    }

    @Test
    public void thePortletShowsTheWidgetsFiguresOfTheJobsTheUserMayRead() throws Exception {
        aliceSeesOneOfTwoJobsOnTheWall(false);

        String admin = wall("admin");
        String alice = wall("alice");

        // control: whoever may read both jobs counts both, and the failure
        assertThat(topPortlets(admin))
                .contains(TITLE, "deployoften-portlet-figures", "2 jobs deploy", "change failure rate 50%")
                .contains("class=\"deployoften-trend deployoften-widget-trend\"")
                .contains("deployoften/?view=wall&amp;state=stale");
        assertThat(topPortlets(alice))
                .contains(TITLE, "1 job deploys", "change failure rate 0%", "0 stale", "0 blocked gates")
                .doesNotContain(ENVIRONMENTS);
        assertThat(alice).doesNotContain("hidden-service").doesNotContain("secret-env");
    }

    @Test
    public void showEnvironmentsAddsTheTableOfTheEnvironmentsOfTheJobsTheUserMayRead() throws Exception {
        aliceSeesOneOfTwoJobsOnTheWall(true);

        String admin = topPortlets(wall("admin"));
        String alicePage = wall("alice");
        String alice = topPortlets(alicePage);

        // control: the hidden job adds an environment, a job, a deploy and a failure
        assertThat(admin)
                .contains(ENVIRONMENTS, "Environment", "Deploys (last 4 weeks)", "Last deploy")
                .containsPattern("<td>secret-env</td>\\s*<td>1</td>\\s*<td>1</td>\\s*<td[^>]*>1</td>")
                .containsPattern("<td>staging</td>\\s*<td>2</td>\\s*<td>2</td>\\s*<td[^>]*>1</td>");
        assertThat(alice)
                .contains(ENVIRONMENTS)
                .containsPattern("<td>staging</td>\\s*<td>1</td>\\s*<td>1</td>\\s*<td[^>]*>0</td>")
                // the last deploy: relative, exact on hover
                .containsPattern(
                        "<time datetime=\"\\d{4}-\\d\\d-\\d\\dT[^\"]+Z\" tooltip=\"[^\"]*\\d{4}[^\"]*\">[^<]+ ago</time>");
        assertThat(alicePage).doesNotContain("hidden-service").doesNotContain("secret-env");
        // CSP: no inline script in the portlets (scripts loaded by URL, such as echarts-api's, are allowed), and the
        // portlet's own markup has no inline style
        assertThat(alice).doesNotContainPattern(PageMarkup.INLINE_SCRIPT).doesNotContain("onclick");
        assertThat(alice.substring(alice.indexOf("deployoften-portlet-figures"), alice.lastIndexOf("</table>")))
                .doesNotContain("style=");
    }
}
