package io.jenkins.plugins.deployoften.ui;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Item;
import hudson.model.Result;
import io.jenkins.plugins.deployoften.security.DeployOftenPermissions;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import jenkins.model.Jenkins;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;

/**
 * The badge endpoint over HTTP: "DeployOften / View badge" alone is enough to see a job's badges, and a job
 * the requester may not see answers exactly like a job that does not exist.
 */
public class DeployBadgeEndpointITest {
    @Rule
    public JenkinsRule jenkins = new JenkinsRule();

    /** A job named {@code service} with one successful deploy in its ledger. */
    private WorkflowJob deployedService() throws Exception {
        WorkflowJob job = jenkins.createProject(WorkflowJob.class, "service");
        job.setDefinition(new CpsFlowDefinition("recordDeploy result: 'SUCCESS'", true));
        jenkins.buildAndAssertStatus(Result.SUCCESS, job);
        return job;
    }

    private void secure(MockAuthorizationStrategy authorization) {
        jenkins.jenkins.setSecurityRealm(jenkins.createDummySecurityRealm());
        jenkins.jenkins.setAuthorizationStrategy(authorization);
    }

    private JenkinsRule.WebClient anonymous() {
        return jenkins.createWebClient().withThrowExceptionOnFailingStatusCode(false);
    }

    private JenkinsRule.WebClient loggedIn(String user) throws Exception {
        return jenkins.createWebClient()
                .withThrowExceptionOnFailingStatusCode(false)
                .login(user);
    }

    private WebResponse frequencyBadge(JenkinsRule.WebClient client, String job, String ifNoneMatch) throws Exception {
        URL url = new URL(
                jenkins.getURL(),
                "deployoften-badge/frequency.svg?job=" + URLEncoder.encode(job, StandardCharsets.UTF_8));
        WebRequest request = new WebRequest(url);
        if (ifNoneMatch != null) {
            request.setAdditionalHeader("If-None-Match", ifNoneMatch);
        }
        return client.getPage(request).getWebResponse();
    }

    @Test
    public void viewBadgeWithoutJobReadServesTheSvgWithAnEtagThatRevalidates() throws Exception {
        WorkflowJob job = deployedService();
        secure(new MockAuthorizationStrategy()
                .grant(Jenkins.READ)
                .everywhere()
                .toEveryone()
                .grant(DeployOftenPermissions.VIEW_BADGE)
                .onItems(job)
                .toEveryone());

        WebResponse badge = frequencyBadge(anonymous(), "service", null);

        assertThat(badge.getStatusCode()).isEqualTo(200);
        assertThat(badge.getContentType()).isEqualTo("image/svg+xml");
        assertThat(badge.getContentAsString()).startsWith("<svg").contains("deploys");
        assertThat(badge.getResponseHeaderValue("Cache-Control")).isEqualTo("no-cache");
        String etag = badge.getResponseHeaderValue("ETag");
        assertThat(etag).matches("\"[^\"]+\"");
        // the badge is all anonymous may see: the job itself stays hidden (Jenkins answers 404 without Job/Discover)
        assertThat(anonymous()
                        .getPage(new URL(jenkins.getURL(), "job/service/api/json"))
                        .getWebResponse()
                        .getStatusCode())
                .isEqualTo(404);

        // a fresh client each time, so HtmlUnit's own cache cannot answer or rewrite the 304
        WebResponse revalidated = frequencyBadge(anonymous(), "service", etag);
        assertThat(revalidated.getStatusCode()).isEqualTo(304);
        assertThat(revalidated.getContentAsString()).isEmpty();
        assertThat(revalidated.getResponseHeaderValue("ETag")).isEqualTo(etag);

        WebResponse stale = frequencyBadge(anonymous(), "service", "\"stale\"");
        assertThat(stale.getStatusCode()).isEqualTo(200);
        assertThat(stale.getResponseHeaderValue("ETag")).isEqualTo(etag);
    }

    @Test
    public void anonymousWithoutViewBadgeGetsTheSameNotFoundAsForAMissingJob() throws Exception {
        WorkflowJob job = deployedService();
        secure(new MockAuthorizationStrategy()
                .grant(Jenkins.READ)
                .everywhere()
                .toEveryone()
                .grant(Item.READ)
                .onItems(job)
                .to("alice"));

        WebResponse hidden = frequencyBadge(anonymous(), "service", null);
        WebResponse missing = frequencyBadge(anonymous(), "no-such-job", null);

        // control: the job does have a badge, for someone who may see it
        assertThat(frequencyBadge(loggedIn("alice"), "service", null).getStatusCode())
                .isEqualTo(200);
        assertThat(hidden.getStatusCode()).isEqualTo(404);
        assertIndistinguishable(hidden, missing);
    }

    @Test
    public void aLoggedInUserWithoutJobReadGetsTheSameNotFoundAsForAMissingJob() throws Exception {
        WorkflowJob job = deployedService();
        secure(new MockAuthorizationStrategy()
                .grant(Jenkins.READ)
                .everywhere()
                .to("alice", "bob")
                .grant(Item.READ)
                .onItems(job)
                .to("alice"));

        JenkinsRule.WebClient bob = loggedIn("bob");
        WebResponse hidden = frequencyBadge(bob, "service", null);
        WebResponse missing = frequencyBadge(bob, "no-such-job", null);

        // control: Job/Read implies "View badge", so alice gets the badge bob does not
        assertThat(frequencyBadge(loggedIn("alice"), "service", null).getStatusCode())
                .isEqualTo(200);
        assertThat(hidden.getStatusCode()).isEqualTo(404);
        assertIndistinguishable(hidden, missing);
    }

    /** Nothing in the answer tells a hidden job from a missing one. */
    private static void assertIndistinguishable(WebResponse hidden, WebResponse missing) {
        assertThat(missing.getStatusCode()).isEqualTo(hidden.getStatusCode());
        assertThat(missing.getContentType()).isEqualTo(hidden.getContentType());
        assertThat(missing.getContentAsString()).isEqualTo(hidden.getContentAsString());
        assertThat(hidden.getResponseHeaderValue("ETag")).isNull();
        assertThat(missing.getResponseHeaderValue("ETag")).isNull();
    }
}
