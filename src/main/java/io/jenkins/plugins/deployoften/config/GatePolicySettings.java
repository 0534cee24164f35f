package io.jenkins.plugins.deployoften.config;

import hudson.Extension;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.deployoften.Messages;
import io.jenkins.plugins.deployoften.model.FieldProblem;
import io.jenkins.plugins.deployoften.model.gate.GateMode;
import io.jenkins.plugins.deployoften.model.gate.GatePolicy;
import io.jenkins.plugins.deployoften.model.gate.GatePolicy.CandidateRule;
import io.jenkins.plugins.deployoften.model.gate.GatePolicy.FailureRateRule;
import io.jenkins.plugins.deployoften.model.gate.GatePolicy.FrequentRule;
import io.jenkins.plugins.deployoften.model.gate.GatePolicy.FreshRule;
import io.jenkins.plugins.deployoften.model.gate.GatePolicy.HealthyRule;
import io.jenkins.plugins.util.JenkinsFacade;
import java.io.Serializable;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The release gate's rules as configured: controller-wide defaults in the global configuration, and a
 * job's own rules on its gate step ({@code policy: gatePolicy(freshMaxDays: 7)} in Pipeline). The values stay
 * flat fields because the saved XML, Pipeline's {@code gatePolicy(...)}, the form and Configuration as Code all
 * name them so; {@link #toPolicy()} is the one place they become the model's rules.
 */
public class GatePolicySettings extends AbstractDescribableImpl<GatePolicySettings> implements Serializable {
    private static final long serialVersionUID = 1L;

    private GateMode mode = GateMode.ENFORCE;
    private boolean freshEnabled = FreshRule.DEFAULT.enabled();
    private int freshMaxDays = FreshRule.DEFAULT.maxDays();
    private boolean frequentEnabled = FrequentRule.DEFAULT.enabled();
    private int frequentMinDeploys = FrequentRule.DEFAULT.minDeploys();
    private int frequentWindowDays = FrequentRule.DEFAULT.windowDays();
    private boolean candidatePractisedEnabled = CandidateRule.DEFAULT.enabled();
    private boolean healthyEnabled = HealthyRule.DEFAULT.enabled();
    private int healthyLastDeploys = HealthyRule.DEFAULT.lastDeploys();
    private boolean failureRateEnabled = FailureRateRule.DEFAULT.enabled();
    private int failureRateWindowDays = FailureRateRule.DEFAULT.windowDays();
    private int failureRateMaxPercent = FailureRateRule.DEFAULT.maxPercent();

    /** Starts from the documented defaults. */
    @DataBoundConstructor
    public GatePolicySettings() {}

    /**
     * Restores the defaults of fields that a configuration saved by an older version lacks (Jenkins reads saved
     * objects without running their constructor or field initialisers).
     *
     * @return this
     */
    protected Object readResolve() {
        if (mode == null) {
            mode = GateMode.ENFORCE;
        }
        freshMaxDays = atLeastOne(freshMaxDays, FreshRule.DEFAULT.maxDays());
        frequentMinDeploys = atLeastOne(frequentMinDeploys, FrequentRule.DEFAULT.minDeploys());
        frequentWindowDays = atLeastOne(frequentWindowDays, FrequentRule.DEFAULT.windowDays());
        healthyLastDeploys = atLeastOne(healthyLastDeploys, HealthyRule.DEFAULT.lastDeploys());
        failureRateWindowDays = atLeastOne(failureRateWindowDays, FailureRateRule.DEFAULT.windowDays());
        return this;
    }

    private static int atLeastOne(int value, int fallback) {
        return value < 1 ? fallback : value;
    }

    /**
     * @return the model policy
     * @throws io.jenkins.plugins.deployoften.model.InvalidValueException naming the first field out of range and
     *     its allowed values
     */
    public GatePolicy toPolicy() {
        return rules().build();
    }

    /** @return every field out of range with its allowed values, in the order of the form; empty when valid */
    public List<FieldProblem> problems() {
        return rules().problems();
    }

    /** The one place the flat, saved values become the model's rules. */
    private GatePolicy.Builder rules() {
        return GatePolicy.builder()
                .mode(mode)
                .fresh(new FreshRule(freshEnabled, freshMaxDays))
                .frequent(new FrequentRule(frequentEnabled, frequentMinDeploys, frequentWindowDays))
                .candidatePractised(new CandidateRule(candidatePractisedEnabled))
                .healthy(new HealthyRule(healthyEnabled, healthyLastDeploys))
                .failureRate(new FailureRateRule(failureRateEnabled, failureRateMaxPercent, failureRateWindowDays));
    }

    public GateMode getMode() {
        return mode;
    }

    @DataBoundSetter
    public void setMode(GateMode mode) {
        this.mode = mode;
    }

    public boolean isFreshEnabled() {
        return freshEnabled;
    }

    @DataBoundSetter
    public void setFreshEnabled(boolean freshEnabled) {
        this.freshEnabled = freshEnabled;
    }

    public int getFreshMaxDays() {
        return freshMaxDays;
    }

    @DataBoundSetter
    public void setFreshMaxDays(int freshMaxDays) {
        this.freshMaxDays = freshMaxDays;
    }

    public boolean isFrequentEnabled() {
        return frequentEnabled;
    }

    @DataBoundSetter
    public void setFrequentEnabled(boolean frequentEnabled) {
        this.frequentEnabled = frequentEnabled;
    }

    public int getFrequentMinDeploys() {
        return frequentMinDeploys;
    }

    @DataBoundSetter
    public void setFrequentMinDeploys(int frequentMinDeploys) {
        this.frequentMinDeploys = frequentMinDeploys;
    }

    public int getFrequentWindowDays() {
        return frequentWindowDays;
    }

    @DataBoundSetter
    public void setFrequentWindowDays(int frequentWindowDays) {
        this.frequentWindowDays = frequentWindowDays;
    }

    public boolean isCandidatePractisedEnabled() {
        return candidatePractisedEnabled;
    }

    @DataBoundSetter
    public void setCandidatePractisedEnabled(boolean candidatePractisedEnabled) {
        this.candidatePractisedEnabled = candidatePractisedEnabled;
    }

    public boolean isHealthyEnabled() {
        return healthyEnabled;
    }

    @DataBoundSetter
    public void setHealthyEnabled(boolean healthyEnabled) {
        this.healthyEnabled = healthyEnabled;
    }

    public int getHealthyLastDeploys() {
        return healthyLastDeploys;
    }

    @DataBoundSetter
    public void setHealthyLastDeploys(int healthyLastDeploys) {
        this.healthyLastDeploys = healthyLastDeploys;
    }

    public boolean isFailureRateEnabled() {
        return failureRateEnabled;
    }

    @DataBoundSetter
    public void setFailureRateEnabled(boolean failureRateEnabled) {
        this.failureRateEnabled = failureRateEnabled;
    }

    public int getFailureRateWindowDays() {
        return failureRateWindowDays;
    }

    @DataBoundSetter
    public void setFailureRateWindowDays(int failureRateWindowDays) {
        this.failureRateWindowDays = failureRateWindowDays;
    }

    public int getFailureRateMaxPercent() {
        return failureRateMaxPercent;
    }

    @DataBoundSetter
    public void setFailureRateMaxPercent(int failureRateMaxPercent) {
        this.failureRateMaxPercent = failureRateMaxPercent;
    }

    /** Form validation and the mode choice. */
    @Extension
    @Symbol("gatePolicy")
    public static final class DescriptorImpl extends Descriptor<GatePolicySettings> {
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
            return Messages.GatePolicySettings_displayName();
        }

        @POST
        public ListBoxModel doFillModeItems(@AncestorInPath Item item) {
            if (!jenkins.hasPermission(item == null ? Jenkins.ADMINISTER : Item.CONFIGURE, item)) {
                return new ListBoxModel();
            }
            ListBoxModel items = new ListBoxModel();
            items.add(Messages.GateMode_ENFORCE(), GateMode.ENFORCE.name());
            items.add(Messages.GateMode_WARN(), GateMode.WARN.name());
            return items;
        }

        @POST
        public FormValidation doCheckFreshMaxDays(@AncestorInPath Item item, @QueryParameter int value) {
            if (!jenkins.hasPermission(item == null ? Jenkins.ADMINISTER : Item.CONFIGURE, item)) {
                return FormValidation.ok();
            }
            return FieldProblems.validation(new FreshRule(true, value).problem());
        }

        @POST
        public FormValidation doCheckFrequentWindowDays(@AncestorInPath Item item, @QueryParameter int value) {
            if (!jenkins.hasPermission(item == null ? Jenkins.ADMINISTER : Item.CONFIGURE, item)) {
                return FormValidation.ok();
            }
            return FieldProblems.validation(new FrequentRule(true, FrequentRule.DEFAULT.minDeploys(), value).problem());
        }

        @POST
        public FormValidation doCheckFailureRateWindowDays(@AncestorInPath Item item, @QueryParameter int value) {
            if (!jenkins.hasPermission(item == null ? Jenkins.ADMINISTER : Item.CONFIGURE, item)) {
                return FormValidation.ok();
            }
            return FieldProblems.validation(
                    new FailureRateRule(true, FailureRateRule.DEFAULT.maxPercent(), value).problem());
        }

        @POST
        public FormValidation doCheckFrequentMinDeploys(
                @AncestorInPath Item item, @QueryParameter int value, @QueryParameter int frequentWindowDays) {
            if (!jenkins.hasPermission(item == null ? Jenkins.ADMINISTER : Item.CONFIGURE, item)) {
                return FormValidation.ok();
            }
            return FieldProblems.validation(new FrequentRule(true, value, frequentWindowDays).problem());
        }

        @POST
        public FormValidation doCheckHealthyLastDeploys(@AncestorInPath Item item, @QueryParameter int value) {
            if (!jenkins.hasPermission(item == null ? Jenkins.ADMINISTER : Item.CONFIGURE, item)) {
                return FormValidation.ok();
            }
            return FieldProblems.validation(new HealthyRule(true, value).problem());
        }

        @POST
        public FormValidation doCheckFailureRateMaxPercent(@AncestorInPath Item item, @QueryParameter int value) {
            if (!jenkins.hasPermission(item == null ? Jenkins.ADMINISTER : Item.CONFIGURE, item)) {
                return FormValidation.ok();
            }
            return FieldProblems.validation(
                    new FailureRateRule(true, value, FailureRateRule.DEFAULT.windowDays()).problem());
        }
    }
}
