package io.jenkins.plugins.deployoften.model.ledger;

import java.io.IOException;

/**
 * The shared database answered and refused a record for its content (a value it cannot hold, a constraint it
 * breaks), so sending it again would fail again; unlike an unavailable database, which a later attempt may
 * find back.
 */
public final class RefusedRecordException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what was refused and why
     * @param cause the database's error
     */
    public RefusedRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
