package io.jenkins.plugins.deployoften.model.ledger;

/**
 * A part of a ledger summary read on first use (its kept deploys, its candidate indexes) did not match what the
 * summary's head says: its file was replaced or damaged since the head was read. The summary is a cache: its
 * reader forgets it and answers from a summary read again or rebuilt from the ledger.
 */
public final class UnreadableSummaryPartException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    UnreadableSummaryPartException(String message, Throwable cause) {
        super(message, cause);
    }
}
