package io.jenkins.plugins.deployoften.gate;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Item;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import io.jenkins.plugins.deployoften.JenkinsFacade;
import io.jenkins.plugins.deployoften.Messages;
import io.jenkins.plugins.deployoften.StepValues;
import io.jenkins.plugins.deployoften.config.EnvironmentNameValidation;
import io.jenkins.plugins.deployoften.model.gate.GateDecision;
import io.jenkins.plugins.deployoften.model.gate.GateStatus;
import io.jenkins.plugins.deployoften.model.gate.RuleVerdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
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
 * Pipeline step {@code releaseGate(environment: 'staging', commit: env.GIT_COMMIT)}: evaluates the release
 * gate, prints the decision table, fails the build on BLOCK (enforce mode) and returns the decision as a map
 * ({@code status}, {@code summary}, {@code failedRules}, {@code verdicts}) so the Jenkinsfile can branch on it.
 * Overrides cannot be granted here: only from the job's dashboard, by a permitted user.
 */
public class ReleaseGateStep extends Step {
    private String environment = "";
    private String commit = "";
    private String artifactFingerprint = "";
    private int buildNumber;
    private GatePolicySettings policy;
    private String service = "";

    @DataBoundConstructor
    public ReleaseGateStep() {}

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

    /** @return the job's own rules, or {@code null} for the global defaults */
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

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, this);
    }

    /** The decision as plain values a (sandboxed) Jenkinsfile can read. */
    static Map<String, Object> toMap(GateDecision decision) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("status", decision.getStatus().name());
        result.put("mode", decision.getMode().name());
        result.put("environment", decision.getEnvironment().value());
        result.put("summary", decision.summary());
        List<String> failed = new ArrayList<>();
        decision.failedRules().forEach(rule -> failed.add(rule.name()));
        result.put("failedRules", failed);
        List<Map<String, String>> verdicts = new ArrayList<>();
        for (RuleVerdict verdict : decision.getVerdicts()) {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("rule", verdict.getRule().name());
            entry.put("status", verdict.getStatus().name());
            entry.put("explanation", verdict.getExplanation());
            entry.put("remedy", verdict.getRemedy().orElse(""));
            verdicts.add(entry);
        }
        result.put("verdicts", verdicts);
        return result;
    }

    /** Evaluates off the CPS thread: the gate reads the ledger and writes the audit trail. */
    static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
        private static final long serialVersionUID = 1L;

        private final String environment;
        private final String commit;
        private final String artifactFingerprint;
        private final int buildNumber;
        private final GatePolicySettings policy;
        private final String service;

        Execution(StepContext context, ReleaseGateStep step) {
            super(context);
            this.environment = step.environment;
            this.commit = step.commit;
            this.artifactFingerprint = step.artifactFingerprint;
            this.buildNumber = step.buildNumber;
            this.policy = step.policy;
            this.service = step.service;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            Run<?, ?> run = getContext().get(Run.class);
            TaskListener listener = getContext().get(TaskListener.class);
            GateDecision decision = GateEvaluation.run(
                    run,
                    listener,
                    environment,
                    CandidateSettings.identity(commit, artifactFingerprint, buildNumber),
                    policy,
                    service);
            if (decision.getStatus() == GateStatus.WARN) {
                FlowNode node = getContext().get(FlowNode.class);
                if (node != null) {
                    // shows the warning on the stage, not only as the build's result
                    node.addOrReplaceAction(new WarningAction(Result.UNSTABLE).withMessage(decision.summary()));
                }
            }
            return toMap(decision);
        }
    }

    /** The step's name, context and form validation. */
    @Extension
    @Symbol("releaseGate")
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "releaseGate";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.ReleaseGate_displayName();
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }

        @POST
        public FormValidation doCheckEnvironment(@AncestorInPath Item item, @QueryParameter String value) {
            if (!JenkinsFacade.get().mayConfigure(item)) {
                return FormValidation.ok();
            }
            return EnvironmentNameValidation.checkOptional(value);
        }
    }
}
