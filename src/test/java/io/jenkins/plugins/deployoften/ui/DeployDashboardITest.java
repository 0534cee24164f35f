package io.jenkins.plugins.deployoften.ui;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleProject;
import hudson.model.Result;
import io.jenkins.plugins.deployoften.model.view.DeployHealthTable;
import io.jenkins.plugins.deployoften.steps.DeployToStagingRecorder;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.htmlunit.Page;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;

/** The dashboard action, the release-manager rows and the badges in a running Jenkins. */
public class DeployDashboardITest {
    @Rule
    public JenkinsRule jenkins = new JenkinsRule();

    @Test
    public void jobsWithDeployRecordsOrADeployStepGetTheDashboardOthersDoNot() throws Exception {
        WorkflowJob deploying = jenkins.createProject(WorkflowJob.class, "deploying");
        deploying.setDefinition(new CpsFlowDefinition("recordDeploy result: 'SUCCESS'", true));
        WorkflowJob plain = jenkins.createProject(WorkflowJob.class, "plain");
        plain.setDefinition(new CpsFlowDefinition("echo 'no deploys here'", true));
        FreeStyleProject configured = jenkins.createFreeStyleProject();
        configured.getPublishersList().add(new DeployToStagingRecorder("./deploy.sh"));

        jenkins.buildAndAssertStatus(Result.SUCCESS, deploying);
        jenkins.buildAndAssertStatus(Result.SUCCESS, plain);

        assertThat(deploying.getAction(DeployDashboardAction.class)).isNotNull();
        assertThat(configured.getAction(DeployDashboardAction.class)).isNotNull();
        assertThat(plain.getAction(DeployDashboardAction.class)).isNull();
        DeployDashboardAction dashboard = deploying.getAction(DeployDashboardAction.class);
        assertThat(dashboard.getHealth().getStatistics().getSuccessful()).isEqualTo(1);
        assertThat(dashboard.getRecentDeploys(0)).hasSize(1);
        assertThat(dashboard.getTrendChartJson()).contains("\"series\"");
    }

    @Test
    public void theDashboardsBadgeSnippetPointsAtABadgeJenkinsServes() throws Exception {
        WorkflowJob deploying = jenkins.createProject(WorkflowJob.class, "deploying");
        deploying.setDefinition(new CpsFlowDefinition("recordDeploy result: 'SUCCESS'", true));
        jenkins.buildAndAssertStatus(Result.SUCCESS, deploying);
        JenkinsRule.WebClient web = jenkins.createWebClient();

        String page = web.goTo("job/deploying/deployoften/").getWebResponse().getContentAsString();

        // Jenkins' root URL ends in a slash: the snippet must not double it
        Matcher snippet = Pattern.compile("!\\[deploys\\]\\((http[^)]+)\\)").matcher(page);
        assertThat(snippet.find()).as(page).isTrue();
        String badgeUrl = snippet.group(1).replace("&amp;", "&");
        assertThat(badgeUrl).endsWith("/deployoften-badge/frequency.svg?job=deploying");
        assertThat(badgeUrl.substring("http://".length())).doesNotContain("//");
        Page badge = web.getPage(badgeUrl);
        assertThat(badge.getWebResponse().getStatusCode()).isEqualTo(200);
        assertThat(badge.getWebResponse().getContentType()).isEqualTo("image/svg+xml");
    }

    @Test
    public void theDashboardReadsLikeAPageNotLikeADump() throws Exception {
        WorkflowJob deploying = jenkins.createProject(WorkflowJob.class, "deploying");
        deploying.setDefinition(new CpsFlowDefinition("recordDeploy result: 'SUCCESS', durationMillis: 72000", true));
        jenkins.buildAndAssertStatus(Result.SUCCESS, deploying);

        String page = jenkins.createWebClient()
                .goTo("job/deploying/deployoften/")
                .getWebResponse()
                .getContentAsString();

        // Jelly formats every text with MessageFormat: a lone apostrophe would vanish
        assertThat(page).contains("this controller's job folder", "1 min 12 s", "ago");
        assertThat(page).contains("href=\"/jenkins/job/deploying/1/\"");
        assertThat(page).doesNotContain("Duration (ms)", "Older deploys", "controllers job folder");
        // no raw Instant: 2026-12-01T20:25:45.123456789Z
        assertThat(page).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");
    }

    @Test
    public void recentDeploysAreOrderedByStartTimeNotByTheOrderTheyWereRecorded() throws Exception {
        WorkflowJob deploying = jenkins.createProject(WorkflowJob.class, "deploying");
        // the second record is appended last but started ten minutes earlier
        deploying.setDefinition(new CpsFlowDefinition(
                "recordDeploy result: 'SUCCESS'\nrecordDeploy result: 'FAILURE', durationMillis: 600000", true));
        jenkins.buildAndAssertStatus(Result.SUCCESS, deploying);

        String page = jenkins.createWebClient()
                .goTo("job/deploying/deployoften/")
                .getWebResponse()
                .getContentAsString();

        String table = page.substring(page.indexOf("Recent deploys"));
        assertThat(table.indexOf("<td>SUCCESS</td>")).isPositive().isLessThan(table.indexOf("<td>FAILURE</td>"));
    }

    @Test
    public void theReleaseManagerPageListsOnlyJobsThatDeploy() throws Exception {
        WorkflowJob deploying = jenkins.createProject(WorkflowJob.class, "deploying");
        deploying.setDefinition(new CpsFlowDefinition("recordDeploy result: 'FAILURE'", true));
        jenkins.createProject(WorkflowJob.class, "plain");
        jenkins.buildAndAssertStatus(Result.SUCCESS, deploying);

        List<DeployHealthTable.Row> rows =
                DeployHealthPage.of(null, null, null, null).getTable().getRows();

        assertThat(rows).extracting(row -> row.getJob().fullName()).containsExactly("deploying");
        assertThat(HealthWords.of(rows.get(0).getJob().health()).getFailureRate())
                .isEqualTo("100%");
    }

    @Test
    public void aVisibleJobsBadgeIsServedAndAMissingJobIsNotFound() throws Exception {
        WorkflowJob deploying = jenkins.createProject(WorkflowJob.class, "deploying");
        deploying.setDefinition(new CpsFlowDefinition("recordDeploy result: 'SUCCESS'", true));
        jenkins.buildAndAssertStatus(Result.SUCCESS, deploying);

        assertThat(new DeployBadgeRootAction().visibleHealth("deploying")).isPresent();
        assertThat(new DeployBadgeRootAction().visibleHealth("missing")).isEmpty();
    }
}
