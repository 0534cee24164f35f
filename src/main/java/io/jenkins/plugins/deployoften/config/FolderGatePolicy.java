package io.jenkins.plugins.deployoften.config;

import hudson.Extension;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import io.jenkins.plugins.deployoften.Messages;
import io.jenkins.plugins.deployoften.StepValues;
import io.jenkins.plugins.deployoften.model.FieldProblem;
import io.jenkins.plugins.deployoften.model.gate.PolicyFloors;
import io.jenkins.plugins.util.JenkinsFacade;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * An administrator's exception to the global gate policy for the jobs of one folder: their floor instead of the
 * global one. It may be looser or stricter than the global floor; the folder's jobs may still only tighten it.
 */
public class FolderGatePolicy extends AbstractDescribableImpl<FolderGatePolicy> {
    private final String folder;
    private GatePolicySettings policy = new GatePolicySettings();

    /** @param folder the folder's full name, such as {@code team-a/payments} */
    @DataBoundConstructor
    public FolderGatePolicy(String folder) {
        this.folder = StepValues.trimmed(folder);
    }

    public String getFolder() {
        return folder;
    }

    public GatePolicySettings getPolicy() {
        return policy == null ? new GatePolicySettings() : policy;
    }

    @DataBoundSetter
    public void setPolicy(GatePolicySettings policy) {
        this.policy = policy;
    }

    /** @return every problem with the folder's name and rules, naming fields inside this entry */
    List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        PolicyFloors.problemWithFolder("folder", folder).ifPresent(problems::add);
        getPolicy().problems().forEach(problem -> problems.add(problem.within("policy")));
        return problems;
    }

    /** Form validation. */
    @Extension
    @Symbol("folderGatePolicy")
    public static final class DescriptorImpl extends Descriptor<FolderGatePolicy> {
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
            return Messages.FolderGatePolicy_displayName();
        }

        @POST
        public FormValidation doCheckFolder(@QueryParameter String value) {
            if (!jenkins.hasPermission(Jenkins.ADMINISTER)) {
                return FormValidation.ok();
            }
            return FieldProblems.validation(PolicyFloors.problemWithFolder("folder", value));
        }
    }
}
