package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Result;

public final class FlowInterruptedException extends InterruptedException {
    private FlowInterruptedException() {}

    public @NonNull Result getResult() {
        throw new UnsupportedOperationException();
    }
}
