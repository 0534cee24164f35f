package io.jenkins.plugins.deployoften.model.ledger;

import io.jenkins.plugins.deployoften.model.DeployRecord;
import java.io.IOException;

/**
 * The shared database answered and refused a record for its content (a value it cannot hold, a constraint it
 * breaks), so sending it again would fail again; unlike an unavailable database, which a later attempt may
 * find back.
 */
public final class RefusedRecordException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String service;
    private final transient DeployRecord record;

    /**
     * @param service the service whose shared ledger refused the record
     * @param record what was refused
     * @param reason the database's words, which may name its host, user or values (for the controller log)
     * @param cause the database's error
     */
    public RefusedRecordException(String service, DeployRecord record, String reason, Throwable cause) {
        super("the shared deploy ledger of '" + service + "' refused " + record + ": " + reason, cause);
        this.service = service;
        this.record = record;
    }

    /** @return the service whose shared ledger refused the record */
    public String getService() {
        return service;
    }

    /** @return what was refused; the glue words it without the database's words, for build logs */
    public DeployRecord getRecord() {
        return record;
    }
}
