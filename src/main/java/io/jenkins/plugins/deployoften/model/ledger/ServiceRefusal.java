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
    /**
     * The refusal thrown where nothing can be done but stop: nothing is read or written then. The steps refuse the
     * service in the user's words before they get here; the message, in English, is for logs.
     */
    public static final class Refused extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        /** @param refusal what was refused */
        public Refused(ServiceRefusal refusal) {
            super("service: '" + refusal.service() + "' is not allowed for " + refusal.job() + "; it may use "
                    + (refusal.allowed().isEmpty()
                            ? "no service (leave service empty for the job's own history)"
                            : refusal.allowed())
                    + ". An administrator allows services under Manage Jenkins » System » DeployOften » Service"
                    + " mappings");
        }
    }
}
