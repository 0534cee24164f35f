package io.jenkins.plugins.deployoften.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import hudson.model.ListView;
import hudson.model.Result;
import jenkins.model.Jenkins;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.MockFolder;

/**
 * The Deploy health page (its scope and state filters, what runs where, {@code api/json} and {@code rows.csv}) and
 * the list view column, rendered by a running Jenkins with its security.
 */
public class DeployHealthPagesITest {
    @Rule
    public JenkinsRule jenkins = new JenkinsRule();

    private WorkflowJob deployed(String name) throws Exception {
        return deployed(name, "recordDeploy result: 'SUCCESS'");
    }

    private WorkflowJob deployed(String name, String script) throws Exception {
        WorkflowJob job = jenkins.createProject(WorkflowJob.class, name);
        job.setDefinition(new CpsFlowDefinition(script, true));
        jenkins.buildAndAssertStatus(Result.SUCCESS, job);
        return job;
    }

    private String page(String user, String url) throws Exception {
        return jenkins.createWebClient().login(user).goTo(url).getWebResponse().getContentAsString();
    }

    private String file(String user, String url, String contentType) throws Exception {
        Page page = jenkins.createWebClient().login(user).goTo(url, contentType);
        return page.getWebResponse().getContentAsString();
    }

    /** Two jobs; alice may read only {@code visible-service}; the hidden one deploys to its own environment. */
    private void aliceSeesOneOfTwoJobs() throws Exception {
        WorkflowJob visible = deployed("visible-service");
        deployed(
                "hidden-service",
                "recordDeploy environment: 'secret-env', result: 'FAILURE'\n"
                        + "recordDeploy environment: 'staging', result: 'FAILURE'");
        AliceReads.only(jenkins, visible);
    }

    @Test
    public void thePageListsOnlyTheJobsTheUserMayReadAndAHiddenJobChangesNoNumber() throws Exception {
        aliceSeesOneOfTwoJobs();

        String adminPage = page("admin", "deployoften/");
        String alicePage = page("alice", "deployoften/");

        // control: both jobs deploy, so someone who may read both sees a row, a column and a count for each
        assertThat(adminPage)
                .contains("job/visible-service/deployoften/", "job/hidden-service/deployoften/")
                .contains(">secret-env<", "2 jobs deploy", "1 stale")
                .contains("jenkins-app-bar", "class=\"jenkins-table sortable deployoften-health-table\"");
        assertThat(alicePage)
                .contains("job/visible-service/deployoften/", "1 job deploys", "0 stale")
                .doesNotContain("hidden-service")
                .doesNotContain("secret-env");
        // the build is linked, the time exact on hover, the outcome and who shown
        assertThat(alicePage)
                .contains("href=\"/jenkins/job/visible-service/1/\"")
                .containsPattern("<time datetime=\"\\d{4}-\\d\\d-\\d\\dT[^\"]+Z\" tooltip=\"[^\"]*\\d{4}")
                .contains("succeeded");
        // CSP: the page's own markup has no inline script or style
        PageMarkup.assertNoInlineScriptOrStyle(PageMarkup.mainContent(alicePage));
    }

    @Test
    public void aFailedLastAttemptIsMarkedBesideWhatStillRuns() throws Exception {
        deployed(
                "service",
                "recordDeploy result: 'SUCCESS', commit: '0123456789abcdef0123456789abcdef01234567'\n"
                        + "recordDeploy result: 'FAILURE'");

        String page =
                jenkins.createWebClient().goTo("deployoften/").getWebResponse().getContentAsString();

        assertThat(page)
                .contains("deployoften-cell--failed", "last attempt failed")
                .contains(">0123456<", "title=\"0123456789abcdef0123456789abcdef01234567\"");
    }

    @Test
    public void theViewFolderAndStateFiltersNarrowTheRows() throws Exception {
        WorkflowJob inView = deployed("in-view");
        deployed("stale-one", "recordDeploy result: 'FAILURE'");
        MockFolder team = jenkins.createFolder("team");
        WorkflowJob inFolder = team.createProject(WorkflowJob.class, "app");
        inFolder.setDefinition(new CpsFlowDefinition("recordDeploy result: 'SUCCESS'", true));
        jenkins.buildAndAssertStatus(Result.SUCCESS, inFolder);
        ListView view = new ListView("deploys");
        jenkins.jenkins.addView(view);
        view.add(inView);
        jenkins.jenkins.setSecurityRealm(jenkins.createDummySecurityRealm());
        jenkins.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER)
                .everywhere()
                .to("admin"));

        String byView = page("admin", "deployoften/?view=deploys");
        String byFolder = page("admin", "deployoften/?folder=team");
        String stale = page("admin", "deployoften/?state=stale");
        String all = page("admin", "deployoften/?view=all&state=all");

        assertThat(byView).contains("job/in-view/deployoften/").doesNotContain("job/stale-one/", "job/team/");
        assertThat(byFolder).contains("job/team/job/app/deployoften/").doesNotContain("job/in-view/");
        // never deployed successfully: stale
        assertThat(stale).contains("job/stale-one/deployoften/").doesNotContain("job/in-view/deployoften/");
        assertThat(all).contains("job/in-view/", "job/stale-one/", "job/team/job/app/");
        // the stale job comes first
        assertThat(all.indexOf("job/stale-one/deployoften/")).isLessThan(all.indexOf("job/in-view/deployoften/"));
    }

    @Test
    public void unknownParametersAreNamedWithTheirAllowedValuesAndShowNoRows() throws Exception {
        deployed("service");
        JenkinsRule.WebClient web = jenkins.createWebClient();

        String state = web.goTo("deployoften/?state=green").getWebResponse().getContentAsString();
        String view = web.goTo("deployoften/?view=nope").getWebResponse().getContentAsString();
        String folder = web.goTo("deployoften/?folder=nope").getWebResponse().getContentAsString();
        String hostile = web.goTo("deployoften/?view=%3Cscript%3Ealert(1)%3C/script%3E")
                .getWebResponse()
                .getContentAsString();

        assertThat(state).contains("state: ", "green", "is not a state; use one of all, stale, goingStale, blocked");
        assertThat(view).contains("view: ", "nope", "is not a view you may read in Jenkins; use one of: all");
        assertThat(folder).contains("folder: ", "nope", "is not a folder you may read");
        for (String page : new String[] {state, view, folder}) {
            assertThat(page).doesNotContain("job/service/deployoften/").doesNotContain("deployoften-health-table");
        }
        assertThat(hostile).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
    }

    @Test
    public void apiJsonAndTheCsvExportTheRowsOfTheSameScopeTheUserMayRead() throws Exception {
        aliceSeesOneOfTwoJobs();

        String adminJson = file("admin", "deployoften/api/json", "application/json");
        String aliceJson = file("alice", "deployoften/api/json", "application/json");
        String aliceCsv = file("alice", "deployoften/rows.csv", "text/csv");
        String staleJson = file("admin", "deployoften/api/json?state=stale", "application/json");
        String unknownJson = file("admin", "deployoften/api/json?view=nope", "application/json");

        assertThat(adminJson).contains("\"job\":\"visible-service\"", "\"job\":\"hidden-service\"", "secret-env");
        assertThat(aliceJson)
                .contains("\"job\":\"visible-service\"", "\"environments\":[\"staging\"]", "\"jobs\":1")
                .contains("\"buildUrl\":\"job/visible-service/1/\"", "\"outcome\":\"SUCCESS\"")
                .doesNotContain("hidden-service");
        assertThat(aliceCsv)
                .startsWith("job,jobUrl,gate,stale,goingStale,lastOverride,environment,build,")
                .contains(
                        "\r\nvisible-service,job/visible-service/,UNKNOWN,false,false,,staging,1,job/visible-service/1/,")
                .doesNotContain("hidden-service");
        assertThat(staleJson).contains("\"job\":\"hidden-service\"").doesNotContain("\"job\":\"visible-service\"");
        assertThat(unknownJson).contains("\"problems\":[\"view: \\\"nope\\\"").contains("\"rows\":[]");
    }

    @Test
    public void withoutOverallReadThePageAndItsExportsAreRefused() throws Exception {
        deployed("service");
        jenkins.jenkins.setSecurityRealm(jenkins.createDummySecurityRealm());
        jenkins.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER)
                .everywhere()
                .to("admin"));

        JenkinsRule.WebClient anonymous = jenkins.createWebClient();
        anonymous.assertFails("deployoften/", 403);
        anonymous.assertFails("deployoften/api/json", 403);
        anonymous.assertFails("deployoften/rows.csv", 403);
    }

    @Test
    public void theListColumnShowsTheFrequencyBadgeOnlyForJobsThatDeploy() throws Exception {
        WorkflowJob service = deployed("service");
        WorkflowJob plain = jenkins.createProject(WorkflowJob.class, "plain");
        ListView view = new ListView("deploys");
        jenkins.jenkins.addView(view);
        view.getColumns().add(new DeployHealthColumn());
        view.add(service);
        view.add(plain);

        String page =
                jenkins.createWebClient().goTo("view/deploys/").getWebResponse().getContentAsString();

        assertThat(page)
                .contains("/deployoften-badge/frequency.svg?job=service")
                .contains("job/service/deployoften/");
        // the row of the job without deploys is there, its cell stays empty
        assertThat(page).contains("job/plain/").doesNotContain("frequency.svg?job=plain");
    }

    /** Found in a running Jenkins: a job that only gates releases showed "0.0/week (yearly)" in the column. */
    @Test
    public void theListColumnShowsTheGateBadgeForAJobThatOnlyGates() throws Exception {
        WorkflowJob train = jenkins.createProject(WorkflowJob.class, "release-train");
        train.setDefinition(new CpsFlowDefinition("releaseGate(environment: 'staging', commit: 'abc123')", true));
        jenkins.buildAndAssertStatus(Result.FAILURE, train);
        ListView view = new ListView("deploys");
        jenkins.jenkins.addView(view);
        view.getColumns().add(new DeployHealthColumn());
        view.add(train);

        HtmlPage page = PageMarkup.served(jenkins.createWebClient(), "view/deploys/");

        assertThat(PageMarkup.attributes(page, "a[href$='job/release-train/deployoften/'] img", "src"))
                .containsExactly("/jenkins/deployoften-badge/gate.svg?job=release-train");
        assertThat(PageMarkup.attributes(page, "a[href$='job/release-train/deployoften/']", "title"))
                .containsExactly("no deploys recorded, release gate blocked");
    }

    @Test
    public void thePageIsLaidOutWithJenkinsComponents() throws Exception {
        deployed(
                "service",
                "recordDeploy result: 'SUCCESS', environment: 'staging'\n"
                        + "recordDeploy result: 'SUCCESS', environment: 'production'");

        HtmlPage page = PageMarkup.served(jenkins.createWebClient(), "deployoften/");

        // the title and the scope in the app bar, the exports beside it
        assertThat(PageMarkup.texts(page, ".jenkins-app-bar h1"))
                .singleElement(STRING)
                .startsWith("Deploy health ");
        assertThat(PageMarkup.attributes(page, ".jenkins-app-bar__controls a", "href"))
                .containsExactly("api/json?state=all", "rows.csv?state=all");
        // the trend and the table are cards; the table sorts by its headers, one column per environment
        assertThat(page.querySelectorAll(".jenkins-card#deployoften-health-trend"))
                .hasSize(1);
        assertThat(page.querySelectorAll(".jenkins-card#deployoften-health-where table.jenkins-table.sortable"))
                .hasSize(1);
        assertThat(PageMarkup.texts(page, "table.deployoften-health-table thead th"))
                .containsExactlyInAnyOrder("Job", "Release gate", "staging", "production")
                .startsWith("Job", "Release gate");
        // each cell links its build and sorts by the deploy's start
        String cells = "table.deployoften-health-table tbody td.deployoften-cell";
        assertThat(PageMarkup.attributes(page, cells + " a", "href"))
                .containsExactly("/jenkins/job/service/1/", "/jenkins/job/service/1/");
        assertThat(PageMarkup.attributes(page, cells, "data")).hasSize(2).allMatch(data -> data.matches("\\d{13}"));
        assertThat(PageMarkup.attributes(page, cells + " time", "tooltip"))
                .hasSize(2)
                .allMatch(tooltip -> tooltip.matches(".*\\d{4}.*"));
        // one page of rows: no pagination
        assertThat(page.querySelectorAll(".deployoften-pagination")).isEmpty();
        PageMarkup.assertNoInlineScriptOrStyle(
                PageMarkup.mainContent(page.getWebResponse().getContentAsString()));
    }
}
