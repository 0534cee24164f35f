package io.jenkins.plugins.deployoften.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import hudson.model.FreeStyleProject;
import hudson.model.Result;
import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.view.DeployHealthTable;
import io.jenkins.plugins.deployoften.steps.DeployToStagingRecorder;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlPage;
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

        HtmlPage html = jenkins.createWebClient().goTo("job/deploying/deployoften/");
        String page = html.getWebResponse().getContentAsString();

        // Jelly formats every text with MessageFormat: a lone apostrophe would vanish
        assertThat(page).contains("this controller's job folder", "1 min 12 s", "ago");
        assertThat(page).contains("href=\"/jenkins/job/deploying/1/\"");
        assertThat(page).doesNotContain("Duration (ms)", "Older deploys", "controllers job folder");
        // no raw Instant in what the page shows (2026-12-01T20:25:45.123456789Z): only in datetime attributes
        assertThat(html.asNormalizedText()).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");
    }

    @Test
    public void recentDeploysAreOrderedByStartTimeNotByTheOrderTheyWereRecorded() throws Exception {
        WorkflowJob deploying = jenkins.createProject(WorkflowJob.class, "deploying");
        // the second record is appended last but started ten minutes earlier
        deploying.setDefinition(new CpsFlowDefinition(
                "recordDeploy result: 'SUCCESS'\nrecordDeploy result: 'FAILURE', durationMillis: 600000", true));
        jenkins.buildAndAssertStatus(Result.SUCCESS, deploying);

        HtmlPage page = jenkins.createWebClient().goTo("job/deploying/deployoften/");

        // newest start first; outcomes show by their display names, not as enum constants
        List<String> outcomes = PageMarkup.texts(page, "table.deployoften-recent tbody td:nth-child(4)");
        assertThat(outcomes).hasSize(2);
        assertThat(outcomes.get(0)).startsWith(DisplayNames.outcome(DeployOutcome.SUCCESS));
        assertThat(outcomes.get(1)).startsWith(DisplayNames.outcome(DeployOutcome.FAILURE));
        assertThat(String.join(" ", outcomes)).doesNotContain("SUCCESS", "FAILURE");
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

    @Test
    public void theDashboardIsLaidOutWithJenkinsComponents() throws Exception {
        WorkflowJob deploying = jenkins.createProject(WorkflowJob.class, "deploying");
        deploying.setDefinition(new CpsFlowDefinition("recordDeploy result: 'SUCCESS', durationMillis: 72000", true));
        jenkins.buildAndAssertStatus(Result.SUCCESS, deploying);

        HtmlPage page = PageMarkup.served(jenkins.createWebClient(), "job/deploying/deployoften/");

        // the title in the app bar, the environment as its subtitle, the page's actions beside it
        assertThat(PageMarkup.texts(page, ".jenkins-app-bar h1")).containsExactly("Deploy dashboard staging");
        assertThat(PageMarkup.texts(page, ".jenkins-app-bar__subtitle")).containsExactly("staging");
        assertThat(PageMarkup.attributes(page, ".jenkins-app-bar__controls a", "href"))
                .containsExactly("/jenkins/deployoften/", "api/json?pretty=true");
        // the sections are cards
        for (String card : List.of("current", "statistics", "trend", "gate", "override", "recent", "badges")) {
            assertThat(page.querySelectorAll(".jenkins-card#deployoften-" + card))
                    .as(card)
                    .hasSize(1);
        }
        // the recent deploys: a sortable table with its headers, the build linked, the time relative, exact on hover
        assertThat(PageMarkup.texts(page, "table.jenkins-table.sortable.deployoften-recent thead th"))
                .containsExactly(
                        "Started",
                        "Build",
                        "Environment",
                        "Outcome",
                        "Duration",
                        "Commit",
                        "Triggered by",
                        "Recorded by");
        assertThat(page.querySelectorAll(".deployoften-scroll table.deployoften-recent"))
                .hasSize(1);
        String row = "table.deployoften-recent tbody tr ";
        assertThat(PageMarkup.attributes(page, row + "a", "href")).containsExactly("/jenkins/job/deploying/1/");
        assertThat(PageMarkup.texts(page, row + "a")).containsExactly("#1");
        assertThat(PageMarkup.attributes(page, row + "time", "datetime"))
                .singleElement(STRING)
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(PageMarkup.attributes(page, row + "time", "tooltip"))
                .singleElement(STRING)
                .containsPattern("\\d{4}");
        assertThat(PageMarkup.texts(page, row + "time")).singleElement(STRING).endsWith(" ago");
        assertThat(PageMarkup.texts(page, row + "td")).contains("1 min 12 s");
        // one page of deploys: no pagination
        assertThat(page.querySelectorAll(".deployoften-pagination")).isEmpty();
        // every badge with a copy button for its Markdown and one for its HTML
        String root = jenkins.getURL().toString();
        List<String> expected = new ArrayList<>();
        List<String> images = new ArrayList<>();
        for (String[] badge : new String[][] {
            {"frequency", "deploys"}, {"last", "last deploy"}, {"failures", "deploy failures"}, {"gate", "release gate"}
        }) {
            String url = root + "deployoften-badge/" + badge[0] + ".svg?job=deploying";
            expected.add("![" + badge[1] + "](" + url + ")");
            expected.add("<img src=\"" + url + "\" alt=\"" + badge[1] + "\">");
            images.add("/jenkins/deployoften-badge/" + badge[0] + ".svg?job=deploying");
        }
        assertThat(PageMarkup.attributes(page, "#deployoften-badges button.jenkins-copy-button", "text"))
                .containsExactlyElementsOf(expected);
        assertThat(PageMarkup.attributes(page, "#deployoften-badges img", "src"))
                .containsExactlyElementsOf(images);
        // CSP: the page's own markup has no inline script or style
        PageMarkup.assertNoInlineScriptOrStyle(
                PageMarkup.mainContent(page.getWebResponse().getContentAsString()));
    }

    @Test
    public void aFailedDeploysReasonShowsUnderItsOutcomeAndTheTableScrollsInsideItsCard() throws Exception {
        WorkflowJob failing = jenkins.createProject(WorkflowJob.class, "failing");
        failing.setDefinition(new CpsFlowDefinition("node { deployToStaging command: 'exit 3' }", true));
        jenkins.buildAndAssertStatus(Result.FAILURE, failing);

        HtmlPage page = PageMarkup.served(jenkins.createWebClient(), "job/failing/deployoften/");

        assertThat(PageMarkup.texts(page, "table.deployoften-recent thead th")).doesNotContain("Reason");
        List<String> outcome = PageMarkup.texts(page, "table.deployoften-recent tbody td:nth-child(4)");
        assertThat(outcome).singleElement(STRING).startsWith("failed").contains("3");
        assertThat(PageMarkup.texts(page, "table.deployoften-recent tbody td:nth-child(4) div"))
                .hasSize(1);
        assertThat(page.querySelectorAll(".deployoften-scroll table.deployoften-recent"))
                .hasSize(1);
    }

    @Test
    public void moreThanAPageOfDeploysIsPaged() throws Exception {
        WorkflowJob deploying = jenkins.createProject(WorkflowJob.class, "deploying");
        deploying.setDefinition(new CpsFlowDefinition(
                "for (int i = 0; i < " + (DeployDashboardAction.PAGE_SIZE + 1)
                        + "; i++) { recordDeploy result: 'SUCCESS' }",
                true));
        jenkins.buildAndAssertStatus(Result.SUCCESS, deploying);
        JenkinsRule.WebClient web = jenkins.createWebClient();

        String first = web.goTo("job/deploying/deployoften/").getWebResponse().getContentAsString();
        String second =
                web.goTo("job/deploying/deployoften/?page=1").getWebResponse().getContentAsString();

        assertThat(first).contains("deployoften-pagination", "href=\"?page=1\"").doesNotContain("Newer deploys");
        assertThat(second).contains("href=\"?page=0\"", "Newer deploys").doesNotContain("Older deploys");
    }
}
