package io.jenkins.plugins.deployoften.config;

import hudson.AbortException;
import hudson.model.Item;
import hudson.model.Job;
import hudson.util.FormValidation;
import io.jenkins.plugins.deployoften.Messages;
import io.jenkins.plugins.deployoften.model.FieldProblem;
import io.jenkins.plugins.deployoften.model.ledger.ServiceRefusal;
import io.jenkins.plugins.deployoften.model.ledger.ServiceRule;
import java.util.Optional;
import java.util.function.Function;

/**
 * The check every deploy and gate step makes of its {@code service} before it deploys, records or reads
 * anything: the administrator's service mappings must allow the job that name.
 */
public final class AllowedServices {
    private AllowedServices() {}

    /**
     * @param job the job whose step names the service
     * @param service the step's {@code service}, its build variables expanded; blank for the job's own history
     * @param wording the step's wording of a configuration error around the refusal
     * @throws AbortException naming {@code service}, the job and the services it may use, when it may not use it
     */
    public static void abortUnlessAllowed(Job<?, ?> job, String service, Function<String, String> wording)
            throws AbortException {
        Optional<ServiceRefusal> refusal = refusal(job.getFullName(), service);
        if (refusal.isPresent()) {
            throw new AbortException(wording.apply(text(refusal.get())));
        }
    }

    /**
     * Form validation of a step's {@code service} field: empty (the job's own history), a value with build
     * variables (only the build can expand it), or a service the mappings allow the job.
     *
     * @param item the job being configured, or {@code null} outside one
     * @param value the entered service
     * @return OK, or the refusal naming the services the job may use
     */
    public static FormValidation check(Item item, String value) {
        String service = value == null ? "" : value.strip();
        if (service.isEmpty() || service.contains("$")) {
            return FormValidation.ok();
        }
        Optional<FieldProblem> badForm = ServiceRule.problemWithService(service);
        if (badForm.isPresent()) {
            return FieldProblems.validation(badForm);
        }
        if (!(item instanceof Job)) {
            return FormValidation.ok();
        }
        return refusal(item.getFullName(), service)
                .map(refused -> FormValidation.error(text(refused)))
                .orElseGet(FormValidation::ok);
    }

    private static Optional<ServiceRefusal> refusal(String jobFullName, String service) {
        return DeployOftenConfiguration.get().getServiceAccess().refusal(jobFullName, service);
    }

    /** @return the refusal in the user's language */
    static String text(ServiceRefusal refusal) {
        String allowed =
                refusal.allowed().isEmpty() ? Messages.ServiceAccess_noService() : String.join(", ", refusal.allowed());
        return Messages.ServiceAccess_refused(refusal.service(), refusal.job(), allowed);
    }
}
