package io.jenkins.plugins.deployoften.steps;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Items;
import hudson.model.Run;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;

/** Job and build files written while the steps lived in the {@code promote} package still load. */
public class RenamedClassesITest {
    @Rule
    public JenkinsRule jenkins = new JenkinsRule();

    @Test
    public void aJobConfigurationWithTheOldRecorderNameLoadsAndIsSavedUnderTheNewOne() {
        Object publisher = Items.XSTREAM2.fromXML(
                "<io.jenkins.plugins.deployoften.promote.DeployToStagingRecorder plugin=\"deployoften@1.0\">"
                        + "<command>./deploy.sh</command><environment>staging</environment>"
                        + "<deployWhen>SUCCESSFUL</deployWhen><onFailure>FAIL_BUILD</onFailure>"
                        + "</io.jenkins.plugins.deployoften.promote.DeployToStagingRecorder>");

        assertThat(publisher).isInstanceOf(DeployToStagingRecorder.class);
        assertThat(((DeployToStagingRecorder) publisher).getCommand()).isEqualTo("./deploy.sh");
        assertThat(Items.XSTREAM2.toXML(publisher))
                .contains("io.jenkins.plugins.deployoften.steps.DeployToStagingRecorder")
                .doesNotContain(".promote.");
    }

    @Test
    public void aBuildWithTheOldActionNameKeepsItsDeploys() {
        Object action = Run.XSTREAM2.fromXML("<io.jenkins.plugins.deployoften.promote.DeployAction>"
                + "<entries class=\"java.util.concurrent.CopyOnWriteArrayList\">"
                + "<io.jenkins.plugins.deployoften.promote.DeployAction_-Entry>"
                + "<environment>staging</environment><outcome>SUCCESS</outcome>"
                + "<durationMillis>623</durationMillis><reason></reason>"
                + "</io.jenkins.plugins.deployoften.promote.DeployAction_-Entry>"
                + "</entries></io.jenkins.plugins.deployoften.promote.DeployAction>");

        assertThat(action).isInstanceOf(DeployAction.class);
        assertThat(((DeployAction) action).isDeployed()).isTrue();
        assertThat(((DeployAction) action).isAllSucceeded()).isTrue();
    }
}
