package io.jenkins.plugins.deployoften.config;

import hudson.Extension;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.deployoften.Messages;
import io.jenkins.plugins.deployoften.model.gate.GateMode;
import io.jenkins.plugins.deployoften.model.gate.GatePolicy;
import io.jenkins.plugins.util.JenkinsFacade;
import java.io.Serializable;
import java.util.function.Consumer;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The release gate's rules as configured: controller-wide defaults in the global configuration, and a
 * job's own rules on its gate step ({@code policy: gatePolicy(freshMaxDays: 7)} in Pipeline).
 */
public class GatePolicySettings extends AbstractDescribableImpl<GatePolicySettings> implements Serializable {
    private static final long serialVersionUID = 1L;

    private GateMode mode = GateMode.ENFORCE;
    private boolean freshEnabled = true;
    private int freshMaxDays = GatePolicy.DEFAULT_FRESH_MAX_DAYS;
    private boolean frequentEnabled = true;
    private int frequentMinDeploys = GatePolicy.DEFAULT_FREQUENT_MIN_DEPLOYS;
    private int frequentWindowDays = GatePolicy.DEFAULT_FREQUENT_WINDOW_DAYS;
    private boolean candidatePractisedEnabled = true;
    private boolean healthyEnabled = true;
    private int healthyLastDeploys = GatePolicy.DEFAULT_HEALTHY_LAST_DEPLOYS;
    private boolean failureRateEnabled;
    private int failureRateWindowDays = GatePolicy.DEFAULT_FAILURE_RATE_WINDOW_DAYS;
    private int failureRateMaxPercent = GatePolicy.DEFAULT_FAILURE_RATE_MAX_PERCENT;

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
        freshMaxDays = atLeastOne(freshMaxDays, GatePolicy.DEFAULT_FRESH_MAX_DAYS);
        frequentMinDeploys = atLeastOne(frequentMinDeploys, GatePolicy.DEFAULT_FREQUENT_MIN_DEPLOYS);
        frequentWindowDays = atLeastOne(frequentWindowDays, GatePolicy.DEFAULT_FREQUENT_WINDOW_DAYS);
        healthyLastDeploys = atLeastOne(healthyLastDeploys, GatePolicy.DEFAULT_HEALTHY_LAST_DEPLOYS);
        failureRateWindowDays = atLeastOne(failureRateWindowDays, GatePolicy.DEFAULT_FAILURE_RATE_WINDOW_DAYS);
        return this;
    }

    private static int atLeastOne(int value, int fallback) {
        return value < 1 ? fallback : value;
    }

    /**
     * @return the model policy
     * @throws IllegalArgumentException naming the first field out of range and its allowed values
     */
    public GatePolicy toPolicy() {
        return GatePolicy.builder()
                .mode(mode)
                .freshEnabled(freshEnabled)
                .freshMaxDays(freshMaxDays)
                .frequentEnabled(frequentEnabled)
                .frequentMinDeploys(frequentMinDeploys)
                .frequentWindowDays(frequentWindowDays)
                .candidatePractisedEnabled(candidatePractisedEnabled)
                .healthyEnabled(healthyEnabled)
                .healthyLastDeploys(healthyLastDeploys)
                .failureRateEnabled(failureRateEnabled)
                .failureRateWindowDays(failureRateWindowDays)
                .failureRateMaxPercent(failureRateMaxPercent)
                .build();
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
            return check(settings -> settings.setFreshMaxDays(value));
        }

        @POST
        public FormValidation doCheckFrequentWindowDays(@AncestorInPath Item item, @QueryParameter int value) {
            if (!jenkins.hasPermission(item == null ? Jenkins.ADMINISTER : Item.CONFIGURE, item)) {
                return FormValidation.ok();
            }
            return check(settings -> settings.setFrequentWindowDays(value));
        }

        @POST
        public FormValidation doCheckFailureRateWindowDays(@AncestorInPath Item item, @QueryParameter int value) {
            if (!jenkins.hasPermission(item == null ? Jenkins.ADMINISTER : Item.CONFIGURE, item)) {
                return FormValidation.ok();
            }
            return check(settings -> settings.setFailureRateWindowDays(value));
        }

        @POST
        public FormValidation doCheckFrequentMinDeploys(
                @AncestorInPath Item item, @QueryParameter int value, @QueryParameter int frequentWindowDays) {
            if (!jenkins.hasPermission(item == null ? Jenkins.ADMINISTER : Item.CONFIGURE, item)) {
                return FormValidation.ok();
            }
            return check(settings -> {
                settings.setFrequentMinDeploys(value);
                settings.setFrequentWindowDays(frequentWindowDays);
            });
        }

        @POST
        public FormValidation doCheckHealthyLastDeploys(@AncestorInPath Item item, @QueryParameter int value) {
            if (!jenkins.hasPermission(item == null ? Jenkins.ADMINISTER : Item.CONFIGURE, item)) {
                return FormValidation.ok();
            }
            return check(settings -> settings.setHealthyLastDeploys(value));
        }

        @POST
        public FormValidation doCheckFailureRateMaxPercent(@AncestorInPath Item item, @QueryParameter int value) {
            if (!jenkins.hasPermission(item == null ? Jenkins.ADMINISTER : Item.CONFIGURE, item)) {
                return FormValidation.ok();
            }
            return check(settings -> settings.setFailureRateMaxPercent(value));
        }

        /** Checks one changed field against the rules, all other fields at their defaults. */
        private static FormValidation check(Consumer<GatePolicySettings> change) {
            GatePolicySettings candidate = new GatePolicySettings();
            change.accept(candidate);
            try {
                candidate.toPolicy();
                return FormValidation.ok();
            } catch (IllegalArgumentException e) {
                return FormValidation.error(e.getMessage());
            }
        }
    }
}
