package io.jenkins.plugins.deployoften.model.ledger;

import java.util.Objects;
import java.util.Optional;

/**
 * Which rows of the shared ledger make one history. Every row carries a service key, the controller that wrote
 * it and the job whose record it is; a scope reads the rows of one service key, narrowed to one controller and
 * one job when it is not shared:
 *
 * <ul>
 *   <li>{@link #ofJob}: a job's own history, the default: its full name as service key, written by this
 *       controller and by this job. Rows another job or controller wrote under that key are not read.
 *   <li>{@link #ofService}: a service an administrator mapped jobs to: every job's rows under its name,
 *       written by this controller, or by every controller when the mapping shares it.
 *   <li>{@link #everywhere}: a service key read across every controller and job; for tools and tests.
 * </ul>
 *
 * Appends are not narrowed: a row always carries this controller and its record's job.
 */
public final class HistoryScope {
    private final String service;
    private final String controller;
    private final String job;

    private HistoryScope(String service, String controller, String job) {
        this.service = Objects.requireNonNull(service, "service");
        this.controller = controller;
        this.job = job;
    }

    /**
     * @param jobFullName the job's full name, its default service key
     * @param controller this controller's name in the shared ledger
     * @return the job's own history on this controller
     */
    public static HistoryScope ofJob(String jobFullName, String controller) {
        return new HistoryScope(jobFullName, Objects.requireNonNull(controller, "controller"), jobFullName);
    }

    /**
     * @param service the service name an administrator allowed
     * @param controller this controller's name in the shared ledger
     * @param shared whether the administrator shares the service with the other controllers of the database
     * @return every job's rows under the service, of this controller or, shared, of every controller
     */
    public static HistoryScope ofService(String service, String controller, boolean shared) {
        return new HistoryScope(service, shared ? null : Objects.requireNonNull(controller, "controller"), null);
    }

    /**
     * @param service a service key
     * @return every row under the key, whoever wrote it
     */
    public static HistoryScope everywhere(String service) {
        return new HistoryScope(service, null, null);
    }

    /** @return the service key the rows carry */
    public String service() {
        return service;
    }

    /** @return the only controller whose rows are read; empty for every controller */
    public Optional<String> controller() {
        return Optional.ofNullable(controller);
    }

    /** @return the only job whose rows are read; empty for every job */
    public Optional<String> job() {
        return Optional.ofNullable(job);
    }

    /** @return the scope as SQL over {@code deployoften_deploy}, its parameters in the order service, controller, job */
    String condition() {
        return "service = ?" + (controller == null ? "" : " AND controller = ?") + (job == null ? "" : " AND job = ?");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HistoryScope that
                && service.equals(that.service)
                && Objects.equals(controller, that.controller)
                && Objects.equals(job, that.job);
    }

    @Override
    public int hashCode() {
        return Objects.hash(service, controller, job);
    }

    @Override
    public String toString() {
        return service
                + (controller == null ? " on every controller" : " on " + controller)
                + (job == null ? "" : " of job " + job);
    }
}
