package io.jenkins.plugins.deployoften.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.model.Item;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import io.jenkins.plugins.deployoften.Messages;
import io.jenkins.plugins.deployoften.StepValues;
import io.jenkins.plugins.deployoften.config.AllowedServices;
import io.jenkins.plugins.deployoften.config.FieldProblems;
import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.DeploySource;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import io.jenkins.plugins.deployoften.model.deploy.DeployLane;
import io.jenkins.plugins.deployoften.model.deploy.NotDeployed;
import io.jenkins.plugins.util.JenkinsFacade;
import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Executor;
import jenkins.model.Jenkins;
import jenkins.util.Timer;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.FlowInterruptedException;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Pipeline block step {@code deployOften(environment: 'staging') { ... }}: runs the team's own deploy steps,
 * measures them, and records SUCCESS, FAILURE or ABORTED from how the body ended, rethrowing its failure.
 * Its state is a few strings and numbers, so it survives a controller restart.
 */
public class DeployOftenStep extends Step implements Serializable {
    private static final long serialVersionUID = 1L;

    private String environment = "";
    private String commit = "";
    private String service = "";

    @DataBoundConstructor
    public DeployOftenStep() {}

    /** @return the environment, or empty text for the global default */
    public String getEnvironment() {
        return environment;
    }

    @DataBoundSetter
    public void setEnvironment(String environment) {
        this.environment = StepValues.trimmed(environment);
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
    public StepExecution start(StepContext context) throws Exception {
        DeployTarget target = DeployTarget.of(environment, commit, service).withDefaultEnvironment();
        FieldProblems.abortOn(text -> Messages.DeployToStaging_invalidConfiguration(text), target.environmentProblem());
        target.checkService(
                context.get(Run.class).getParent(), text -> Messages.DeployToStaging_invalidConfiguration(text));
        return new Execution(context, target);
    }

    /** Starts the body and leaves the recording to the callback. */
    static final class Execution extends StepExecution {
        private static final long serialVersionUID = 1L;

        private final DeployTarget target;

        Execution(StepContext context, DeployTarget target) {
            super(context);
            this.target = target;
        }

        @Override
        public boolean start() throws Exception {
            StepContext context = getContext();
            Run<?, ?> run = context.get(Run.class);
            TaskListener listener = context.get(TaskListener.class);
            EnvironmentName name = target.environment();
            Optional<String> commit = target.commit(
                    context.get(EnvVars.class), text -> Messages.DeployToStaging_invalidConfiguration(text));
            DeployLane lane = StagingDeploy.LANES.lane(run.getParent().getFullName(), name);
            OptionalInt newer = lane.supersededBy(run.getNumber());
            if (newer.isPresent()) {
                String reason = DeployWords.reason(NotDeployed.supersededBy(newer.getAsInt()));
                listener.getLogger().println(DeployWords.skipped(name, reason));
                // the ledger waits for the disk (or the database): never on the Pipeline engine's thread
                Executor background = Timer.get();
                DeployRecord skipped = RunFacts.recordFor(run, name, commit, DeploySource.DEPLOY_OFTEN)
                        .outcome(DeployOutcome.SKIPPED)
                        .reason(reason)
                        .startedAt(Instant.now())
                        .build();
                background.execute(() -> {
                    try {
                        DeployRecording.keep(run, skipped, listener, target.service());
                    } catch (IOException | RuntimeException e) {
                        context.onFailure(e);
                        return;
                    }
                    context.onSuccess(null);
                });
                return false;
            }
            lane.started(run.getNumber());
            listener.getLogger().println(DeployWords.start(name, run.getNumber(), 1));
            context.newBodyInvoker()
                    .withCallback(new RecordingCallback(
                            name.value(), commit.orElse(""), Instant.now().toEpochMilli(), target.service()))
                    .start();
            return false;
        }
    }

    /** Records the deploy when the body ends, then passes the body's result or failure on. */
    static final class RecordingCallback extends BodyExecutionCallback {
        private static final long serialVersionUID = 1L;

        private final String environment;
        private final String commit;
        private final long startedAtMillis;
        private final String service;

        RecordingCallback(String environment, String commit, long startedAtMillis, String service) {
            this.environment = environment;
            this.commit = commit;
            this.startedAtMillis = startedAtMillis;
            this.service = service;
        }

        /** Records off the Pipeline engine's thread (the ledger waits for the disk), then passes the result on. */
        @Override
        public void onSuccess(StepContext context, Object result) {
            Timer.get().execute(() -> {
                try {
                    record(context, DeployOutcome.SUCCESS, "");
                } catch (IOException | InterruptedException | RuntimeException e) {
                    context.onFailure(e);
                    return;
                }
                context.onSuccess(result);
            });
        }

        /** Records off the Pipeline engine's thread, then rethrows the body's failure. */
        @Override
        public void onFailure(StepContext context, Throwable failure) {
            Timer.get().execute(() -> {
                try {
                    record(context, outcomeOf(failure), reasonOf(failure));
                } catch (IOException | InterruptedException | RuntimeException e) {
                    failure.addSuppressed(e);
                }
                context.onFailure(failure);
            });
        }

        /** @return the failure's message, else what kind of failure it was (an abort carries no message) */
        static String reasonOf(Throwable failure) {
            String message = failure.getMessage();
            if (message != null && !message.isBlank()) {
                return message;
            }
            return failure instanceof InterruptedException
                    ? DeployWords.interruptedBody()
                    : failure.getClass().getSimpleName();
        }

        static DeployOutcome outcomeOf(Throwable failure) {
            if (failure instanceof FlowInterruptedException) {
                Result result = ((FlowInterruptedException) failure).getResult();
                return result.isWorseThan(Result.FAILURE) ? DeployOutcome.ABORTED : DeployOutcome.FAILURE;
            }
            return failure instanceof InterruptedException ? DeployOutcome.ABORTED : DeployOutcome.FAILURE;
        }

        private void record(StepContext context, DeployOutcome outcome, String reason)
                throws IOException, InterruptedException {
            Run<?, ?> run = context.get(Run.class);
            TaskListener listener = context.get(TaskListener.class);
            EnvironmentName name = EnvironmentName.of(environment);
            Instant start = Instant.ofEpochMilli(startedAtMillis);
            Duration duration = Duration.between(start, Instant.now());
            DeployRecord record = RunFacts.recordFor(
                            run,
                            name,
                            commit.isEmpty() ? Optional.empty() : Optional.of(commit),
                            DeploySource.DEPLOY_OFTEN)
                    .outcome(outcome)
                    .reason(outcome == DeployOutcome.SUCCESS ? "" : reason)
                    .startedAt(start)
                    .duration(duration.isNegative() ? Duration.ZERO : duration)
                    .build();
            listener.getLogger()
                    .println(DeployWords.end(
                            name,
                            outcome,
                            record.getDuration(),
                            record.getReason().orElse("")));
            DeployRecording.keep(run, record, listener, service);
        }
    }

    /** The step's name, context and form validation. */
    @Extension
    @Symbol("deployOften")
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
            return "deployOften";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.DeployOftenStep_displayName();
        }

        @Override
        public boolean takesImplicitBlockArgument() {
            return true;
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
    }
}
