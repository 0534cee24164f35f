package io.jenkins.plugins.deployoften.model;

import io.jenkins.plugins.deployoften.model.ledger.FileDeployLedger;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Predicate;

/**
 * The deploy history of one job: append-only, durable, tolerant on read. The default store is
 * {@link FileDeployLedger}, one file in the job's directory; other stores (a database shared by several
 * controllers) implement the same contract.
 */
public interface DeployLedger {
    /**
     * Appends a record. When this returns, the record is durable: it survives a crash of the process or
     * the machine. Safe to call from several threads and processes at once; each record is written whole
     * or not at all.
     *
     * @param record the record to keep
     * @throws IOException when the record could not be stored; then it is not stored
     */
    void append(DeployRecord record) throws IOException;

    /**
     * Reads the records started at or after {@code from}, oldest appended first: exactly the records {@link
     * #readAll()} returns that started at or after {@code from}, in its order, however far out of start order
     * they were appended (a controller clock stepped back, a spool replayed late). Never relies on the time a
     * record was appended or recorded. Costs O(records appended since {@code from}) when records are appended in
     * start order; stores may read more when they were not (the file ledger reads back as far as the largest
     * step back in start time needs). Unreadable lines met are skipped and counted, never thrown.
     *
     * @param from the start of the window, inclusive
     * @return the records and the number of unreadable lines met
     * @throws IOException when the store cannot be read at all
     */
    LedgerRead readSince(Instant from) throws IOException;

    /**
     * Reads the whole history, oldest appended first; unreadable lines are skipped and counted.
     *
     * @return the records and the number of unreadable lines
     * @throws IOException when the store cannot be read at all
     */
    LedgerRead readAll() throws IOException;

    /**
     * Finds the most recently appended record that matches, reading from the newest backwards and stopping
     * at the first match.
     *
     * @param matching what to look for
     * @return the newest matching record, if any
     * @throws IOException when the store cannot be read at all
     */
    Optional<DeployRecord> findLast(Predicate<DeployRecord> matching) throws IOException;

    /**
     * Finds the last successful deploy to an environment that shares an identity with a release candidate: the
     * same artifact fingerprint or commit (compared ignoring case) or build number. The match is reported by the
     * first identity, in {@link SuccessfulDeploy.MatchedBy} order, that the deploy shares with the candidate.
     *
     * <p>This default scans with {@link #findLast}, so "last" is the most recently <em>appended</em> match and a
     * never-deployed candidate costs O(history). Stores may answer from an index instead ({@link
     * FileDeployLedger} does, from its summary); "last" then is the match that <em>started</em> last (ties: the
     * greater build number). Whether a match exists never depends on the store; which match is reported (its
     * build number and identity) can differ when deploys were appended out of start order.
     *
     * @param environment the environment deployed to
     * @param artifactFingerprint the candidate's artifact fingerprint, if any
     * @param commit the candidate's commit, if any
     * @param buildNumber the candidate's build number, if any
     * @return the matching successful deploy, if any; empty when the candidate has no identity
     * @throws IOException when the store cannot be read at all
     */
    default Optional<SuccessfulDeploy> lastSuccessOfCandidate(
            EnvironmentName environment,
            Optional<String> artifactFingerprint,
            Optional<String> commit,
            OptionalInt buildNumber)
            throws IOException {
        if (artifactFingerprint.isEmpty() && commit.isEmpty() && buildNumber.isEmpty()) {
            return Optional.empty();
        }
        return findLast(r -> r.getOutcome() == DeployOutcome.SUCCESS
                        && r.getEnvironment().equals(environment)
                        && SuccessfulDeploy.matchedBy(r, artifactFingerprint, commit, buildNumber)
                                .isPresent())
                .map(r -> new SuccessfulDeploy(
                        SuccessfulDeploy.matchedBy(r, artifactFingerprint, commit, buildNumber)
                                .orElseThrow(),
                        r.getBuildNumber(),
                        r.getStartedAt()));
    }

    /**
     * Reads a page of the newest records, newest first, from the end of the history backwards: costs
     * O(skip + limit). Unreadable lines are skipped without counting towards the page.
     *
     * @param skip how many of the newest records to pass over, at least 0
     * @param limit the most records to return, 1 to 1000
     * @return the page, newest first
     * @throws IOException when the store cannot be read at all
     * @throws IllegalArgumentException naming {@code skip} or {@code limit} when out of range
     */
    List<DeployRecord> readRecent(int skip, int limit) throws IOException;

    /**
     * A text that changes whenever the history changes, so callers can cache what they computed from it.
     *
     * @return the store's version
     * @throws IOException when the store cannot be looked at
     */
    String version() throws IOException;

    /** Checks the arguments of {@link #readRecent(int, int)}. */
    static void checkPage(int skip, int limit) {
        if (skip < 0) {
            throw new IllegalArgumentException("skip: must be 0 or more, was " + skip);
        }
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit: must be 1 to 1000, was " + limit);
        }
    }

    /**
     * Drops the records that started before {@code horizon}, atomically: afterwards the store holds either
     * the old history or the compacted one, never a mix, and no record at or after the horizon is lost.
     *
     * @param horizon records started before this are dropped
     * @return how many records were kept and dropped
     * @throws IOException when compaction failed; then the old history is unchanged
     */
    Compaction compact(Instant horizon) throws IOException;

    /** What a compaction did. */
    final class Compaction {
        private final int kept;
        private final int dropped;
        private final int quarantinedLines;

        public Compaction(int kept, int dropped, int quarantinedLines) {
            this.kept = kept;
            this.dropped = dropped;
            this.quarantinedLines = quarantinedLines;
        }

        /** @return records kept because they are inside the horizon */
        public int getKept() {
            return kept;
        }

        /** @return records dropped because they are older than the horizon */
        public int getDropped() {
            return dropped;
        }

        /** @return unreadable lines moved aside (not deleted) so a person can inspect them */
        public int getQuarantinedLines() {
            return quarantinedLines;
        }
    }
}
