package io.jenkins.plugins.deployoften.gate;

import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import hudson.EnvVars;
import hudson.Extension;
import hudson.model.Item;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import io.jenkins.plugins.deployoften.Messages;
import io.jenkins.plugins.deployoften.config.AllowedServices;
import io.jenkins.plugins.deployoften.config.GatePolicySettings;
import io.jenkins.plugins.deployoften.model.gate.GateDecision;
import io.jenkins.plugins.deployoften.model.gate.GateStatus;
import io.jenkins.plugins.deployoften.model.gate.RuleVerdict;
import io.jenkins.plugins.util.JenkinsFacade;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jenkins.model.Jenkins;
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
 * Pipeline step {@code releaseGate(environment: 'staging', commit: env.GIT_COMMIT)}: the {@link ReleaseGateBuilder}
 * for Pipeline. It runs the builder's {@link ReleaseGateBuilder#evaluate evaluate}, marks the stage on WARN, and
 * returns the decision as a map ({@code status}, {@code summary}, {@code failedRules}, {@code verdicts}) so the
 * Jenkinsfile can branch on it. Overrides cannot be granted here: only from the job's dashboard, by a permitted
 * user.
 */
public class ReleaseGateStep extends Step {
    private final ReleaseGateBuilder gate = new ReleaseGateBuilder();

    @DataBoundConstructor
    public ReleaseGateStep() {}

    public String getEnvironment() {
        return gate.getEnvironment();
    }

    @DataBoundSetter
    public void setEnvironment(String environment) {
        gate.setEnvironment(environment);
    }

    public String getCommit() {
        return gate.getCommit();
    }

    @DataBoundSetter
    public void setCommit(String commit) {
        gate.setCommit(commit);
    }

    public String getArtifactFingerprint() {
        return gate.getArtifactFingerprint();
    }

    @DataBoundSetter
    public void setArtifactFingerprint(String artifactFingerprint) {
        gate.setArtifactFingerprint(artifactFingerprint);
    }

    public int getBuildNumber() {
        return gate.getBuildNumber();
    }

    @DataBoundSetter
    public void setBuildNumber(int buildNumber) {
        gate.setBuildNumber(buildNumber);
    }

    public GatePolicySettings getPolicy() {
        return gate.getPolicy();
    }

    @DataBoundSetter
    public void setPolicy(GatePolicySettings policy) {
        gate.setPolicy(policy);
    }

    public String getService() {
        return gate.getService();
    }

    @DataBoundSetter
    public void setService(String service) {
        gate.setService(service);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, gate);
    }

    /** The decision as plain values a (sandboxed) Jenkinsfile can read. */
    static Map<String, Object> toMap(GateDecision decision) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("status", decision.getStatus().name());
        result.put("mode", decision.getMode().name());
        result.put("environment", decision.getEnvironment().value());
        GateWords words = GateWords.forLog();
        result.put("summary", GateWords.log(decision));
        List<String> failed = new ArrayList<>();
        decision.failedRules().forEach(rule -> failed.add(rule.name()));
        result.put("failedRules", failed);
        List<Map<String, String>> verdicts = new ArrayList<>();
        for (RuleVerdict verdict : decision.getVerdicts()) {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("rule", verdict.getRule().name());
            entry.put("status", verdict.getStatus().name());
            entry.put("explanation", words.explanation(verdict, decision.getTrustedSources()));
            entry.put("remedy", words.remedy(verdict).orElse(""));
            verdicts.add(entry);
        }
        result.put("verdicts", verdicts);
        return result;
    }

    /** Evaluates off the CPS thread: the gate reads the ledger and writes the audit trail. */
    @SuppressFBWarnings(
            value = "SE_TRANSIENT_FIELD_NOT_RESTORED",
            justification = "a synchronous non-blocking execution is not resumed after a restart")
    static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
        private static final long serialVersionUID = 2L;

        private final transient ReleaseGateBuilder gate;

        Execution(StepContext context, ReleaseGateBuilder gate) {
            super(context);
            this.gate = gate;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            StepContext context = getContext();
            EnvVars env = context.get(EnvVars.class);
            GateDecision decision = gate.evaluate(
                    context.get(Run.class), env == null ? new EnvVars() : env, context.get(TaskListener.class));
            if (decision.getStatus() == GateStatus.WARN) {
                FlowNode node = context.get(FlowNode.class);
                if (node != null) {
                    // shows the warning on the stage, not only as the build's result
                    node.addOrReplaceAction(new WarningAction(Result.UNSTABLE).withMessage(GateWords.log(decision)));
                }
            }
            return toMap(decision);
        }
    }

    /**
     * The step's name and context; its form, help and checks are the freestyle step's. The freestyle step has the
     * same symbol, and the Snippet Generator offers only the first of two steps with one name: the ordinal puts
     * this one first, so Pipeline users get {@code releaseGate(...)} with its returned decision rather than
     * {@code step([$class: 'ReleaseGateBuilder'])}.
     */
    @Extension(ordinal = 100)
    @Symbol("releaseGate")
    public static final class DescriptorImpl extends StepDescriptor {
        private final JenkinsFacade jenkins;

        public DescriptorImpl() {
            this(new JenkinsFacade());
        }

        /**
         * Each field's help is written once, for the freestyle step the form comes from.
         *
         * @param jenkins the Jenkins asked for the current user's permissions, for tests
         */
        DescriptorImpl(JenkinsFacade jenkins) {
            this.jenkins = jenkins;
            for (String field :
                    List.of("environment", "commit", "artifactFingerprint", "buildNumber", "policy", "service")) {
                addHelpFileRedirect(field, ReleaseGateBuilder.class, field);
            }
        }

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
            if (!jenkins.hasPermission(item == null ? Jenkins.ADMINISTER : Item.CONFIGURE, item)) {
                return FormValidation.ok();
            }
            return ReleaseGateBuilder.checkEnvironment(value);
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
