package io.jenkins.plugins.deployoften.steps;

import hudson.AbortException;
import hudson.model.Job;
import io.jenkins.plugins.deployoften.StepValues;
import io.jenkins.plugins.deployoften.config.AllowedServices;
import io.jenkins.plugins.deployoften.config.DeployOftenConfiguration;
import io.jenkins.plugins.deployoften.config.FieldProblems;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import io.jenkins.plugins.deployoften.model.FieldProblem;
import java.io.Serializable;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where a deploy goes and what it deploys: the environment, commit and service fields that every deploy step
 * takes, normalised and resolved in one place. The steps keep their own getters and setters, which Jenkins
 * data binding requires, and hand the values to this.
 */
final class DeployTarget implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String environment;
    private final String commit;
    private final String service;

    private DeployTarget(String environment, String commit, String service) {
        this.environment = StepValues.trimmed(environment);
        this.commit = StepValues.trimmed(commit);
        this.service = StepValues.trimmed(service);
    }

    /**
     * @param environment the environment, blank for the global default
     * @param commit the commit, blank for the build's {@code GIT_COMMIT}
     * @param service the service in the shared ledger, blank for the job
     * @return the target as the step's user gave it
     */
    static DeployTarget of(String environment, String commit, String service) {
        return new DeployTarget(environment, commit, service);
    }

    /** @return the same target with a blank environment replaced by the global default */
    DeployTarget withDefaultEnvironment() {
        return new DeployTarget(DeployOftenConfiguration.environmentOrDefault(environment), commit, service);
    }

    /** @return what is wrong with the environment's name, for the field {@code environment} */
    Optional<FieldProblem> environmentProblem() {
        return EnvironmentName.problemWith("environment", environment);
    }

    /** @return the environment as given (or defaulted), before its name is checked */
    String environmentText() {
        return environment;
    }

    /** @return the environment; call on a target with its default applied and its problem checked */
    EnvironmentName environment() {
        return EnvironmentName.of(environment);
    }

    /**
     * @param buildVariables the build's variables
     * @param wording the step's wording of a configuration error around the problem's text
     * @return the commit given, else the build's {@code GIT_COMMIT}, else none
     * @throws AbortException naming {@code commit} and the allowed form when it is not one word of at most
     *     {@value DeployRecord#MAX_TEXT} characters; nothing is deployed or recorded then
     */
    Optional<String> commit(Map<String, String> buildVariables, Function<String, String> wording)
            throws AbortException {
        Optional<String> resolved = RunFacts.commit(commit, buildVariables);
        FieldProblems.abortOn(wording, DeployRecord.problemWithIdentity("commit", resolved.orElse(null)));
        return resolved;
    }

    /** @return the service in the shared ledger; empty text for the job's own history */
    String service() {
        return service;
    }

    /**
     * @param job the job whose step this is
     * @param wording the step's wording of a configuration error around the refusal
     * @throws AbortException naming {@code service}, the job and the services it may use, when no administrator's
     *     mapping allows the job the service; nothing is deployed or recorded then
     */
    void checkService(Job<?, ?> job, Function<String, String> wording) throws AbortException {
        AllowedServices.abortUnlessAllowed(job, service, wording);
    }
}
