package org.jenkinsci.plugins.workflow.job;

import hudson.model.Run;
import org.jenkinsci.plugins.workflow.flow.FlowExecutionOwner;

public final class WorkflowRun extends Run<WorkflowJob, WorkflowRun> implements FlowExecutionOwner.Executable {
    private WorkflowRun() {}
}
