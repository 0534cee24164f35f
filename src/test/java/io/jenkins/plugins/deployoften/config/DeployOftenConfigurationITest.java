package io.jenkins.plugins.deployoften.config;

import static org.assertj.core.api.Assertions.assertThat;

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
}
