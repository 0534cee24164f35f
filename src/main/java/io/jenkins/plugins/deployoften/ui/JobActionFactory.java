package io.jenkins.plugins.deployoften.ui;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Action;
import hudson.model.Job;
import java.util.Collection;
import jenkins.model.TransientActionFactory;

/**
 * A factory of actions for any kind of job. It keeps {@code createFor} on the type parameter, exactly as
 * {@link TransientActionFactory} declares it, and hands subclasses the job.
 *
 * @param <T> the kind of job
 */
abstract class JobActionFactory<T extends Job> extends TransientActionFactory<T> {
    @NonNull
    @Override
    public Collection<? extends Action> createFor(@NonNull T target) {
        return actionsFor(target);
    }

    /**
     * @param job the job
     * @return the actions to add to it
     */
    abstract Collection<? extends Action> actionsFor(Job<?, ?> job);
}
