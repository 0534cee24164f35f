package io.jenkins.plugins.deployoften.ui;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Item;
import hudson.model.ListView;
import hudson.model.Result;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;

/** The release managers' page and the list view column, rendered by a running Jenkins. */
public class DeployHealthPagesITest {
    @Rule
    public JenkinsRule jenkins = new JenkinsRule();

    private WorkflowJob deployed(String name) throws Exception {
        WorkflowJob job = jenkins.createProject(WorkflowJob.class, name);
        job.setDefinition(new CpsFlowDefinition("recordDeploy result: 'SUCCESS'", true));
        jenkins.buildAndAssertStatus(Result.SUCCESS, job);
        return job;
    }

    @Test
    public void theReleaseManagersPageListsOnlyTheJobsTheUserMayRead() throws Exception {
        WorkflowJob visible = deployed("visible-service");
        deployed("hidden-service");
        jenkins.jenkins.setSecurityRealm(jenkins.createDummySecurityRealm());
        jenkins.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER)
                .everywhere()
                .to("admin")
                .grant(Jenkins.READ)
                .everywhere()
                .to("alice")
                .grant(Item.READ)
                .onItems(visible)
                .to("alice"));

        String adminPage = jenkins.createWebClient()
                .login("admin")
                .goTo("deployoften/")
                .getWebResponse()
                .getContentAsString();
        String alicePage = jenkins.createWebClient()
                .login("alice")
                .goTo("deployoften/")
                .getWebResponse()
                .getContentAsString();

        // control: both jobs deploy, so someone who may read both sees a row for each
        assertThat(adminPage).contains("job/visible-service/deployoften/", "job/hidden-service/deployoften/");
        assertThat(alicePage).contains("job/visible-service/deployoften/").doesNotContain("hidden-service");
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
}
