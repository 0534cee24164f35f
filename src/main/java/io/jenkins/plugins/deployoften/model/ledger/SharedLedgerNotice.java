package io.jenkins.plugins.deployoften.model.ledger;

import io.jenkins.plugins.deployoften.model.DeployRecord;
import java.nio.file.Path;

/**
 * What the shared ledger tells a build's log about the database, as values; the glue words it. Each kind is a
 * record, so a switch over a notice is checked by the compiler to word every kind.
 */
public sealed interface SharedLedgerNotice {
    /** Receives the notices of a shared ledger. */
    @FunctionalInterface
    interface Listener {
        /**
         * @param notice what happened
         * @param details the database's or the file system's own words, which can name a host, a port or a user:
         *     for the controller's log, never the build's; {@code null} when the notice says it all
         */
        void tell(SharedLedgerNotice notice, String details);
    }

    /**
     * The database is unavailable: the record is kept locally and spooled.
     *
     * @param record the record
     */
    record Spooled(DeployRecord record) implements SharedLedgerNotice {}

    /**
     * The database is unavailable and the spool cannot be written: the record is kept locally only.
     *
     * @param record the record
     * @param spoolError why the spool could not be written
     */
    record NotSpooled(DeployRecord record, String spoolError) implements SharedLedgerNotice {}

    /**
     * The database refused a record for its content: it is kept in the dead-letter file and the job's ledger.
     *
     * @param service the service whose ledger refused it
     * @param record the record
     * @param deadLetterFile where it is kept for a person
     * @param sentOn whether the spooled records after it were sent on (a replay of the spool)
     */
    record Refused(String service, DeployRecord record, Path deadLetterFile, boolean sentOn)
            implements SharedLedgerNotice {}

    /**
     * The database refused a record and the dead-letter file cannot be written: it is in the job's ledger only.
     *
     * @param service the service whose ledger refused it
     * @param record the record
     * @param spoolError why the dead-letter file could not be written
     */
    record RefusedKeptLocally(String service, DeployRecord record, String spoolError) implements SharedLedgerNotice {}

    /**
     * Lines of the spool nobody can read were moved to the dead-letter file.
     *
     * @param lines how many
     * @param deadLetterFile where they are
     */
    record UnreadableMoved(int lines, Path deadLetterFile) implements SharedLedgerNotice {}

    /** The shared history could not be compacted; the job's ledger was. */
    record NotCompacted() implements SharedLedgerNotice {}

    /**
     * Records of the job folder that had not reached the database were sent to it.
     *
     * @param records how many
     */
    record Reconciled(int records) implements SharedLedgerNotice {}
}
