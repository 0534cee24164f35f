package io.jenkins.plugins.deployoften.gate.promoted;

import hudson.Extension;
import hudson.model.AbstractBuild;
import hudson.model.AbstractProject;
import hudson.plugins.promoted_builds.PromotionBadge;
import hudson.plugins.promoted_builds.PromotionCondition;
import hudson.plugins.promoted_builds.PromotionConditionDescriptor;
import hudson.plugins.promoted_builds.PromotionProcess;
import io.jenkins.plugins.deployoften.Messages;
import io.jenkins.plugins.deployoften.StepValues;
import io.jenkins.plugins.deployoften.config.DeployOftenConfiguration;
import io.jenkins.plugins.deployoften.config.GatePolicySettings;
import io.jenkins.plugins.deployoften.gate.GateWords;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import io.jenkins.plugins.deployoften.model.gate.CandidateIdentity;
import io.jenkins.plugins.deployoften.model.gate.GateDecision;
import io.jenkins.plugins.deployoften.model.gate.GateEvaluator;
import io.jenkins.plugins.deployoften.model.gate.GateStatus;
import io.jenkins.plugins.deployoften.model.gate.PolicyInForce;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * Promoted Builds condition "DeployOften gate passes": a build may be promoted when the release gate does
 * not block it, the build itself being the candidate. Promoted Builds checks conditions again and again, so
 * this check neither consumes overrides nor writes the gate's audit trail; the promotion is recorded by
 * Promoted Builds itself.
 */
public class DeployOftenGateCondition extends PromotionCondition {
    private static final Logger LOGGER = Logger.getLogger(DeployOftenGateCondition.class.getName());

    private String environment = "";
    private GatePolicySettings policy;

    @DataBoundConstructor
    public DeployOftenGateCondition() {}

    public String getEnvironment() {
        return environment;
    }

    @DataBoundSetter
    public void setEnvironment(String environment) {
        this.environment = StepValues.trimmed(environment);
    }

    public GatePolicySettings getPolicy() {
        return policy;
    }

    @DataBoundSetter
    public void setPolicy(GatePolicySettings policy) {
        this.policy = policy;
    }

    @Override
    public PromotionBadge isMet(PromotionProcess promotionProcess, AbstractBuild<?, ?> build) {
        try {
            GateDecision decision = decide(build);
            return decision.getStatus() == GateStatus.BLOCK ? null : new GatePassedBadge(GateWords.log(decision));
        } catch (IOException | IllegalArgumentException e) {
            LOGGER.log(Level.WARNING, "DeployOften gate could not be checked for " + build, e);
            return null;
        }
    }

    GateDecision decide(AbstractBuild<?, ?> build) throws IOException {
        EnvironmentName name = EnvironmentName.of(
                environment.isEmpty() ? DeployOftenConfiguration.get().getDefaultEnvironment() : environment);
        PolicyInForce rules = DeployOftenConfiguration.get()
                .policyInForce(build.getParent().getFullName(), Optional.ofNullable(policy));
        return GateEvaluator.evaluate(
                rules.rules(),
                DeployOftenConfiguration.ledgers().of(build.getParent()),
                name,
                CandidateIdentity.ofBuild(build.getNumber()),
                Instant.now(),
                Optional.empty(),
                Set.of(),
                DeployOftenConfiguration.get().getTrustedSourceSet());
    }

    /** Shown on the promotion: why the gate let the build through. */
    public static final class GatePassedBadge extends PromotionBadge {
        private final String summary;

        GatePassedBadge(String summary) {
            this.summary = summary;
        }

        public String getSummary() {
            return summary;
        }
    }

    /** Registered only when Promoted Builds is installed. */
    @Extension(optional = true)
    @Symbol("deployOftenGate")
    public static final class DescriptorImpl extends PromotionConditionDescriptor {
        @Override
        public String getDisplayName() {
            return Messages.DeployOftenGateCondition_displayName();
        }

        @Override
        public boolean isApplicable(AbstractProject<?, ?> item) {
            return true;
        }
    }
}
