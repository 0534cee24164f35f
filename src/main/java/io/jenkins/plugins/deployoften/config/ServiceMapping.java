package io.jenkins.plugins.deployoften.config;

import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import io.jenkins.plugins.deployoften.Messages;
import io.jenkins.plugins.deployoften.StepValues;
import io.jenkins.plugins.deployoften.model.InvalidValueException;
import io.jenkins.plugins.deployoften.model.ledger.ServiceRule;
import io.jenkins.plugins.util.JenkinsFacade;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * One entry of the System page's "Service mappings", also in Configuration as Code: the jobs of a folder (or one
 * job) may name these services in the deploy and gate steps. The matching is {@link ServiceRule}'s.
 */
public class ServiceMapping implements Describable<ServiceMapping> {
    private final String jobs;
    private final String services;
    private boolean sharedAcrossControllers;

    /**
     * @param jobs the full name of a folder (every job inside it) or of one job
     * @param services the service names, one per line
     * @throws IllegalArgumentException naming the field when a value is not in its form; nothing is saved
     */
    @DataBoundConstructor
    public ServiceMapping(String jobs, String services) {
        this.jobs = StepValues.trimmed(jobs);
        this.services = StepValues.trimmed(services);
        try {
            toRule();
        } catch (InvalidValueException e) {
            throw new InvalidValueException(e.problem().within("serviceMappings"));
        }
    }

    public String getJobs() {
        return jobs;
    }

    public String getServices() {
        return services;
    }

    /** @return whether the services' history includes what other controllers of the Jenkins database recorded */
    public boolean isSharedAcrossControllers() {
        return sharedAcrossControllers;
    }

    @DataBoundSetter
    public void setSharedAcrossControllers(boolean sharedAcrossControllers) {
        this.sharedAcrossControllers = sharedAcrossControllers;
    }

    /** @return the model's rule; the values were checked when this was made */
    final ServiceRule toRule() {
        return ServiceRule.of(jobs, services, sharedAcrossControllers);
    }

    /** The mapping's form validation, for administrators only. */
    @Extension
    @Symbol("serviceMapping")
    public static final class DescriptorImpl extends Descriptor<ServiceMapping> {
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
            return Messages.ServiceMapping_displayName();
        }

        @POST
        public FormValidation doCheckJobs(@QueryParameter String value) {
            if (!jenkins.hasPermission(Jenkins.ADMINISTER)) {
                return FormValidation.ok();
            }
            return FieldProblems.validation(ServiceRule.problemWithJobs(value));
        }

        @POST
        public FormValidation doCheckServices(@QueryParameter String value) {
            if (!jenkins.hasPermission(Jenkins.ADMINISTER)) {
                return FormValidation.ok();
            }
            return FieldProblems.validation(ServiceRule.problemWithServices(value));
        }
    }
}
