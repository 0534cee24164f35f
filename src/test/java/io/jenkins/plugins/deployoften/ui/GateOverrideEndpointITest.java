package io.jenkins.plugins.deployoften.ui;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Item;
import hudson.model.Result;
import io.jenkins.plugins.deployoften.gate.GateFiles;
import io.jenkins.plugins.deployoften.model.gate.GateOverride;
import io.jenkins.plugins.deployoften.security.DeployOftenPermissions;
import java.net.URL;
import java.util.List;
import java.util.Optional;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.util.NameValuePair;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;

/**
 * The dashboard's override endpoint over HTTP: POST with a crumb, "DeployOften / Override gate" checked on the
 * server, a reason required, and the override spent by exactly one gate evaluation.
 */
public class GateOverrideEndpointITest {
    private static final String OVERRIDE = "job/service/deployoften/override";

    @Rule
    public JenkinsRule jenkins = new JenkinsRule();

    /**
     * A job named {@code service} whose gate blocks (nothing was ever deployed), after one blocked build so its
     * audit trail, and with it the dashboard, exists; alice may override its gate, bob may only read it.
     */
    private WorkflowJob blockedService() throws Exception {
        WorkflowJob job = jenkins.createProject(WorkflowJob.class, "service");
        job.setDefinition(new CpsFlowDefinition("releaseGate(environment: 'staging', commit: 'abc123')", true));
        WorkflowRun blocked = jenkins.buildAndAssertStatus(Result.FAILURE, job);
        jenkins.assertLogContains("no staging deploy recorded yet", blocked);
        jenkins.jenkins.setSecurityRealm(jenkins.createDummySecurityRealm());
        jenkins.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ)
                .everywhere()
                .to("alice", "bob")
                .grant(Item.READ)
                .onItems(job)
                .to("alice", "bob")
                .grant(DeployOftenPermissions.OVERRIDE_GATE)
                .onItems(job)
                .to("alice"));
        return job;
    }

    /** A client that reports every status (redirects included) instead of throwing or following them. */
    private JenkinsRule.WebClient client(String user) throws Exception {
        return jenkins.createWebClient()
                .withThrowExceptionOnFailingStatusCode(false)
                .login(user)
                .withRedirectEnabled(false);
    }

    private WebResponse postOverride(JenkinsRule.WebClient client, String reason) throws Exception {
        return postOverride(client, reason, "COMMIT", "abc123", "");
    }

    private WebResponse postOverride(
            JenkinsRule.WebClient client, String reason, String bindTo, String candidate, String expiresInHours)
            throws Exception {
        WebRequest request = new WebRequest(new URL(jenkins.getURL(), OVERRIDE), HttpMethod.POST);
        request.setRequestParameters(List.of(
                new NameValuePair("reason", reason),
                new NameValuePair("bindTo", bindTo),
                new NameValuePair("candidate", candidate),
                new NameValuePair("expiresInHours", expiresInHours)));
        return client.getPage(client.addCrumb(request)).getWebResponse();
    }

    @Test
    public void aPermittedOverrideRedirectsToTheDashboardAndLetsExactlyOneGatePass() throws Exception {
        WorkflowJob job = blockedService();

        WebResponse response = postOverride(client("alice"), "hotfix for INC-42");

        assertThat(response.getStatusCode()).isEqualTo(302);
        URL target = new URL(response.getWebRequest().getUrl(), response.getResponseHeaderValue("Location"));
        assertThat(target.toExternalForm())
                .isEqualTo(new URL(jenkins.getURL(), "job/service/deployoften/").toExternalForm());
        Optional<GateOverride> pending = GateFiles.overridesOf(job).pending();
        assertThat(pending).isPresent();
        assertThat(pending.get().user()).isEqualTo("alice");
        assertThat(pending.get().reason()).isEqualTo("hotfix for INC-42");

        WorkflowRun overridden = jenkins.buildAndAssertStatus(Result.SUCCESS, job);
        jenkins.assertLogContains("overridden by alice for commit abc123 (expires ", overridden);
        jenkins.assertLogContains("): hotfix for INC-42", overridden);
        assertThat(GateFiles.overridesOf(job).pending()).isEmpty();
        jenkins.buildAndAssertStatus(Result.FAILURE, job);
    }

    @Test
    public void aUserWithoutOverrideGateIsForbiddenAndNothingIsGranted() throws Exception {
        WorkflowJob job = blockedService();

        WebResponse response = postOverride(client("bob"), "let me through");

        assertThat(response.getStatusCode()).isEqualTo(403);
        assertThat(GateFiles.overridesOf(job).pending()).isEmpty();
        jenkins.buildAndAssertStatus(Result.FAILURE, job);
    }

    @Test
    public void aGetIsRefusedAndGrantsNothing() throws Exception {
        WorkflowJob job = blockedService();

        // alice holds the permission: only the verb is wrong (a link or an image could send this GET)
        WebResponse response = client("alice")
                .getPage(new URL(jenkins.getURL(), OVERRIDE + "?reason=sneaky"))
                .getWebResponse();

        // @POST makes Stapler skip the method for a GET; nothing else serves the URL, so it is a client error
        assertThat(response.getStatusCode()).isBetween(400, 499);
        assertThat(GateFiles.overridesOf(job).pending()).isEmpty();
    }

    @Test
    public void aBlankReasonIsABadRequestAndGrantsNothing() throws Exception {
        WorkflowJob job = blockedService();

        WebResponse response = postOverride(client("alice"), "   ");

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(GateFiles.overridesOf(job).pending()).isEmpty();
    }

    @Test
    public void anOverrideForAnotherCandidateLeavesTheGateBlockedAndWaitsOnTheDashboard() throws Exception {
        WorkflowJob job = blockedService();
        JenkinsRule.WebClient alice = client("alice");

        assertThat(postOverride(alice, "hotfix for the next build", "COMMIT", "def456", "2")
                        .getStatusCode())
                .isEqualTo(302);

        jenkins.buildAndAssertStatus(Result.FAILURE, job);
        Optional<GateOverride> pending = GateFiles.overridesOf(job).pending();
        assertThat(pending).isPresent();
        assertThat(pending.get().candidate().describe()).isEqualTo("commit def456");
        String dashboard =
                alice.goTo("job/service/deployoften/").getWebResponse().getContentAsString();
        assertThat(dashboard).contains("for commit def456 waits for the gate evaluation of that candidate until");
    }

    @Test
    public void hostileFormInputIsABadRequestNamingTheFieldUnescapedNowhere() throws Exception {
        WorkflowJob job = blockedService();
        String hostile = "<script>alert('x')</script>";

        for (String[] form : new String[][] {
            {"bindTo", hostile, "abc123", ""},
            {"candidate", "BUILD", hostile, ""},
            {"candidate", "COMMIT", hostile + " " + hostile, ""},
            {"expiresInHours", "COMMIT", "abc123", hostile},
            {"expiresInHours", "COMMIT", "abc123", "9999"},
        }) {
            WebResponse response = postOverride(client("alice"), "hotfix", form[1], form[2], form[3]);

            assertThat(response.getStatusCode()).as(form[0]).isEqualTo(400);
            assertThat(response.getContentAsString())
                    .as(form[0])
                    .contains(form[0] + ": ")
                    .doesNotContain(hostile);
        }
        assertThat(GateFiles.overridesOf(job).pending()).isEmpty();
    }
}
