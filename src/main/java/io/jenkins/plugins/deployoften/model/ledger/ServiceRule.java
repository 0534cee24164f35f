package io.jenkins.plugins.deployoften.model.ledger;

import io.jenkins.plugins.deployoften.model.FieldProblem;
import io.jenkins.plugins.deployoften.model.InvalidValueException;
import io.jenkins.plugins.deployoften.model.TextLines;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * One administrator's mapping: the jobs it covers may name the listed services in the deploy and gate steps.
 *
 * <p>{@code jobs} is the full name of a folder or a job, such as {@code team-a} or {@code team-a/payments}. It
 * covers the item of exactly that full name and, for a folder, every job inside it at any depth (full names
 * beginning with it and a {@code /}). It compares whole names, case included: {@code team-a} covers
 * {@code team-a/app} but not {@code team-ab/app}. Surrounding spaces and slashes are ignored.
 *
 * @param jobs the folder or job, normalised
 * @param services the service names, in the order given, each once
 * @param shared whether the services' history includes the rows other controllers of the database wrote
 */
public record ServiceRule(String jobs, List<String> services, boolean shared) {
    /** The most characters of a service name. */
    public static final int MAX_SERVICE = 200;

    /** The most characters of the jobs' full name. */
    public static final int MAX_JOBS = JdbcDeployLedger.MAX_KEY_LENGTH;

    /**
     * @throws IllegalArgumentException naming the field when {@link #problemWithJobs} or {@link
     *     #problemWithServices} finds a problem
     */
    public ServiceRule {
        jobs = normalisedJobs(jobs);
        services = services == null ? List.of() : List.copyOf(new LinkedHashSet<>(services));
        List<String> names = services;
        Optional<FieldProblem> problem = problemWithJobs(jobs).or(() -> problemWithServiceNames(names));
        if (problem.isPresent()) {
            throw new InvalidValueException(problem.get());
        }
    }

    /**
     * @param jobs the folder or job as entered
     * @param servicesText the service names, one per line; blank lines are ignored
     * @param shared whether other controllers' rows are read too
     * @return the rule
     * @throws IllegalArgumentException naming the field when a value is not in its form
     */
    public static ServiceRule of(String jobs, String servicesText, boolean shared) {
        return new ServiceRule(jobs, TextLines.of(servicesText), shared);
    }

    /**
     * @param jobFullName a job's full name
     * @return whether this rule covers the job: see the class comment
     */
    public boolean covers(String jobFullName) {
        return jobFullName.equals(jobs) || jobFullName.startsWith(jobs + "/");
    }

    /**
     * @param jobs the entered folder or job
     * @return what is wrong with it for the field {@code jobs}, if anything
     */
    public static Optional<FieldProblem> problemWithJobs(String jobs) {
        String normalised = normalisedJobs(jobs);
        if (normalised.isEmpty()) {
            return Optional.of(
                    new FieldProblem("jobs", FieldProblem.Kind.BLANK, 0, 0, "", "", FieldProblem.Form.JOB_OR_FOLDER));
        }
        if (normalised.length() > MAX_JOBS
                || normalised.contains("//")
                || normalised.chars().anyMatch(Character::isISOControl)) {
            return Optional.of(new FieldProblem(
                    "jobs", FieldProblem.Kind.BAD_FORM, 0, 0, normalised, "", FieldProblem.Form.JOB_OR_FOLDER));
        }
        return Optional.empty();
    }

    /**
     * @param servicesText the entered service names, one per line
     * @return what is wrong with them for the field {@code services}, if anything
     */
    public static Optional<FieldProblem> problemWithServices(String servicesText) {
        return problemWithServiceNames(TextLines.of(servicesText));
    }

    /**
     * @param service a step's service name, stripped; not blank
     * @return what is wrong with it as a service name, for the steps' field {@code service}
     */
    public static Optional<FieldProblem> problemWithService(String service) {
        return problemWithName("service", service);
    }

    private static Optional<FieldProblem> problemWithServiceNames(List<String> services) {
        if (services.isEmpty()) {
            return Optional.of(new FieldProblem(
                    "services", FieldProblem.Kind.BLANK, 0, MAX_SERVICE, "", "", FieldProblem.Form.SERVICE_NAME));
        }
        return services.stream()
                .map(name -> problemWithName("services", name))
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static Optional<FieldProblem> problemWithName(String field, String name) {
        if (name.isEmpty() || name.length() > MAX_SERVICE || name.chars().anyMatch(Character::isISOControl)) {
            return Optional.of(new FieldProblem(
                    field, FieldProblem.Kind.BAD_FORM, 0, MAX_SERVICE, name, "", FieldProblem.Form.SERVICE_NAME));
        }
        return Optional.empty();
    }

    private static String normalisedJobs(String jobs) {
        return jobs == null ? "" : jobs.strip().replaceAll("^/+|/+$", "").strip();
    }
}
