package io.jenkins.plugins.deployoften.gate;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import hudson.util.FormValidation;
import io.jenkins.plugins.deployoften.Messages;
import io.jenkins.plugins.deployoften.StepValues;
import io.jenkins.plugins.deployoften.config.AllowedServices;
import io.jenkins.plugins.deployoften.config.DeployOftenConfiguration;
import io.jenkins.plugins.deployoften.config.FieldProblems;
import io.jenkins.plugins.deployoften.config.GatePolicySettings;
import io.jenkins.plugins.deployoften.metrics.DeployMetrics;
import io.jenkins.plugins.deployoften.model.DeployLedger;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import io.jenkins.plugins.deployoften.model.gate.CandidateIdentity;
import io.jenkins.plugins.deployoften.model.gate.GateDecision;
import io.jenkins.plugins.deployoften.model.gate.GateStatus;
import io.jenkins.plugins.deployoften.model.gate.PolicyInForce;
import io.jenkins.plugins.deployoften.model.gate.ReleaseGate;
import io.jenkins.plugins.util.JenkinsFacade;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import jenkins.model.Jenkins;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The release gate, "Release gate (DeployOften)": stops the build before its release steps when staging
 * practice is missing, rare or failing, or when the candidate never reached staging. The freestyle build step
 * and the Pipeline step {@link ReleaseGateStep} both run {@link #evaluate}. Values may use build variables,
 * such as {@code $GIT_COMMIT}.
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

    /** @return the environment whose practice is checked; empty text for the global default */
    public String getEnvironment() {
        return environment;
    }

    @DataBoundSetter
    public void setEnvironment(String environment) {
        this.environment = StepValues.trimmed(environment);
    }

    /** @return the candidate's commit; empty text for none */
    public String getCommit() {
        return commit;
    }

    @DataBoundSetter
    public void setCommit(String commit) {
        this.commit = StepValues.trimmed(commit);
    }

    /** @return the candidate artifact's MD5; empty text for none */
    public String getArtifactFingerprint() {
        return artifactFingerprint;
    }

    @DataBoundSetter
    public void setArtifactFingerprint(String artifactFingerprint) {
        this.artifactFingerprint = StepValues.trimmed(artifactFingerprint);
    }

    /** @return the candidate's build of this job; 0 for none */
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

    /** The gate reads the job's history only, so it runs outside {@code node} blocks too. */
    @Override
    public boolean requiresWorkspace() {
        return false;
    }

    @Override
    public void perform(@NonNull Run<?, ?> run, @NonNull EnvVars env, @NonNull TaskListener listener)
            throws InterruptedException, IOException {
        evaluate(run, env, listener);
    }

    /**
     * Evaluates and audits the gate for a build (consuming a pending override), prints the decision table, and
     * turns the decision into a build result: BLOCK aborts the build, WARN makes it unstable.
     *
     * @param run the build asking the gate
     * @param env its variables, expanded in every value
     * @param listener its log
     * @return the decision (PASS or WARN; a BLOCK in enforce mode throws)
     * @throws AbortException when the gate blocks in enforce mode, or when a value is invalid (naming it)
     * @throws IOException when the ledger or the audit trail cannot be used
     */
    public GateDecision evaluate(Run<?, ?> run, EnvVars env, TaskListener listener) throws IOException {
        return evaluate(run, env, listener, new DeployMetrics());
    }

    /** {@link #evaluate(Run, EnvVars, TaskListener)}, telling the given metrics of the decision; for tests. */
    GateDecision evaluate(Run<?, ?> run, EnvVars env, TaskListener listener, DeployMetrics metrics) throws IOException {
        DeployOftenConfiguration configuration = DeployOftenConfiguration.get();
        String named = expanded(env, environment);
        String resolved = named.isEmpty() ? configuration.getDefaultEnvironment() : named;
        Optional<GatePolicySettings> jobPolicy = Optional.ofNullable(policy);
        FieldProblems.abortOn(
                text -> Messages.ReleaseGate_invalid(text),
                EnvironmentName.problemWith("environment", resolved)
                        .or(() -> jobPolicy.flatMap(settings ->
                                settings.problems().stream().findFirst().map(problem -> problem.within("policy"))))
                        .or(() -> CandidateIdentity.problemWithToken("commit", expanded(env, commit)))
                        .or(() -> CandidateIdentity.problemWithToken(
                                "artifactFingerprint", expanded(env, artifactFingerprint))));
        EnvironmentName name = EnvironmentName.of(resolved);
        Job<?, ?> job = run.getParent();
        PolicyInForce rules = configuration.policyInForce(job.getFullName(), jobPolicy);
        String namedService = expanded(env, service);
        AllowedServices.abortUnlessAllowed(job, namedService, text -> Messages.ReleaseGate_invalid(text));
        DeployLedger ledger = DeployOftenConfiguration.ledgers().of(job, namedService, listener.getLogger()::println);
        ReleaseGate gate = new ReleaseGate(
                rules,
                ledger,
                GateFiles.overridesOf(job),
                GateFiles.auditLogOf(job),
                configuration.getTrustedSourceSet());
        GateDecision decision = gate.evaluate(job.getFullName(), run.getNumber(), name, candidate(env), Instant.now());
        metrics.gateDecided(decision);
        GateWords.forLog().table(decision, rules).forEach(listener.getLogger()::println);
        if (decision.getStatus() == GateStatus.BLOCK) {
            throw new AbortException(GateWords.log(decision));
        }
        if (decision.getStatus() == GateStatus.WARN) {
            run.setResult(Result.UNSTABLE);
        }
        return decision;
    }

    private CandidateIdentity candidate(EnvVars env) {
        CandidateIdentity identity = CandidateIdentity.none();
        String expandedCommit = expanded(env, commit);
        if (!expandedCommit.isEmpty()) {
            identity = identity.withCommit(expandedCommit);
        }
        String expandedFingerprint = expanded(env, artifactFingerprint);
        if (!expandedFingerprint.isEmpty()) {
            identity = identity.withArtifactFingerprint(expandedFingerprint);
        }
        if (buildNumber > 0) {
            identity = identity.withBuildNumber(buildNumber);
        }
        return identity;
    }

    /** Fields missing from an older job configuration are {@code null}: XStream runs no initialisers. */
    private static String expanded(EnvVars env, String value) {
        return value == null ? "" : env.expand(value).trim();
    }

    /**
     * Checks the environment field of both gate steps: a name, empty for the default, or a value with build
     * variables, which only the build can expand.
     */
    static FormValidation checkEnvironment(String value) {
        if (value != null && value.contains("$")) {
            return FormValidation.ok();
        }
        return FieldProblems.optionalEnvironment("environment", value);
    }

    /** The descriptor: display name and form validation. */
    @Extension
    @Symbol("releaseGate")
    public static final class DescriptorImpl extends BuildStepDescriptor<Builder> {
        private final JenkinsFacade jenkins;

        public DescriptorImpl() {
            this(new JenkinsFacade());
        }

        /** @param jenkins the Jenkins asked for the current user's permissions, for tests */
        DescriptorImpl(JenkinsFacade jenkins) {
            this.jenkins = jenkins;
        }

        @NonNull
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
            if (!jenkins.hasPermission(item == null ? Jenkins.ADMINISTER : Item.CONFIGURE, item)) {
                return FormValidation.ok();
            }
            return checkEnvironment(value);
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
