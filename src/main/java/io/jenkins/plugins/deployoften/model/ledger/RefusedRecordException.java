package io.jenkins.plugins.deployoften.model.ledger;

import java.io.IOException;

/**
 * The shared database answered and refused a record for its content (a value it cannot hold, a constraint it
 * breaks), so sending it again would fail again; unlike an unavailable database, which a later attempt may
 * find back.
 */
public final class RefusedRecordException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String refused;

    /**
     * @param refused what was refused, without the database's words (for build logs)
     * @param reason the database's words, which may name its host, user or values (for the controller log)
     * @param cause the database's error
     */
    public RefusedRecordException(String refused, String reason, Throwable cause) {
        super(refused + ": " + reason, cause);
        this.refused = refused;
    }

    /** @return what was refused, without the database's words */
    public String getRefused() {
        return refused;
    }
}
