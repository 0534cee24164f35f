package io.jenkins.plugins.deployoften.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.deployoften.Messages;
import io.jenkins.plugins.deployoften.StepValues;
import io.jenkins.plugins.deployoften.config.AllowedServices;
import io.jenkins.plugins.deployoften.config.FieldProblems;
import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.DeploySource;
import io.jenkins.plugins.deployoften.model.deploy.ExternalDeploy;
import io.jenkins.plugins.util.JenkinsFacade;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Pipeline step {@code recordDeploy(environment: 'staging', result: 'SUCCESS', durationMillis: 42000)} for a
 * deploy done outside Jenkins or by another tool. Values are validated strictly; nothing is recorded when
 * one is wrong.
 */
public class RecordDeployStep extends Step {
    private final String result;
    private String environment = "";
    private long durationMillis;
    private String message = "";
    private String commit = "";
    private String service = "";

    /**
     * @param result SUCCESS, FAILURE, ABORTED or SKIPPED
     */
    @DataBoundConstructor
    public RecordDeployStep(String result) {
        this.result = result;
    }

    public String getResult() {
        return result;
    }

    public String getEnvironment() {
        return environment;
    }

    @DataBoundSetter
    public void setEnvironment(String environment) {
        this.environment = StepValues.trimmed(environment);
    }

    public long getDurationMillis() {
        return durationMillis;
    }

    @DataBoundSetter
    public void setDurationMillis(long durationMillis) {
        this.durationMillis = durationMillis;
    }

    public String getMessage() {
        return message;
    }

    @DataBoundSetter
    public void setMessage(String message) {
        this.message = message == null ? "" : message;
    }

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
    public StepExecution start(StepContext context) throws Exception {
        DeployTarget target = DeployTarget.of(environment, commit, service).withDefaultEnvironment();
        FieldProblems.abortOn(
                text -> Messages.RecordDeploy_invalid(text),
                target.environmentProblem()
                        .or(() -> ExternalDeploy.problemWithResult(result))
                        .or(() -> ExternalDeploy.problemWithDurationMillis(durationMillis)));
        target.checkService(context.get(Run.class).getParent(), text -> Messages.RecordDeploy_invalid(text));
        return new Execution(context, target, ExternalDeploy.parseResult(result), durationMillis, message);
    }

    /** Appends the record off the CPS thread (the append waits for the disk). */
    static final class Execution extends SynchronousNonBlockingStepExecution<Void> {
        private static final long serialVersionUID = 1L;

        private final DeployTarget target;
        private final DeployOutcome outcome;
        private final long durationMillis;
        private final String message;

        Execution(
                StepContext context, DeployTarget target, DeployOutcome outcome, long durationMillis, String message) {
            super(context);
            this.target = target;
            this.outcome = outcome;
            this.durationMillis = durationMillis;
            this.message = message;
        }

        @Override
        protected Void run() throws Exception {
            Run<?, ?> run = getContext().get(Run.class);
            TaskListener listener = getContext().get(TaskListener.class);
            Instant end = Instant.now();
            DeployRecord record = RunFacts.recordFor(
                            run,
                            target.environment(),
                            target.commit(getContext().get(EnvVars.class), text -> Messages.RecordDeploy_invalid(text)),
                            DeploySource.RECORD_DEPLOY)
                    .outcome(outcome)
                    .startedAt(end.minusMillis(durationMillis))
                    .duration(Duration.ofMillis(durationMillis))
                    .message(message)
                    .build();
            DeployRecording.keep(run, record, listener, target.service());
            listener.getLogger().println(DeployWords.recorded(outcome, target.environment(), durationMillis));
            return null;
        }
    }

    /** The step's name, context and form validation. */
    @Extension
    @Symbol("recordDeploy")
    public static final class DescriptorImpl extends StepDescriptor {
        private final JenkinsFacade jenkins;

        public DescriptorImpl() {
            this(new JenkinsFacade());
        }

        /** @param jenkins the Jenkins asked for the current user's permissions, for tests */
        DescriptorImpl(JenkinsFacade jenkins) {
            this.jenkins = jenkins;
            // one help file per shared field, written for the freestyle step
            for (String field : List.of("environment", "commit", "service")) {
                addHelpFileRedirect(field, DeployToStagingRecorder.class, field);
            }
        }

        @Override
        public String getFunctionName() {
            return "recordDeploy";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.RecordDeploy_displayName();
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, EnvVars.class);
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
        public ListBoxModel doFillResultItems(@AncestorInPath Item item) {
            if (!jenkins.hasPermission(item == null ? Jenkins.ADMINISTER : Item.CONFIGURE, item)) {
                return new ListBoxModel();
            }
            ListBoxModel items = new ListBoxModel();
            items.add(Messages.RecordDeploy_result_SUCCESS(), DeployOutcome.SUCCESS.name());
            items.add(Messages.RecordDeploy_result_FAILURE(), DeployOutcome.FAILURE.name());
            items.add(Messages.RecordDeploy_result_ABORTED(), DeployOutcome.ABORTED.name());
            items.add(Messages.RecordDeploy_result_SKIPPED(), DeployOutcome.SKIPPED.name());
            return items;
        }

        @POST
        public FormValidation doCheckResult(@AncestorInPath Item item, @QueryParameter String value) {
            if (!jenkins.hasPermission(item == null ? Jenkins.ADMINISTER : Item.CONFIGURE, item)) {
                return FormValidation.ok();
            }
            return FieldProblems.validation(ExternalDeploy.problemWithResult(value));
        }

        @POST
        public FormValidation doCheckDurationMillis(@AncestorInPath Item item, @QueryParameter long value) {
            if (!jenkins.hasPermission(item == null ? Jenkins.ADMINISTER : Item.CONFIGURE, item)) {
                return FormValidation.ok();
            }
            return FieldProblems.validation(ExternalDeploy.problemWithDurationMillis(value));
        }
    }
}
