package org.jenkinsci.plugins.workflow.job;

import hudson.model.Job;
import hudson.model.TopLevelItem;
import jenkins.model.ParameterizedJobMixIn;
import org.jenkinsci.plugins.workflow.flow.FlowDefinition;

public final class WorkflowJob extends Job<WorkflowJob, WorkflowRun>
        implements ParameterizedJobMixIn.ParameterizedJob<WorkflowJob, WorkflowRun>, TopLevelItem {
    private WorkflowJob() {}

    public void setDefinition(FlowDefinition definition) {
        throw new UnsupportedOperationException();
    }
}
