package io.jenkins.plugins.deployoften.model.ledger;

import io.jenkins.plugins.deployoften.model.DailyCounts;
import io.jenkins.plugins.deployoften.model.DailySketches;
import io.jenkins.plugins.deployoften.model.DeployCounts;
import io.jenkins.plugins.deployoften.model.DeployDigest;
import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.DeploySource;
import io.jenkins.plugins.deployoften.model.DeployStatistics;
import io.jenkins.plugins.deployoften.model.DurationSketch;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import io.jenkins.plugins.deployoften.model.SuccessfulDeploy;
import io.jenkins.plugins.deployoften.model.TrustedSources;
import java.io.IOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the reads of one ledger need, folded from its records: per environment the first and last record, the
 * last successful deploy, the last deploy that ran (not SKIPPED), the newest {@value #COMPLETED_KEPT} completed deploys, the current streak with its real
 * length ({@link Streak}), per-day {@link DeployCounts counts} by outcome with {@link DurationSketch sketches} of
 * the completed deploys' durations and of the lead times and the day's {@link
 * io.jenkins.plugins.deployoften.model.BuildNumbers build numbers}, the recovery times per day of the failures
 * ({@link Environment#getRecoveries()}), and an index from candidate identity (commit, artifact fingerprint, build
 * number) to the environment's last successful deploy with it, and the same index by {@link DeploySource source}
 * and identity (for a gate that trusts only some sources). The statistics read it through {@link
 * #digest(EnvironmentName)}. It also says which ledger state it reflects ({@link Position}): it is a cache of the
 * ledger, never a second source of truth, and is rebuilt from the ledger whenever it does not match it.
 * Immutable; fold records with {@link #builder()} or {@link #toBuilder()}.
 *
 * <p><b>Order.</b> Everything "first", "last" or "newest" is by <em>start time</em> ({@link
 * DeployRecord#getStartedAt()}), never by append order or by the time the ledger recorded the line. Ties: of
 * two records with the same start, the one with the greater build number is the later; of two with the same
 * start and the same build number, the one appended later is the later. Only that last rule depends on append
 * order, so folding the same records in any order gives an equal summary unless two records of one environment
 * share start and build number (then the later appended counts as later, as the ledger's order says).
 *
 * <p><b>Append order.</b> Some values are facts of the append order, not of the records: the {@link
 * #getLatestStart() latest start} folded so far and the {@link #getDisorder() disorder} (how far back in start
 * time any record went below the latest start appended before it), and per environment whether the streak's
 * length is known ({@link Streak#exact()}) and which failures' recovery times are ({@link
 * Environment#getRecoveriesInexactThrough()}, with the recovery times and pending failures that go with it): a
 * record folded in start order keeps them exact, one folded out of start order may not. Like the {@link Position},
 * they depend on the order the records were folded in, so they are left out of {@link #equals(Object)} and {@link
 * #hashCode()}, which stay independent of the fold order as above; the summary file keeps them ({@link
 * LedgerSummaryFormat}), and where a value is exact it is the same for every fold order. {@link
 * FileDeployLedger#readSince} uses the disorder to know where a backwards scan may stop.
 *
 * <p><b>Completed</b> deploys are SUCCESS and FAILURE ({@link DeployOutcome#isCompleted()}), the ones the HEALTHY
 * rule and the statistics' streak count; ABORTED and SKIPPED are counted per day only.
 *
 * <p><b>Days</b> are UTC calendar days of the start time; ISO weeks (Monday 00:00 UTC) are unions of seven of
 * them ({@link Environment#week(LocalDate)}). Every day with a record is kept, however old: the ledger's retention
 * (at most 3,650 days, the longest gate window too) bounds them, and compaction rebuilds the summary.
 *
 * <p><b>Cost.</b> Folding one record costs O(log days + {@value #COMPLETED_KEPT} + the day's build-number runs), and a
 * successful deploy folded in start order O(failures pending, at most {@value #PENDING_KEPT}) more; the summary's
 * size is O(environments × ({@value #COMPLETED_KEPT} + {@value #PENDING_KEPT} + days × buckets) + distinct
 * identities deployed successfully).
 */
public final class LedgerSummary {
    /**
     * How many completed deploys per environment are kept: the largest "last K deploys" the HEALTHY rule allows
     * ({@code GatePolicy.MAX_LAST_DEPLOYS}, checked by a test in the gate package).
     */
    public static final int COMPLETED_KEPT = 100;

    /**
     * How many failures in a row per environment are kept waiting for the successful deploy that recovers them;
     * the recovery time of an older one is not known ({@link Environment#getRecoveriesInexactThrough()}).
     */
    public static final int PENDING_KEPT = 1000;

    /**
     * The order of records by start time, then build number. Records it calls equal are ordered by append: the
     * later appended is the later.
     */
    public static final Comparator<DeployRecord> START_ORDER =
            Comparator.comparing(DeployRecord::getStartedAt).thenComparingInt(DeployRecord::getBuildNumber);

    private static final LedgerSummary EMPTY =
            new LedgerSummary(Position.EMPTY, 0, 0, null, Duration.ZERO, new TreeMap<>());

    private final Position position;
    private final long records;
    private final long skippedLines;
    private final Instant latestStart;
    private final Duration disorder;
    private final SortedMap<EnvironmentName, Environment> environments;

    private LedgerSummary(
            Position position,
            long records,
            long skippedLines,
            Instant latestStart,
            Duration disorder,
            SortedMap<EnvironmentName, Environment> environments) {
        this.position = Objects.requireNonNull(position, "position");
        this.records = records;
        this.skippedLines = skippedLines;
        if ((latestStart == null) != (records == 0)) {
            throw new IllegalArgumentException("latestStart: present exactly when a record was folded");
        }
        Objects.requireNonNull(disorder, "disorder");
        if (disorder.isNegative() || (records == 0 && !disorder.isZero())) {
            throw new IllegalArgumentException("disorder: must be 0 or more, and 0 without records, was " + disorder);
        }
        this.latestStart = latestStart;
        this.disorder = disorder;
        this.environments = Collections.unmodifiableSortedMap(environments);
    }

    /** @return the summary of an empty ledger */
    public static LedgerSummary empty() {
        return EMPTY;
    }

    /** @return a builder of an empty summary */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this summary, to fold more records into */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Rebuilds the summary of a ledger file with one forward scan (see {@link LedgerSummaryFile#rebuild()}).
     *
     * @param lines the ledger's file
     * @return the summary of the ledger as it was when the scan began
     * @throws IOException when the ledger cannot be read
     */
    public static LedgerSummary rebuild(JsonLinesFile lines) throws IOException {
        return LedgerSummaryFile.scan(lines.getFile());
    }

    /** @return the ledger state this summary reflects */
    public Position getPosition() {
        return position;
    }

    /** @return a copy reflecting another ledger state */
    public LedgerSummary withPosition(Position other) {
        return new LedgerSummary(other, records, skippedLines, latestStart, disorder, new TreeMap<>(environments));
    }

    /** @return how many records were folded */
    public long getRecords() {
        return records;
    }

    /** @return how many unreadable ledger lines were met */
    public long getSkippedLines() {
        return skippedLines;
    }

    /**
     * @return the latest start of the records folded, in fold (append) order the running maximum at the last
     *     record; empty when no record was folded
     */
    public Optional<Instant> getLatestStart() {
        return Optional.ofNullable(latestStart);
    }

    /**
     * The out-of-orderness of the starts in fold (append) order: the largest amount by which a record started
     * before the latest start of the records folded before it, zero when every record started no earlier than all
     * before it. So every record folded started no earlier than {@code (latest start before it) - disorder}, and
     * once a backwards scan meets a record that started before {@code from - disorder}, every record at or before
     * it started before {@code from}. Never depends on when the ledger recorded a line. Not in {@link #equals}.
     *
     * @return the disorder, zero or more
     */
    public Duration getDisorder() {
        return disorder;
    }

    /** @return every environment with a record, by name */
    public SortedMap<EnvironmentName, Environment> getEnvironments() {
        return environments;
    }

    /** @return the environment's summary, empty when it has no record */
    public Optional<Environment> environment(EnvironmentName name) {
        return Optional.ofNullable(environments.get(name));
    }

    /**
     * What the statistics need of one environment, as the {@link io.jenkins.plugins.deployoften.model.DeployLedger
     * DeployLedger} port gives it; O(1), nothing is copied.
     *
     * @param name the environment
     * @return its digest, one without records when the environment has none
     */
    public DeployDigest digest(EnvironmentName name) {
        Environment environment = environments.get(name);
        if (environment == null) {
            return DeployDigest.none(skippedLines);
        }
        Streak streak = environment.streak;
        return DeployDigest.of(
                skippedLines,
                environment.first,
                environment.last,
                environment.getLastSuccess(),
                environment.days,
                environment.recoveries,
                environment.getRecoveriesInexactThrough(),
                streak.outcome(),
                streak.length(),
                streak.exact());
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof LedgerSummary)) {
            return false;
        }
        LedgerSummary other = (LedgerSummary) o;
        return records == other.records
                && skippedLines == other.skippedLines
                && position.equals(other.position)
                && environments.equals(other.environments);
    }

    @Override
    public int hashCode() {
        return Objects.hash(position, records, skippedLines, environments);
    }

    @Override
    public String toString() {
        return "summary of " + records + " records (" + skippedLines + " unreadable lines) at " + position + ": "
                + environments.keySet();
    }

    /**
     * The ledger state a summary reflects: the ledger's length in bytes and a hash of its last non-blank line.
     *
     * @param length the ledger's size in bytes
     * @param lastLineHash the first 16 bytes of the SHA-256 of the last non-blank line (without its newline), in
     *     lower-case hex; empty when the ledger has no such line
     */
    public record Position(long length, String lastLineHash) {
        /** The position of a missing or empty ledger. */
        public static final Position EMPTY = new Position(0, "");

        public Position {
            if (length < 0) {
                throw new IllegalArgumentException("length: must be 0 or more, was " + length);
            }
            Objects.requireNonNull(lastLineHash, "lastLineHash");
        }
    }

    /**
     * A successful deploy found by identity: when it started and the build that made it.
     *
     * @param startedAt the deploy's start
     * @param buildNumber its build
     */
    public record Ref(Instant startedAt, int buildNumber) implements Comparable<Ref> {
        public Ref {
            Objects.requireNonNull(startedAt, "startedAt");
        }

        static Ref of(DeployRecord record) {
            return new Ref(record.getStartedAt(), record.getBuildNumber());
        }

        @Override
        public int compareTo(Ref other) {
            int byStart = startedAt.compareTo(other.startedAt);
            return byStart != 0 ? byStart : Integer.compare(buildNumber, other.buildNumber);
        }
    }

    /**
     * The current run of completed deploys by start, newest first: its outcome, its real length (however long),
     * and the breaker, the newest completed deploy by start with the other outcome, where the run ends. Folding a
     * record in start order keeps it exact in O(1). A record folded out of start order inside the run with the
     * other outcome becomes the breaker, and the length is counted from the {@value #COMPLETED_KEPT} completed
     * deploys kept when the breaker is among them; when it is older than all of them, the length is not known
     * ({@code exact} false) until the next change of outcome in start order. Which runs are exact depends on the
     * fold order, so the streak is not part of {@link Environment#equals(Object)}.
     *
     * @param outcome SUCCESS or FAILURE, empty when no deploy completed
     * @param length the run's length when {@code exact}, at least 1; 0 when not exact or no deploy completed
     * @param exact whether the length is known
     * @param breaker the newest completed deploy by start with the other outcome, empty when the run is every
     *     completed deploy
     */
    public record Streak(Optional<DeployOutcome> outcome, int length, boolean exact, Optional<Ref> breaker) {
        /** No completed deploy. */
        public static final Streak NONE = new Streak(Optional.empty(), 0, true, Optional.empty());

        public Streak {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(breaker, "breaker");
            if (outcome.isEmpty()
                    ? length != 0 || !exact || breaker.isPresent()
                    : !outcome.get().isCompleted() || (exact ? length < 1 : length != 0)) {
                throw new IllegalArgumentException(
                        "streak: " + length + " x " + outcome + (exact ? "" : ", not exact") + ", breaker " + breaker);
            }
        }
    }

    /**
     * A failure not followed (in start order, as far as folded in start order) by a successful deploy yet: its
     * recovery time is known once one is folded.
     *
     * @param startedAt the failure's start
     * @param endedAt its end
     */
    public record Pending(Instant startedAt, Instant endedAt) {
        public Pending {
            Objects.requireNonNull(startedAt, "startedAt");
            Objects.requireNonNull(endedAt, "endedAt");
            if (endedAt.isBefore(startedAt)) {
                throw new IllegalArgumentException("endedAt: before startedAt");
            }
        }
    }

    /** What the summary holds about one environment. Immutable. */
    public static final class Environment {
        private final EnvironmentName name;
        private final long records;
        private final DeployRecord first;
        private final DeployRecord last;
        private final DeployRecord lastSuccess;
        private final DeployRecord lastAttempt;
        private final List<DeployRecord> completed;
        private final Streak streak;
        private final DailyCounts days;
        private final DailySketches recoveries;
        private final List<Pending> pending;
        private final Instant recoveriesInexactThrough;
        private final RefIndex<String> commits;
        private final RefIndex<String> fingerprints;
        private final RefIndex<Integer> builds;
        private final RefIndex<String> sourced;

        Environment(
                EnvironmentName name,
                long records,
                DeployRecord first,
                DeployRecord last,
                DeployRecord lastSuccess,
                DeployRecord lastAttempt,
                List<DeployRecord> completed,
                Streak streak,
                SortedMap<LocalDate, DeployCounts> days,
                SortedMap<LocalDate, DurationSketch> recoveries,
                List<Pending> pending,
                Instant recoveriesInexactThrough,
                RefIndex<String> commits,
                RefIndex<String> fingerprints,
                RefIndex<Integer> builds,
                RefIndex<String> sourced) {
            this.name = Objects.requireNonNull(name, "name");
            if (records < 1 || first == null || last == null) {
                throw new IllegalArgumentException("an environment has at least one record");
            }
            if (lastAttempt != null && lastAttempt.getOutcome() == DeployOutcome.SKIPPED) {
                throw new IllegalArgumentException("lastAttempt: a deploy that ran, was SKIPPED");
            }
            if (completed.size() > COMPLETED_KEPT) {
                throw new IllegalArgumentException("completed: at most " + COMPLETED_KEPT);
            }
            if (completed.isEmpty() != streak.outcome().isEmpty()) {
                throw new IllegalArgumentException("streak: " + streak + " for " + completed.size() + " completed");
            }
            if (pending.size() > PENDING_KEPT) {
                throw new IllegalArgumentException("pending: at most " + PENDING_KEPT);
            }
            DailyCounts packedDays = DailyCounts.of(days);
            DailySketches packedRecoveries = DailySketches.of(recoveries);
            long total = packedDays.records();
            if (total != records) {
                throw new IllegalArgumentException("days: " + total + " records for " + records);
            }
            for (int i = 0; i < packedRecoveries.size(); i++) {
                LocalDate day = packedRecoveries.dayAt(i);
                long recovered = packedRecoveries.countAt(i);
                if (recovered == 0 || recovered > packedDays.failedOn(day).orElse(0)) {
                    throw new IllegalArgumentException("recoveries: " + recovered + " on " + day);
                }
            }
            for (Pending failure : pending) {
                if (packedDays.failedOn(dayOf(failure.startedAt())).orElse(0) == 0) {
                    throw new IllegalArgumentException("pending: no failure on " + dayOf(failure.startedAt()));
                }
            }
            this.records = records;
            this.first = first;
            this.last = last;
            this.lastSuccess = lastSuccess;
            this.lastAttempt = lastAttempt;
            this.completed = completed instanceof LazyList ? completed : List.copyOf(completed);
            this.streak = streak;
            this.days = packedDays;
            this.recoveries = packedRecoveries;
            this.pending = List.copyOf(pending);
            this.recoveriesInexactThrough = recoveriesInexactThrough;
            this.commits = Objects.requireNonNull(commits, "commits");
            this.fingerprints = Objects.requireNonNull(fingerprints, "fingerprints");
            this.builds = Objects.requireNonNull(builds, "builds");
            this.sourced = Objects.requireNonNull(sourced, "sourced");
        }

        public EnvironmentName getName() {
            return name;
        }

        /** @return how many records of this environment were folded */
        public long getRecords() {
            return records;
        }

        /** @return the record that started first (ties: see {@link LedgerSummary}) */
        public DeployRecord getFirst() {
            return first;
        }

        /** @return the record that started last (ties: see {@link LedgerSummary}) */
        public DeployRecord getLast() {
            return last;
        }

        /** @return the successful deploy that started last, if any */
        public Optional<DeployRecord> getLastSuccess() {
            return Optional.ofNullable(lastSuccess);
        }

        /** @return the deploy that ran (not SKIPPED) and started last, if any */
        public Optional<DeployRecord> getLastAttempt() {
            return Optional.ofNullable(lastAttempt);
        }

        /** @return the newest completed deploys by start time, oldest first, at most {@value #COMPLETED_KEPT} */
        public List<DeployRecord> getLastCompleted() {
            return completed;
        }

        /** @return the current run of completed deploys by start, see {@link Streak}; not in {@link #equals} */
        public Streak getStreak() {
            return streak;
        }

        /** @return the counts of every UTC day with a record, oldest first */
        public DailyCounts getDays() {
            return days;
        }

        /**
         * The recovery times, per UTC start day of the failure: for each failure folded, the time from its end to
         * the end of the next successful deploy by start (0 when negative), once one was folded. Exact for the
         * failures that started after {@link #getRecoveriesInexactThrough()}. Not in {@link #equals}.
         *
         * @return per day with a recovered failure, the sketch of their recovery times
         */
        public DailySketches getRecoveries() {
            return recoveries;
        }

        /**
         * @return the failures since the newest successful deploy folded in start order, oldest first, at most
         *     {@value #PENDING_KEPT}; not in {@link #equals}
         */
        public List<Pending> getPendingFailures() {
            return pending;
        }

        /**
         * The latest start of a failure whose recovery time {@link #getRecoveries()} may hold wrongly: a completed
         * deploy folded out of start order may have come between a failure and the success it was paired with (or
         * be a failure whose next success was folded before it), and a failure dropped from the {@value
         * #PENDING_KEPT} pending ones is never paired. Every such failure started no later than this. Not in
         * {@link #equals}.
         *
         * @return that start, or empty when every recovery time is exact
         */
        public Optional<Instant> getRecoveriesInexactThrough() {
            return Optional.ofNullable(recoveriesInexactThrough);
        }

        /**
         * @param from the first day, inclusive
         * @param to the last day, inclusive
         * @return the counts of the records started on those UTC days
         */
        public DeployCounts between(LocalDate from, LocalDate to) {
            if (to.isBefore(from)) {
                return DeployCounts.NONE;
            }
            DeployCounts.Tally sum = new DeployCounts.Tally();
            for (DeployCounts day : days.subMap(from, to.plusDays(1)).values()) {
                sum.add(day);
            }
            return sum.toCounts();
        }

        /**
         * @param monday the Monday an ISO week starts on (UTC)
         * @return the counts of the records started in that week
         * @throws IllegalArgumentException when the day is not a Monday
         */
        public DeployCounts week(LocalDate monday) {
            if (monday.getDayOfWeek() != DayOfWeek.MONDAY) {
                throw new IllegalArgumentException("monday: must be a Monday, was " + monday);
            }
            return between(monday, monday.plusDays(6));
        }

        /**
         * @param commit a commit, compared ignoring case as {@code CandidateIdentity} compares it
         * @return the successful deploy with this commit that started last
         */
        public Optional<Ref> lastSuccessWithCommit(String commit) {
            return Optional.ofNullable(commits.get(identityKey(commit)));
        }

        /**
         * @param fingerprint an artifact fingerprint, compared ignoring case
         * @return the successful deploy with this fingerprint that started last
         */
        public Optional<Ref> lastSuccessWithArtifactFingerprint(String fingerprint) {
            return Optional.ofNullable(fingerprints.get(identityKey(fingerprint)));
        }

        /**
         * @param buildNumber a build number
         * @return the successful deploy of this build that started last
         */
        public Optional<Ref> lastSuccessOfBuild(int buildNumber) {
            return Optional.ofNullable(builds.get(buildNumber));
        }

        /**
         * The successful deploy that started last (ties: the greater build number) among those sharing an identity
         * with a candidate, reported by the first identity, fingerprint then commit then build, it was found by.
         *
         * @param artifactFingerprint the candidate's artifact fingerprint, if any
         * @param commit the candidate's commit, if any
         * @param buildNumber the candidate's build number, if any
         * @return the match, if any
         */
        public Optional<SuccessfulDeploy> lastSuccessOfCandidate(
                Optional<String> artifactFingerprint, Optional<String> commit, OptionalInt buildNumber) {
            return lastSuccessOfCandidate(artifactFingerprint, commit, buildNumber, TrustedSources.ALL);
        }

        /**
         * As {@link #lastSuccessOfCandidate(Optional, Optional, OptionalInt)} among the successful deploys of the
         * trusted sources, from the index by source and identity ({@link #getSourcedIndex()}): at most three
         * look-ups per trusted source. With every source trusted it finds the same deploy, by the same identity;
         * of deploys of two sources equal by start and build number, the source first in {@link DeploySource} order
         * is reported.
         *
         * @param artifactFingerprint the candidate's artifact fingerprint, if any
         * @param commit the candidate's commit, if any
         * @param buildNumber the candidate's build number, if any
         * @param trusted the sources whose deploys count
         * @return the match, with the source of its record, if any
         */
        public Optional<SuccessfulDeploy> lastSuccessOfCandidate(
                Optional<String> artifactFingerprint,
                Optional<String> commit,
                OptionalInt buildNumber,
                TrustedSources trusted) {
            List<Optional<String>> keys = List.of(
                    artifactFingerprint.map(LedgerSummary::identityKey),
                    commit.map(LedgerSummary::identityKey),
                    buildNumber.isPresent() ? Optional.of(Integer.toString(buildNumber.getAsInt())) : Optional.empty());
            SuccessfulDeploy.MatchedBy[] kinds = SuccessfulDeploy.MatchedBy.values();
            Ref best = null;
            SuccessfulDeploy.MatchedBy matchedBy = null;
            DeploySource bestSource = null;
            for (int i = 0; i < kinds.length; i++) {
                if (keys.get(i).isEmpty()) {
                    continue;
                }
                for (DeploySource source : trusted.sources()) {
                    Ref found =
                            sourced.get(sourcedKey(source, kinds[i], keys.get(i).get()));
                    // strictly later only: of equal deploys the first kind, then source, in order is reported
                    if (found != null && (best == null || found.compareTo(best) > 0)) {
                        best = found;
                        matchedBy = kinds[i];
                        bestSource = source;
                    }
                }
            }
            return best == null
                    ? Optional.empty()
                    : Optional.of(new SuccessfulDeploy(matchedBy, best.buildNumber(), best.startedAt(), bestSource));
        }

        /**
         * @return the index by source and identity: {@link #sourcedKey} to the last successful deploy of that source
         *     with that identity
         */
        public SortedMap<String, Ref> getSourcedIndex() {
            return sourced.asSortedMap();
        }

        /** @return the commit index: {@link #identityKey(String) key} to last successful deploy */
        public SortedMap<String, Ref> getCommitIndex() {
            return commits.asSortedMap();
        }

        /** @return the artifact fingerprint index: {@link #identityKey(String) key} to last successful deploy */
        public SortedMap<String, Ref> getArtifactFingerprintIndex() {
            return fingerprints.asSortedMap();
        }

        /** @return the build index: build number to last successful deploy */
        public SortedMap<Integer, Ref> getBuildIndex() {
            return builds.asSortedMap();
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Environment)) {
                return false;
            }
            Environment other = (Environment) o;
            return records == other.records
                    && name.equals(other.name)
                    && first.equals(other.first)
                    && last.equals(other.last)
                    && Objects.equals(lastSuccess, other.lastSuccess)
                    && Objects.equals(lastAttempt, other.lastAttempt)
                    && completed.equals(other.completed)
                    && days.equals(other.days)
                    && commits.equals(other.commits)
                    && fingerprints.equals(other.fingerprints)
                    && builds.equals(other.builds)
                    && sourced.equals(other.sourced);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, records, first, last, lastSuccess, lastAttempt, completed, days);
        }

        @Override
        public String toString() {
            return name + ": " + records + " records, " + days.size() + " days, last " + last;
        }
    }

    /**
     * The key a commit or fingerprint is indexed under: each code point upper-cased then lower-cased, so two texts
     * have the same key exactly when {@link String#equalsIgnoreCase(String)} calls them equal.
     *
     * @param identity a commit or fingerprint
     * @return its key
     */
    public static String identityKey(String identity) {
        StringBuilder key = new StringBuilder(identity.length());
        identity.codePoints().forEach(cp -> key.appendCodePoint(Character.toLowerCase(Character.toUpperCase(cp))));
        return key.toString();
    }

    /**
     * The key of the index by source and identity: the source's id, the kind's initial ({@code A}rtifact, {@code
     * C}ommit, {@code B}uild) and the {@link #identityKey(String) identity key} (a build number in decimal),
     * separated by spaces. An identity is one word, so no two keys collide.
     *
     * @param source the source of the deploy
     * @param kind the kind of identity
     * @param key the identity's key
     * @return the key
     */
    public static String sourcedKey(DeploySource source, SuccessfulDeploy.MatchedBy kind, String key) {
        return source.id() + " " + kind.name().charAt(0) + " " + key;
    }

    /** The fold of one environment. */
    private static final class EnvironmentFold {
        private final EnvironmentName name;
        private long records;
        private DeployRecord first;
        private DeployRecord last;
        private DeployRecord lastSuccess;
        private DeployRecord lastAttempt;
        private final ArrayList<DeployRecord> completed = new ArrayList<>(COMPLETED_KEPT + 1);
        /** The days as built; a day folded into since is also in {@link #changedDays}, which holds it whole. */
        private DailyCounts days = DailyCounts.none();

        private final HashMap<LocalDate, DeployCounts.Tally> changedDays = new HashMap<>();
        private DailySketches recoveries = DailySketches.none();
        private final HashMap<LocalDate, DurationSketch.Mutable> changedRecoveries = new HashMap<>();
        private final ArrayDeque<Pending> pending = new ArrayDeque<>();
        private Instant recoveriesInexactThrough;
        private DeployOutcome runOutcome;
        private int runLength;
        private boolean runExact = true;
        private Ref breaker;
        private final RefIndex.Builder<String> commits;
        private final RefIndex.Builder<String> fingerprints;
        private final RefIndex.Builder<Integer> builds;
        private final RefIndex.Builder<String> sourced;

        EnvironmentFold(EnvironmentName name) {
            this.name = name;
            this.commits = new RefIndex.Builder<>();
            this.fingerprints = new RefIndex.Builder<>();
            this.builds = new RefIndex.Builder<>();
            this.sourced = new RefIndex.Builder<>();
        }

        EnvironmentFold(Environment from) {
            this.name = from.name;
            this.records = from.records;
            this.first = from.first;
            this.last = from.last;
            this.lastSuccess = from.lastSuccess;
            this.lastAttempt = from.lastAttempt;
            this.completed.addAll(from.completed);
            days = from.days;
            recoveries = from.recoveries;
            pending.addAll(from.pending);
            recoveriesInexactThrough = from.recoveriesInexactThrough;
            runOutcome = from.streak.outcome().orElse(null);
            runLength = from.streak.length();
            runExact = from.streak.exact();
            breaker = from.streak.breaker().orElse(null);
            commits = from.commits.toBuilder();
            fingerprints = from.fingerprints.toBuilder();
            builds = from.builds.toBuilder();
            sourced = from.sourced.toBuilder();
        }

        /** Folds a record appended after every record folded so far. */
        void add(DeployRecord record) {
            records++;
            boolean olderThanAll = first == null || START_ORDER.compare(record, first) < 0;
            if (olderThanAll) {
                first = record;
            }
            if (last == null || START_ORDER.compare(record, last) >= 0) {
                last = record;
            }
            if (record.getOutcome() != DeployOutcome.SKIPPED
                    && (lastAttempt == null || START_ORDER.compare(record, lastAttempt) >= 0)) {
                lastAttempt = record;
            }
            if (record.getOutcome() == DeployOutcome.SUCCESS) {
                if (lastSuccess == null || START_ORDER.compare(record, lastSuccess) >= 0) {
                    lastSuccess = record;
                }
                Ref ref = Ref.of(record);
                record.getCommit().ifPresent(commit -> commits.add(identityKey(commit), ref));
                record.getArtifactFingerprint()
                        .ifPresent(fingerprint -> fingerprints.add(identityKey(fingerprint), ref));
                builds.add(record.getBuildNumber(), ref);
                indexBySource(record, ref);
            }
            if (record.getOutcome().isCompleted()) {
                int at = insertionPoint(record);
                boolean inOrder = at == completed.size();
                foldStreak(record, at, inOrder, olderThanAll);
                foldRecovery(record, inOrder);
                insertCompleted(record, at);
            }
            LocalDate day = dayOf(record.getStartedAt());
            changedDays
                    .computeIfAbsent(day, d -> {
                        DeployCounts built = days.get(d);
                        return built == null ? new DeployCounts.Tally() : new DeployCounts.Tally(built);
                    })
                    .add(record);
        }

        private void indexBySource(DeployRecord record, Ref ref) {
            DeploySource source = record.getSource();
            record.getArtifactFingerprint()
                    .ifPresent(f -> sourced.add(
                            sourcedKey(source, SuccessfulDeploy.MatchedBy.ARTIFACT_FINGERPRINT, identityKey(f)), ref));
            record.getCommit()
                    .ifPresent(c ->
                            sourced.add(sourcedKey(source, SuccessfulDeploy.MatchedBy.COMMIT, identityKey(c)), ref));
            sourced.add(
                    sourcedKey(source, SuccessfulDeploy.MatchedBy.BUILD, Integer.toString(record.getBuildNumber())),
                    ref);
        }

        /** @return where the record goes among the kept completed deploys: after every one not later than it */
        private int insertionPoint(DeployRecord record) {
            int at = completed.size();
            while (at > 0 && START_ORDER.compare(completed.get(at - 1), record) > 0) {
                at--;
            }
            return at;
        }

        /**
         * Keeps the current run ({@link Streak}) up to date: in start order in O(1); out of start order, a record
         * with the other outcome inside the run becomes its breaker and the run is what the kept completed deploys
         * newer than it hold, unless it is older than all of them (but when it is older than every record and the
         * run is every completed deploy, the run stays as it is).
         */
        private void foldStreak(DeployRecord record, int at, boolean inOrder, boolean olderThanAll) {
            DeployOutcome outcome = record.getOutcome();
            if (runOutcome == null) {
                runOutcome = outcome;
                runLength = 1;
                runExact = true;
            } else if (inOrder) {
                if (outcome == runOutcome) {
                    grow();
                } else {
                    breaker = Ref.of(completed.get(completed.size() - 1));
                    runOutcome = outcome;
                    runLength = 1;
                    runExact = true;
                }
            } else if (breaker == null || Ref.of(record).compareTo(breaker) >= 0) {
                // inside the run (of records equal by start and build, the later appended is the later)
                if (outcome == runOutcome) {
                    grow();
                } else if (breaker == null && olderThanAll) {
                    breaker = Ref.of(record); // the run is every record newer than it: all of it
                } else {
                    breaker = Ref.of(record);
                    if (at == 0 && completed.size() == COMPLETED_KEPT) {
                        runExact = false; // older than every kept one: how many are newer is not known
                        runLength = 0;
                    } else {
                        runExact = true;
                        runLength = completed.size() - at;
                    }
                }
            }
            // older than the breaker: the run does not change
        }

        private void grow() {
            if (runExact) {
                runLength = runLength == Integer.MAX_VALUE ? runLength : runLength + 1;
            }
        }

        /**
         * Pairs failures with the next successful deploy in start order: a success folded in start order recovers
         * every failure pending since the last one. A completed deploy folded out of start order may change a
         * pairing of a failure started no later than it, so recoveries of failures started up to then are no
         * longer exact.
         */
        private void foldRecovery(DeployRecord record, boolean inOrder) {
            if (!inOrder) {
                inexactThrough(record.getStartedAt());
                return;
            }
            if (record.getOutcome() == DeployOutcome.SUCCESS) {
                for (Pending failure : pending) {
                    Duration recovery = DeployStatistics.recoveryTime(failure.endedAt(), record.getEndedAt());
                    changedRecoveries
                            .computeIfAbsent(dayOf(failure.startedAt()), d -> {
                                DurationSketch built = recoveries.get(d);
                                DurationSketch.Mutable sketch = new DurationSketch.Mutable();
                                return built == null ? sketch : sketch.addAll(built);
                            })
                            .add(recovery);
                }
                pending.clear();
            } else {
                pending.addLast(new Pending(record.getStartedAt(), record.getEndedAt()));
                if (pending.size() > PENDING_KEPT) {
                    inexactThrough(pending.removeFirst().startedAt()); // never paired
                }
            }
        }

        private void inexactThrough(Instant started) {
            if (recoveriesInexactThrough == null || started.isAfter(recoveriesInexactThrough)) {
                recoveriesInexactThrough = started;
            }
        }

        /** Inserts at the insertion point, then drops the oldest beyond {@value #COMPLETED_KEPT}. */
        private void insertCompleted(DeployRecord record, int at) {
            if (at == 0 && completed.size() == COMPLETED_KEPT) {
                return; // older than every kept one: it would be dropped at once
            }
            completed.add(at, record);
            if (completed.size() > COMPLETED_KEPT) {
                completed.remove(0);
            }
        }

        Environment toEnvironment() {
            HashMap<LocalDate, DeployCounts> changedCounts = new HashMap<>();
            changedDays.forEach((day, tally) -> changedCounts.put(day, tally.toCounts()));
            HashMap<LocalDate, DurationSketch> changedSketches = new HashMap<>();
            changedRecoveries.forEach((day, sketch) -> changedSketches.put(day, sketch.toSketch()));
            Streak streak = runOutcome == null
                    ? Streak.NONE
                    : new Streak(Optional.of(runOutcome), runLength, runExact, Optional.ofNullable(breaker));
            return new Environment(
                    name,
                    records,
                    first,
                    last,
                    lastSuccess,
                    lastAttempt,
                    completed,
                    streak,
                    days.with(changedCounts),
                    recoveries.with(changedSketches),
                    new ArrayList<>(pending),
                    recoveriesInexactThrough,
                    commits.build(),
                    fingerprints.build(),
                    builds.build(),
                    sourced.build());
        }
    }

    static LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    /** Folds records into a summary. Not thread-safe. */
    public static final class Builder {
        private Position position = Position.EMPTY;
        private long records;
        private long skippedLines;
        private Instant latestStart;
        private Duration disorder = Duration.ZERO;
        private final TreeMap<EnvironmentName, EnvironmentFold> environments = new TreeMap<>();

        private Builder() {}

        private Builder(LedgerSummary from) {
            this.position = from.position;
            this.records = from.records;
            this.skippedLines = from.skippedLines;
            this.latestStart = from.latestStart;
            this.disorder = from.disorder;
            for (Environment environment : from.environments.values()) {
                environments.put(environment.name, new EnvironmentFold(environment));
            }
        }

        /**
         * Folds a record, taken to be appended after every record folded before.
         *
         * @param record the record
         * @return this builder
         */
        public Builder add(DeployRecord record) {
            records++;
            Instant started = record.getStartedAt();
            if (latestStart == null || started.isAfter(latestStart)) {
                latestStart = started;
            } else {
                Duration back = Duration.between(started, latestStart);
                if (back.compareTo(disorder) > 0) {
                    disorder = back;
                }
            }
            environments
                    .computeIfAbsent(record.getEnvironment(), EnvironmentFold::new)
                    .add(record);
            return this;
        }

        /**
         * Counts an unreadable ledger line.
         *
         * @return this builder
         */
        public Builder skippedLine() {
            skippedLines++;
            return this;
        }

        /**
         * @param at the ledger state the folded records reflect
         * @return this builder
         */
        public Builder position(Position at) {
            this.position = Objects.requireNonNull(at, "at");
            return this;
        }

        /** @return the summary of what was folded; the builder can go on folding */
        public LedgerSummary build() {
            TreeMap<EnvironmentName, Environment> built = new TreeMap<>();
            for (Map.Entry<EnvironmentName, EnvironmentFold> environment : environments.entrySet()) {
                built.put(environment.getKey(), environment.getValue().toEnvironment());
            }
            return new LedgerSummary(position, records, skippedLines, latestStart, disorder, built);
        }
    }

    /** For the format: a summary from decoded parts. */
    static LedgerSummary of(
            Position position,
            long records,
            long skippedLines,
            Optional<Instant> latestStart,
            Duration disorder,
            List<Environment> environments) {
        if (records < 0 || skippedLines < 0) {
            throw new IllegalArgumentException("counts: must be 0 or more");
        }
        TreeMap<EnvironmentName, Environment> byName = new TreeMap<>();
        long sum = 0;
        for (Environment environment : environments) {
            if (byName.put(environment.name, environment) != null) {
                throw new IllegalArgumentException("environment twice: " + environment.name);
            }
            sum += environment.records;
        }
        if (sum != records) {
            throw new IllegalArgumentException("records: " + records + " but environments hold " + sum);
        }
        return new LedgerSummary(position, records, skippedLines, latestStart.orElse(null), disorder, byName);
    }
}
