package io.jenkins.plugins.deployoften.model.ledger;

import io.jenkins.plugins.deployoften.model.FieldProblem;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which service names each job may use, from the administrator's {@link ServiceRule}s, and which rows of the
 * shared ledger its history is. A job that names no service keeps its own history ({@link HistoryScope#ofJob});
 * a job may name a service only when a rule covering it lists the name; without rules no job may name one.
 */
public final class ServiceAccess {
    /** No rules: every job keeps its own history. */
    public static final ServiceAccess NONE = new ServiceAccess(List.of());

    private final List<ServiceRule> rules;

    /** @param rules the administrator's rules; a job may use the services of every rule that covers it */
    public ServiceAccess(List<ServiceRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * @param jobFullName a job's full name
     * @return the service names the job may use, sorted
     */
    public SortedSet<String> servicesFor(String jobFullName) {
        SortedSet<String> services = new TreeSet<>();
        for (ServiceRule rule : rules) {
            if (rule.covers(jobFullName)) {
                services.addAll(rule.services());
            }
        }
        return Collections.unmodifiableSortedSet(services);
    }

    /**
     * @param jobFullName the job whose step names the service
     * @param service the step's {@code service}, possibly blank
     * @return why the job may not use the service; empty when the service is blank or allowed
     */
    public Optional<ServiceRefusal> refusal(String jobFullName, String service) {
        String name = service == null ? "" : service.strip();
        if (name.isEmpty() || servicesFor(jobFullName).contains(name)) {
            return Optional.empty();
        }
        return Optional.of(new ServiceRefusal(name, jobFullName, servicesFor(jobFullName)));
    }

    /**
     * @param jobFullName the job
     * @param service the step's {@code service}, blank for the job's own history
     * @param controller this controller's name in the shared ledger
     * @return the rows of the shared ledger that are the job's history for that service
     * @throws ServiceRefusal.Refused when the job may not use the service
     */
    public HistoryScope scope(String jobFullName, String service, String controller) {
        Optional<ServiceRefusal> refusal = refusal(jobFullName, service);
        if (refusal.isPresent()) {
            throw new ServiceRefusal.Refused(refusal.get());
        }
        String name = service == null ? "" : service.strip();
        if (name.isEmpty()) {
            return HistoryScope.ofJob(jobFullName, controller);
        }
        return HistoryScope.ofService(name, controller, isShared(name));
    }

    /** @return whether a rule lists the service as shared with the other controllers */
    private boolean isShared(String service) {
        return rules.stream().anyMatch(rule -> rule.shared() && rule.services().contains(service));
    }

    /**
     * One history per service: a service listed by two rules must be shared by both or by neither, else two jobs
     * of the same service would read different histories.
     *
     * @return the first service listed both shared and not shared, for the field {@code serviceMappings}
     */
    public Optional<FieldProblem> problem() {
        Map<String, Boolean> sharing = new HashMap<>();
        for (ServiceRule rule : rules) {
            for (String service : rule.services()) {
                Boolean before = sharing.putIfAbsent(service, rule.shared());
                if (before != null && before != rule.shared()) {
                    return Optional.of(new FieldProblem(
                            "serviceMappings",
                            FieldProblem.Kind.BAD_FORM,
                            0,
                            0,
                            service,
                            "",
                            FieldProblem.Form.SAME_SHARING));
                }
            }
        }
        return Optional.empty();
    }
}
