package io.jenkins.plugins.deployoften.model.ledger;

import java.util.SortedSet;

/**
 * A job named a service that no administrator's mapping allows it.
 *
 * @param service the service the job named
 * @param job the job's full name
 * @param allowed the services the job may use, perhaps none
 */
public record ServiceRefusal(String service, String job, SortedSet<String> allowed) {
    /** @return the refusal in English, naming the field {@code service}, the job and what it may use */
    public String message() {
        return "service: '" + service + "' is not allowed for " + job + "; it may use "
                + (allowed.isEmpty() ? "no service (leave service empty for the job's own history)" : allowed)
                + ". An administrator allows services under Manage Jenkins » System » DeployOften » Service mappings";
    }

    /** The refusal thrown where nothing can be done but stop: nothing is read or written then. */
    public static final class Refused extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        /** @param refusal what was refused */
        public Refused(ServiceRefusal refusal) {
            super(refusal.message());
        }
    }
}
