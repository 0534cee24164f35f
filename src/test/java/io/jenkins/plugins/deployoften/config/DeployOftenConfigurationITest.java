package io.jenkins.plugins.deployoften.config;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.ExtensionList;
import io.jenkins.plugins.deployoften.ledger.LedgerStore;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;

public class DeployOftenConfigurationITest {
    @Rule
    public JenkinsRule jenkins = new JenkinsRule();

    @Test
    public void defaultEnvironmentSurvivesAConfigurationRoundTrip() throws Exception {
        assertThat(DeployOftenConfiguration.get().getDefaultEnvironment()).isEqualTo("staging");

        DeployOftenConfiguration.get().setDefaultEnvironment("qa-1");
        jenkins.configRoundtrip();

        assertThat(DeployOftenConfiguration.get().getDefaultEnvironment()).isEqualTo("qa-1");
    }

    @Test
    public void aFolderExceptionSurvivesTheSystemPageRoundTrip() throws Exception {
        FolderGatePolicy exception = new FolderGatePolicy("team-a/experiments");
        GatePolicySettings warn = new GatePolicySettings();
        warn.setMode(io.jenkins.plugins.deployoften.model.gate.GateMode.WARN);
        warn.setFreshMaxDays(30);
        exception.setPolicy(warn);
        DeployOftenConfiguration.get().setFolderGatePolicies(java.util.List.of(exception));

        jenkins.configRoundtrip();

        assertThat(DeployOftenConfiguration.get().getFolderGatePolicies())
                .singleElement()
                .satisfies(saved -> {
                    assertThat(saved.getFolder()).isEqualTo("team-a/experiments");
                    assertThat(saved.getPolicy().getMode())
                            .isEqualTo(io.jenkins.plugins.deployoften.model.gate.GateMode.WARN);
                    assertThat(saved.getPolicy().getFreshMaxDays()).isEqualTo(30);
                });
    }

    @Test
    public void anInvalidValueOnTheSystemPageIsAnErrorNamingTheFieldAndNothingIsSaved() throws Exception {
        JenkinsRule.WebClient web = jenkins.createWebClient().withThrowExceptionOnFailingStatusCode(false);
        HtmlForm form = web.goTo("manage/configure").getFormByName("config");
        // the environment comes before the retention in the form: it must not be kept either
        form.getInputByName("_.defaultEnvironment").setValue("qa-2");
        form.getInputByName("_.retentionDays").setValue("5");

        HtmlPage answer = jenkins.submit(form);

        assertThat(answer.getWebResponse().getContentAsString())
                .contains("retentionDays: must be 30 to 3650, was 5")
                .doesNotContain("Oops");
        assertThat(DeployOftenConfiguration.get().getDefaultEnvironment()).isEqualTo("staging");
        assertThat(DeployOftenConfiguration.get().getRetentionDays()).isEqualTo(730);
    }

    @Test
    public void theJenkinsDatabaseWithoutADatabaseIsRefusedAtSaveAndShownByAMonitorWhenSetOtherwise() throws Exception {
        JenkinsRule.WebClient web = jenkins.createWebClient().withThrowExceptionOnFailingStatusCode(false);
        HtmlForm form = web.goTo("manage/configure").getFormByName("config");
        form.getSelectByName("_.ledgerStore").setSelectedAttribute("JENKINS_DATABASE", true);

        HtmlPage answer = jenkins.submit(form);

        assertThat(answer.getWebResponse().getContentAsString())
                .contains("ledgerStore: the Jenkins database cannot be used");
        assertThat(DeployOftenConfiguration.get().getLedgerStore()).isEqualTo(LedgerStore.JOB_FOLDERS);
        SharedLedgerMonitor monitor = ExtensionList.lookupSingleton(SharedLedgerMonitor.class);
        assertThat(monitor.isActivated()).isFalse();

        // Configuration as Code and scripts use the setter, which cannot refuse what a later plugin provides
        DeployOftenConfiguration.get().setLedgerStore(LedgerStore.JENKINS_DATABASE);

        assertThat(monitor.isActivated()).isTrue();
        assertThat(web.goTo("manage/").getWebResponse().getContentAsString())
                .contains("DeployOften keeps deploy history in the Jenkins database, but that cannot be used");
    }

    @Test
    public void eachGateRulesLimitsSitUnderItsCheckboxAndASwitchedOffRuleKeepsThem() throws Exception {
        GatePolicySettings policy = new GatePolicySettings();
        policy.setFrequentEnabled(false);
        policy.setFrequentMinDeploys(5);
        DeployOftenConfiguration.get().setGatePolicy(policy);

        HtmlPage page = jenkins.createWebClient().goTo("manage/configure");

        for (String[] rule : new String[][] {
            {"freshEnabled", "freshMaxDays", "1", "3650"},
            {"frequentEnabled", "frequentMinDeploys", "1", "87600"},
            {"frequentEnabled", "frequentWindowDays", "1", "3650"},
            {"healthyEnabled", "healthyLastDeploys", "1", "100"},
            {"failureRateEnabled", "failureRateMaxPercent", "0", "100"},
            {"failureRateEnabled", "failureRateWindowDays", "1", "3650"}
        }) {
            // the System page's own policy, not a folder exception's
            DomElement limit = page.querySelector("input[name='_." + rule[1] + "']");
            assertThat(limit.getAttribute("type")).as(rule[1]).isEqualTo("number");
            assertThat(limit.getAttribute("min")).as(rule[1]).isEqualTo(rule[2]);
            assertThat(limit.getAttribute("max")).as(rule[1]).isEqualTo(rule[3]);
            DomNode checkbox = optionalBlockOf(limit).querySelector("input[name='_." + rule[0] + "']");
            assertThat(checkbox).as(rule[1] + " under " + rule[0]).isNotNull();
        }

        jenkins.configRoundtrip();

        // the blocks are inline: a rule switched off still sends its limits, in the same object
        GatePolicySettings saved = DeployOftenConfiguration.get().getGatePolicy();
        assertThat(saved.isFrequentEnabled()).isFalse();
        assertThat(saved.getFrequentMinDeploys()).isEqualTo(5);
        assertThat(saved.isFreshEnabled()).isTrue();
    }

    private static DomNode optionalBlockOf(DomNode node) {
        DomNode block = node;
        while (!(block instanceof DomElement element
                && element.getAttribute("class").contains("optionalBlock-container"))) {
            block = block.getParentNode();
            assertThat(block).as("an optional block around the field").isNotNull();
        }
        return block;
    }
}
