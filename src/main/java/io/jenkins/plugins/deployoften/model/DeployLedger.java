package io.jenkins.plugins.deployoften.model;

import io.jenkins.plugins.deployoften.model.ledger.FileDeployLedger;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The deploy history of one job: append-only, durable, tolerant on read. The default store is
 * {@link FileDeployLedger}, one file in the job's directory; other stores (a database shared by several
 * controllers) implement the same contract.
 */
public interface DeployLedger {
    /**
     * The order of deploys by <em>start</em> time, the one order every "last" and "newest" of {@link
     * #lastSuccessStartedBy} and {@link #lastCompletedStartedBy} follows (never append order, never the time a
     * store recorded a record). Ties: of two records with the same start, the one with the greater build number
     * is the later; records this calls equal (same start and build number) are ordered by append, the later
     * appended being the later. The same rule as the {@link FileDeployLedger} summary's.
     */
    Comparator<DeployRecord> START_ORDER =
            Comparator.comparing(DeployRecord::getStartedAt).thenComparingInt(DeployRecord::getBuildNumber);

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
        return lastSuccessOfCandidate(environment, artifactFingerprint, commit, buildNumber, TrustedSources.ALL);
    }

    /**
     * As {@link #lastSuccessOfCandidate(EnvironmentName, Optional, Optional, OptionalInt)}, among the deploys whose
     * records come from a trusted {@link DeploySource}: a match of another source is passed over as if it were not
     * recorded. This default scans with {@link #findLast}; stores answer from their index ({@link FileDeployLedger}
     * keeps it by source and identity, so this is a few look-ups whatever the sources).
     *
     * @param trusted the sources whose deploys count
     * @return the matching successful deploy of a trusted source, if any
     * @throws IOException when the store cannot be read at all
     */
    default Optional<SuccessfulDeploy> lastSuccessOfCandidate(
            EnvironmentName environment,
            Optional<String> artifactFingerprint,
            Optional<String> commit,
            OptionalInt buildNumber,
            TrustedSources trusted)
            throws IOException {
        if (artifactFingerprint.isEmpty() && commit.isEmpty() && buildNumber.isEmpty()) {
            return Optional.empty();
        }
        return findLast(r -> r.getOutcome() == DeployOutcome.SUCCESS
                        && r.getEnvironment().equals(environment)
                        && trusted.trusts(r)
                        && SuccessfulDeploy.matchedBy(r, artifactFingerprint, commit, buildNumber)
                                .isPresent())
                .map(r -> SuccessfulDeploy.of(
                        r,
                        SuccessfulDeploy.matchedBy(r, artifactFingerprint, commit, buildNumber)
                                .orElseThrow()));
    }

    /**
     * Finds the successful deploy to an environment that <em>started</em> last among those started at or before
     * {@code now}, in {@link #START_ORDER} (ties: the greater build number, then the later appended). Deploys
     * appended out of start order (a long deploy ending after a short one started later, a spool replayed, a
     * clock stepped back) never change which one this is.
     *
     * <p>This default scans the whole history: O(history). Stores may answer from an index ({@link
     * FileDeployLedger} does, from its summary) but must give the same record.
     *
     * @param environment the environment deployed to
     * @param now deploys started after this are ignored
     * @return the successful deploy that started last, if any
     * @throws IOException when the store cannot be read at all
     */
    default Optional<DeployRecord> lastSuccessStartedBy(EnvironmentName environment, Instant now) throws IOException {
        List<DeployRecord> newestFirst = byStartNewestFirst(
                r -> r.getOutcome() == DeployOutcome.SUCCESS
                        && r.getEnvironment().equals(environment)
                        && !r.getStartedAt().isAfter(now),
                1);
        return newestFirst.isEmpty() ? Optional.empty() : Optional.of(newestFirst.get(0));
    }

    /**
     * Lists the newest completed (SUCCESS or FAILURE) deploys to an environment by <em>start</em> time, among
     * those started at or before {@code now}: at most {@code count}, the one that started last first, in {@link
     * #START_ORDER} (ties: the greater build number, then the later appended, comes first).
     *
     * <p>This default scans the whole history: O(history). Stores may answer from an index ({@link
     * FileDeployLedger} does, from its summary, for a {@code count} up to what the summary keeps) but must give
     * the same records in the same order.
     *
     * @param environment the environment deployed to
     * @param now deploys started after this are ignored
     * @param count the most deploys to return, at least 0
     * @return the newest completed deploys, newest first
     * @throws IOException when the store cannot be read at all
     * @throws IllegalArgumentException naming {@code count} when it is negative
     */
    default List<DeployRecord> lastCompletedStartedBy(EnvironmentName environment, Instant now, int count)
            throws IOException {
        checkCount(count);
        return byStartNewestFirst(
                r -> r.getOutcome().isCompleted()
                        && r.getEnvironment().equals(environment)
                        && !r.getStartedAt().isAfter(now),
                count);
    }

    /**
     * Finds the deploy to an environment that ran (SUCCESS, FAILURE or ABORTED, not SKIPPED) and <em>started</em>
     * last among those started at or before {@code now}, in {@link #START_ORDER}.
     *
     * <p>This default scans the whole history: O(history). Stores may answer from an index but must give the same
     * record.
     *
     * @param environment the environment deployed to
     * @param now deploys started after this are ignored
     * @return the deploy that ran and started last, if any
     * @throws IOException when the store cannot be read at all
     */
    default Optional<DeployRecord> lastAttemptStartedBy(EnvironmentName environment, Instant now) throws IOException {
        return byStartNewestFirst(
                        r -> r.getOutcome() != DeployOutcome.SKIPPED
                                && r.getEnvironment().equals(environment)
                                && !r.getStartedAt().isAfter(now),
                        1)
                .stream()
                .findFirst();
    }

    /**
     * Finds the record of an environment, of any outcome, that started first, in {@link #START_ORDER} (ties: the
     * lower build number, then the earlier appended): whether the environment has a history, and since when.
     *
     * <p>This default scans the whole history: O(history). Stores may answer from an index but must give the same
     * record.
     *
     * @param environment the environment
     * @return its first record by start, empty when it has none
     * @throws IOException when the store cannot be read at all
     */
    default Optional<DeployRecord> firstStarted(EnvironmentName environment) throws IOException {
        DeployRecord[] first = {null};
        findLast(r -> {
            // newest appended first, so of records called equal the earlier appended is met last and kept
            if (r.getEnvironment().equals(environment) && (first[0] == null || START_ORDER.compare(r, first[0]) <= 0)) {
                first[0] = r;
            }
            return false;
        });
        return Optional.ofNullable(first[0]);
    }

    /**
     * Lists the environments with at least one record, in name order.
     *
     * <p>This default reads the whole history: O(history). Stores may answer from an index but must give the same
     * names.
     *
     * @return the environments recorded
     * @throws IOException when the store cannot be read at all
     */
    default SortedSet<EnvironmentName> environments() throws IOException {
        SortedSet<EnvironmentName> names = new TreeSet<>();
        findLast(r -> {
            names.add(r.getEnvironment());
            return false;
        });
        return Collections.unmodifiableSortedSet(names);
    }

    /**
     * Scans the whole history with {@link #findLast} for the records that match and returns the newest {@code
     * count} of them in {@link #START_ORDER}, newest first.
     */
    private List<DeployRecord> byStartNewestFirst(Predicate<DeployRecord> matching, int count) throws IOException {
        if (count == 0) {
            return List.of();
        }
        List<DeployRecord> newestAppendedFirst = new ArrayList<>();
        findLast(r -> {
            if (matching.test(r)) {
                newestAppendedFirst.add(r);
            }
            return false;
        });
        return newestFirst(newestAppendedFirst.reversed(), count);
    }

    /**
     * @param appendOrder records, oldest appended first
     * @param count the most records to return
     * @return the newest {@code count} records in {@link #START_ORDER}, newest first (of records it calls equal,
     *     the later appended first)
     */
    static List<DeployRecord> newestFirst(List<DeployRecord> appendOrder, int count) {
        List<DeployRecord> sorted = new ArrayList<>(appendOrder);
        sorted.sort(START_ORDER); // stable: records called equal stay in append order
        Collections.reverse(sorted);
        return List.copyOf(sorted.subList(0, Math.min(count, sorted.size())));
    }

    /** Checks the argument of {@link #lastCompletedStartedBy}. */
    static void checkCount(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count: must be 0 or more, was " + count);
        }
    }

    /**
     * What the store has folded from an environment's records, so {@link DeployStatistics} can answer without
     * reading them ({@link DeployDigest}). This default has none: the statistics read the records. A store that
     * keeps a summary ({@link FileDeployLedger}) answers it when the summary is current with the store.
     *
     * @param environment the environment
     * @return the digest of the environment's records (a digest without records when it has none); empty when the
     *     store keeps no digest or cannot have it now
     * @throws IOException when the store cannot be read at all
     */
    default Optional<DeployDigest> digest(EnvironmentName environment) throws IOException {
        return Optional.empty();
    }

    /**
     * The ledger for a series of reads that may all answer from one state of it, such as the Deploy health of a
     * job: a store that checks its summary against the ledger on every read checks it once here, and the view
     * answers from that summary ({@link FileDeployLedger}). Records the view reads are still read as they are
     * now, but what it answers from the summary leaves out records appended after the view was made: so it is
     * meant for the reads of one computation, then dropped. This default is the ledger itself.
     *
     * @return the view
     * @throws IOException when the store cannot be read at all
     */
    default DeployLedger pinned() throws IOException {
        return this;
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
