package io.jenkins.plugins.deployoften.gate;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import hudson.util.FormValidation;
import io.jenkins.plugins.deployoften.JenkinsFacade;
import io.jenkins.plugins.deployoften.Messages;
import io.jenkins.plugins.deployoften.StepValues;
import io.jenkins.plugins.deployoften.config.EnvironmentNameValidation;
import java.io.IOException;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Freestyle build step "Release gate (DeployOften)": stops the build before its release steps when staging
 * practice is missing, rare or failing. Commit and fingerprint may use build variables, such as
 * {@code $GIT_COMMIT}.
 */
public class ReleaseGateBuilder extends Builder implements SimpleBuildStep {
    private String environment = "";
    private String commit = "";
    private String artifactFingerprint = "";
    private int buildNumber;
    private GatePolicySettings policy;
    private String service = "";

    @DataBoundConstructor
    public ReleaseGateBuilder() {}

    public String getEnvironment() {
        return environment;
    }

    @DataBoundSetter
    public void setEnvironment(String environment) {
        this.environment = StepValues.trimmed(environment);
    }

    public String getCommit() {
        return commit;
    }

    @DataBoundSetter
    public void setCommit(String commit) {
        this.commit = StepValues.trimmed(commit);
    }

    public String getArtifactFingerprint() {
        return artifactFingerprint;
    }

    @DataBoundSetter
    public void setArtifactFingerprint(String artifactFingerprint) {
        this.artifactFingerprint = StepValues.trimmed(artifactFingerprint);
    }

    public int getBuildNumber() {
        return buildNumber;
    }

    @DataBoundSetter
    public void setBuildNumber(int buildNumber) {
        this.buildNumber = buildNumber;
    }

    public GatePolicySettings getPolicy() {
        return policy;
    }

    @DataBoundSetter
    public void setPolicy(GatePolicySettings policy) {
        this.policy = policy;
    }

    /** @return the service whose deploys the gate checks in the shared ledger; empty text for this job */
    public String getService() {
        return service;
    }

    @DataBoundSetter
    public void setService(String service) {
        this.service = StepValues.trimmed(service);
    }

    /** The gate reads the job's history only, so it runs outside {@code node} blocks too. */
    @Override
    public boolean requiresWorkspace() {
        return false;
    }

    @Override
    public void perform(@NonNull Run<?, ?> run, @NonNull EnvVars env, @NonNull TaskListener listener)
            throws InterruptedException, IOException {
        GateEvaluation.run(
                run,
                listener,
                env.expand(environment),
                CandidateSettings.identity(env.expand(commit), env.expand(artifactFingerprint), buildNumber),
                policy,
                env.expand(service));
    }

    /** The descriptor: display name and form validation. */
    @Extension
    @Symbol("deployOftenReleaseGate")
    public static final class DescriptorImpl extends BuildStepDescriptor<Builder> {
        @Override
        public String getDisplayName() {
            return Messages.ReleaseGate_displayName();
        }

        @Override
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @POST
        public FormValidation doCheckEnvironment(@AncestorInPath Item item, @QueryParameter String value) {
            if (!JenkinsFacade.get().mayConfigure(item)) {
                return FormValidation.ok();
            }
            if (value != null && value.contains("$")) {
                return FormValidation.ok();
            }
            return EnvironmentNameValidation.checkOptional(value);
        }
    }
}
