package io.jenkins.plugins.deployoften.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.BuildStepMonitor;
import hudson.tasks.Publisher;
import hudson.tasks.Recorder;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.deployoften.Messages;
import io.jenkins.plugins.deployoften.StepValues;
import io.jenkins.plugins.deployoften.config.AllowedServices;
import io.jenkins.plugins.deployoften.config.FieldProblems;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.deploy.DeployCondition;
import io.jenkins.plugins.deployoften.model.deploy.DeploySettings;
import io.jenkins.plugins.deployoften.model.deploy.FailureEffect;
import io.jenkins.plugins.util.JenkinsFacade;
import java.io.IOException;
import java.time.Clock;
import jenkins.model.Jenkins;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Post-build action "Deploy to staging (DeployOften)", also the Pipeline step {@code deployToStaging}: runs
 * the deploy command on the build's agent and records every attempt, including builds that do not deploy.
 */
public class DeployToStagingRecorder extends Recorder implements SimpleBuildStep {
    private final String command;
    private String environment = "";
    private int timeoutMinutes = DeploySettings.DEFAULT_TIMEOUT_MINUTES;
    private int retries;
    private int retryDelaySeconds = 30;
    private DeployCondition deployWhen = DeployCondition.SUCCESSFUL;
    private FailureEffect onFailure = FailureEffect.FAIL_BUILD;
    private String commit = "";
    private String service = "";

    /**
     * @param command the shell (Unix) or batch (Windows) command that deploys the build
     */
    @DataBoundConstructor
    public DeployToStagingRecorder(String command) {
        this.command = command;
    }

    /**
     * Restores the defaults of fields that a job saved by an older version lacks (Jenkins reads saved objects
     * without running their constructor or field initialisers).
     *
     * @return this
     */
    protected Object readResolve() {
        environment = StepValues.trimmed(environment);
        commit = StepValues.trimmed(commit);
        service = StepValues.trimmed(service);
        if (timeoutMinutes < 1) {
            timeoutMinutes = DeploySettings.DEFAULT_TIMEOUT_MINUTES;
        }
        if (deployWhen == null) {
            deployWhen = DeployCondition.SUCCESSFUL;
        }
        if (onFailure == null) {
            onFailure = FailureEffect.FAIL_BUILD;
        }
        return this;
    }

    public String getCommand() {
        return command;
    }

    /** @return the environment, or empty text for the global default */
    public String getEnvironment() {
        return environment;
    }

    @DataBoundSetter
    public void setEnvironment(String environment) {
        this.environment = StepValues.trimmed(environment);
    }

    public int getTimeoutMinutes() {
        return timeoutMinutes;
    }

    @DataBoundSetter
    public void setTimeoutMinutes(int timeoutMinutes) {
        this.timeoutMinutes = timeoutMinutes;
    }

    public int getRetries() {
        return retries;
    }

    @DataBoundSetter
    public void setRetries(int retries) {
        this.retries = retries;
    }

    public int getRetryDelaySeconds() {
        return retryDelaySeconds;
    }

    @DataBoundSetter
    public void setRetryDelaySeconds(int retryDelaySeconds) {
        this.retryDelaySeconds = retryDelaySeconds;
    }

    public DeployCondition getDeployWhen() {
        return deployWhen;
    }

    @DataBoundSetter
    public void setDeployWhen(DeployCondition deployWhen) {
        this.deployWhen = deployWhen;
    }

    public FailureEffect getOnFailure() {
        return onFailure;
    }

    @DataBoundSetter
    public void setOnFailure(FailureEffect onFailure) {
        this.onFailure = onFailure;
    }

    /** @return the commit to record, or empty text to take {@code GIT_COMMIT} from the build */
    public String getCommit() {
        return commit;
    }

    @DataBoundSetter
    public void setCommit(String commit) {
        this.commit = StepValues.trimmed(commit);
    }

    /** @return the service deployed, for the shared ledger; empty text for the job's full name */
    public String getService() {
        return service;
    }

    @DataBoundSetter
    public void setService(String service) {
        this.service = StepValues.trimmed(service);
    }

    @Override
    public BuildStepMonitor getRequiredMonitorService() {
        return BuildStepMonitor.NONE;
    }

    @Override
    public void perform(
            @NonNull Run<?, ?> run,
            @NonNull FilePath workspace,
            @NonNull EnvVars env,
            @NonNull Launcher launcher,
            @NonNull TaskListener listener)
            throws InterruptedException, IOException {
        DeployTarget target = DeployTarget.of(environment, commit, service).withDefaultEnvironment();
        DeploySettings settings = settings(target.environmentText());
        target.checkService(run.getParent(), text -> Messages.DeployToStaging_invalidConfiguration(text));
        new StagingDeploy(
                        settings,
                        target.commit(env, text -> Messages.DeployToStaging_invalidConfiguration(text)),
                        Clock.systemUTC(),
                        target.service())
                .perform(run, workspace, env, launcher, listener);
    }

    /**
     * @param resolvedEnvironment the environment after applying the global default
     * @return the validated settings
     * @throws AbortException naming the invalid field; nothing is recorded then
     */
    DeploySettings settings(String resolvedEnvironment) throws AbortException {
        FieldProblems.abortOn(
                text -> Messages.DeployToStaging_invalidConfiguration(text),
                DeploySettings.problemWith(
                        resolvedEnvironment,
                        command,
                        timeoutMinutes,
                        retries,
                        retryDelaySeconds,
                        deployWhen,
                        onFailure));
        return DeploySettings.of(
                resolvedEnvironment, command, timeoutMinutes, retries, retryDelaySeconds, deployWhen, onFailure);
    }

    /** The descriptor: display name, form validation and choices. */
    @Extension
    @Symbol("deployToStaging")
    public static final class DescriptorImpl extends BuildStepDescriptor<Publisher> {
        private final JenkinsFacade jenkins;

        public DescriptorImpl() {
            this(new JenkinsFacade());
        }

        /** @param jenkins the Jenkins asked for the current user's permissions, for tests */
        DescriptorImpl(JenkinsFacade jenkins) {
            this.jenkins = jenkins;
        }

        @Override
        public String getDisplayName() {
            return Messages.DeployToStaging_displayName();
        }

        @Override
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @POST
        public FormValidation doCheckEnvironment(@AncestorInPath Item item, @QueryParameter String value) {
            if (!jenkins.hasPermission(item == null ? Jenkins.ADMINISTER : Item.CONFIGURE, item)) {
                return FormValidation.ok();
            }
            return FieldProblems.optionalEnvironment("environment", value);
        }

        @POST
        public FormValidation doCheckCommit(@AncestorInPath Item item, @QueryParameter String value) {
            if (!jenkins.hasPermission(item == null ? Jenkins.ADMINISTER : Item.CONFIGURE, item)) {
                return FormValidation.ok();
            }
            return FieldProblems.validation(DeployRecord.problemWithIdentity("commit", value));
        }

        @POST
        public FormValidation doCheckService(@AncestorInPath Item item, @QueryParameter String value) {
            if (!jenkins.hasPermission(item == null ? Jenkins.ADMINISTER : Item.CONFIGURE, item)) {
                return FormValidation.ok();
            }
            return AllowedServices.check(item, value);
        }

        @POST
        public FormValidation doCheckCommand(@AncestorInPath Item item, @QueryParameter String value) {
            if (!jenkins.hasPermission(item == null ? Jenkins.ADMINISTER : Item.CONFIGURE, item)) {
                return FormValidation.ok();
            }
            return FieldProblems.validation(DeploySettings.problemWithCommand(value));
        }

        @POST
        public FormValidation doCheckTimeoutMinutes(@AncestorInPath Item item, @QueryParameter int value) {
            if (!jenkins.hasPermission(item == null ? Jenkins.ADMINISTER : Item.CONFIGURE, item)) {
                return FormValidation.ok();
            }
            return FieldProblems.validation(DeploySettings.problemWithTimeoutMinutes(value));
        }

        @POST
        public FormValidation doCheckRetries(@AncestorInPath Item item, @QueryParameter int value) {
            if (!jenkins.hasPermission(item == null ? Jenkins.ADMINISTER : Item.CONFIGURE, item)) {
                return FormValidation.ok();
            }
            return FieldProblems.validation(DeploySettings.problemWithRetries(value));
        }

        @POST
        public FormValidation doCheckRetryDelaySeconds(@AncestorInPath Item item, @QueryParameter int value) {
            if (!jenkins.hasPermission(item == null ? Jenkins.ADMINISTER : Item.CONFIGURE, item)) {
                return FormValidation.ok();
            }
            return FieldProblems.validation(DeploySettings.problemWithRetryDelaySeconds(value));
        }

        @POST
        public ListBoxModel doFillDeployWhenItems(@AncestorInPath Item item) {
            if (!jenkins.hasPermission(item == null ? Jenkins.ADMINISTER : Item.CONFIGURE, item)) {
                return new ListBoxModel();
            }
            ListBoxModel items = new ListBoxModel();
            items.add(Messages.DeployCondition_SUCCESSFUL(), DeployCondition.SUCCESSFUL.name());
            items.add(Messages.DeployCondition_SUCCESSFUL_OR_UNSTABLE(), DeployCondition.SUCCESSFUL_OR_UNSTABLE.name());
            return items;
        }

        @POST
        public ListBoxModel doFillOnFailureItems(@AncestorInPath Item item) {
            if (!jenkins.hasPermission(item == null ? Jenkins.ADMINISTER : Item.CONFIGURE, item)) {
                return new ListBoxModel();
            }
            ListBoxModel items = new ListBoxModel();
            items.add(Messages.FailureEffect_FAIL_BUILD(), FailureEffect.FAIL_BUILD.name());
            items.add(Messages.FailureEffect_MARK_UNSTABLE(), FailureEffect.MARK_UNSTABLE.name());
            items.add(Messages.FailureEffect_LEAVE_RESULT(), FailureEffect.LEAVE_RESULT.name());
            return items;
        }
    }
}
