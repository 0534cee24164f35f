package io.jenkins.plugins.deployoften.model.ledger;

import io.jenkins.plugins.deployoften.model.DeployDigest;
import io.jenkins.plugins.deployoften.model.DeployLedger;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import io.jenkins.plugins.deployoften.model.LedgerRead;
import io.jenkins.plugins.deployoften.model.SuccessfulDeploy;
import io.jenkins.plugins.deployoften.model.TrustedSources;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A {@link DeployLedger} kept as one JSON Lines file ({@link LedgerLineFormat}) in a job's directory.
 *
 * <ul>
 *   <li>Appends go through {@link JsonLinesFile}: a lock shared by the threads of this process and, through
 *       a lock file, by other processes; each record is one write at the end of the file, forced to disk
 *       before {@link #append} returns.
 *   <li>A line torn by a crash is ended with a newline by the next append, so it stays one unreadable
 *       line and never corrupts the record after it. Readers skip and count such lines.
 *   <li>Windowed reads ({@link #readSince}) scan from the end of the file backwards and stop once no earlier
 *       line can start in the window, as the summary's {@link LedgerSummary#getDisorder() disorder} of start
 *       times in append order tells; in an in-order ledger they cost O(records in the window), not O(history).
 *       The time a line was recorded is never relied on.
 *   <li>Compaction writes a new file, forces it, and renames it over the old one.
 *   <li>Every append folds its record into the ledger's {@link LedgerSummary summary} ({@link LedgerSummaryFile})
 *       and writes it in the same lock hold, after the line is durable; every compaction writes the summary of the
 *       file it wrote. A missing, stale or unreadable summary is rebuilt once, on a background thread: the append
 *       that finds it so never scans and never waits, readers wait for that one rebuild. The summary is a cache:
 *       failing to keep it never fails an append or a compaction.
 *   <li>{@link #lastSuccessOfCandidate}, the start-order look-ups and {@link #readSince} read the summary (caught
 *       up by folding only the lines appended since, when a writer did not keep it), so a never-deployed candidate
 *       costs no scan of the history. The last summary of each ledger is also kept in memory (softly referenced),
 *       so a look-up on a warm summary reads only the ledger's last line.
 * </ul>
 */
public final class FileDeployLedger implements DeployLedger {
    /** The ledger's file name inside the job directory. */
    public static final String FILE_NAME = "deployoften-ledger.jsonl";

    /** The lock file guarding appends and rewrites, in the same directory. */
    public static final String LOCK_FILE_NAME = "deployoften-ledger.lock";

    static final String COMPACTION_FILE_NAME = "deployoften-ledger.jsonl.compacting";
    static final String QUARANTINE_FILE_NAME = "deployoften-ledger.quarantine";

    /** Whether appends are forced to disk before they return. */
    public enum Durability {
        /** Forced to disk: the production setting. */
        FORCED,
        /** Left to the operating system's buffers: only for benchmarks that measure the rest. */
        OS_BUFFERED
    }

    private final JsonLinesFile lines;
    private final LedgerSummaryFile summaryFile;
    private final Clock clock;

    /** The summary a {@link #pinned()} view answers from; {@code null} for the ledger itself, or once dropped. */
    private volatile LedgerSummary pin;

    /**
     * @param directory the job directory holding the ledger
     */
    public FileDeployLedger(Path directory) {
        this(directory, Clock.systemUTC(), Durability.FORCED);
    }

    /**
     * @param directory the job directory holding the ledger
     * @param clock the clock that stamps appends
     * @param durability whether appends are forced to disk
     */
    public FileDeployLedger(Path directory, Clock clock, Durability durability) {
        this.lines = new JsonLinesFile(directory, FILE_NAME, LOCK_FILE_NAME, durability == Durability.FORCED);
        this.summaryFile = new LedgerSummaryFile(directory);
        this.clock = clock;
    }

    private FileDeployLedger(FileDeployLedger ledger, LedgerSummary pin) {
        this.lines = ledger.lines;
        this.summaryFile = ledger.summaryFile;
        this.clock = ledger.clock;
        this.pin = pin;
    }

    /**
     * A view answering from the summary as it is now, checked against the ledger once: every read that the summary
     * answers then skips the check of the ledger's last line. Appending through the view, or a part of the summary
     * that turns out not to match its file, drops the pin, and the view reads on as the ledger does.
     *
     * @return the view; the ledger itself when no summary can be had
     */
    @Override
    public DeployLedger pinned() {
        if (pin != null) {
            return this;
        }
        Optional<LedgerSummary> summary = currentSummary();
        return summary.isPresent() ? new FileDeployLedger(this, summary.get()) : this;
    }

    /** @return the ledger file */
    public Path getFile() {
        return lines.getFile();
    }

    @Override
    public void append(DeployRecord record) throws IOException {
        pin = null;
        summaryFile.appendAndFold(lines, LedgerLineFormat.encode(record, clock.instant()));
    }

    @Override
    public LedgerRead readAll() throws IOException {
        return readAll(lines);
    }

    /**
     * @param lines a file of ledger lines: a ledger or a spool
     * @return every readable record, oldest appended first, and how many lines were unreadable
     * @throws IOException when the file cannot be read at all
     */
    static LedgerRead readAll(JsonLinesFile lines) throws IOException {
        List<DeployRecord> records = new ArrayList<>();
        int[] skipped = {0};
        lines.readForward(line -> {
            Optional<LedgerLineFormat.Line> decoded = LedgerLineFormat.decode(line);
            if (decoded.isPresent()) {
                records.add(decoded.get().getRecord());
            } else {
                skipped[0]++;
            }
            return true;
        });
        return new LedgerRead(records, skipped[0]);
    }

    /**
     * Scans backwards and stops at the first readable line that started before {@code from} minus the ledger's
     * {@link LedgerSummary#getDisorder() disorder} D (the largest amount by which any line's start went back below
     * the latest start appended before it). Every line at or before that one started no later than the latest
     * start up to it, which is at most its own start plus D, so before {@code from}: nothing in the window is
     * skipped, whatever the clocks did when lines were recorded (a clock stepped back, a spool replayed late). The
     * lines appended after the summary's position are all read. When the summary cannot be had, or the ledger
     * was replaced between the summary and the scan, this falls back to one forward read filtered by start.
     */
    @Override
    public LedgerRead readSince(Instant from) throws IOException {
        Optional<LedgerSummary> summary = currentSummary();
        if (summary.isPresent()) {
            Optional<LedgerRead> read = readSince(from, summary.get());
            if (read.isPresent()) {
                return read.get();
            }
        }
        return readSinceForward(from);
    }

    /**
     * @param from the window start
     * @param summary a summary of this ledger
     * @return the window read backwards with the summary's disorder; empty when the summary's position is not a
     *     prefix of the ledger (compacted or replaced since the summary was made)
     * @throws IOException when the ledger cannot be read
     */
    Optional<LedgerRead> readSince(Instant from, LedgerSummary summary) throws IOException {
        LedgerSummary.Position position = summary.getPosition();
        Instant stopBefore;
        try {
            stopBefore = from.minus(summary.getDisorder());
        } catch (DateTimeException | ArithmeticException e) {
            stopBefore = Instant.MIN; // nothing can start before it: read everything
        }
        Instant stop = stopBefore;
        List<DeployRecord> newestFirst = new ArrayList<>();
        int[] skipped = {0};
        try (FileChannel channel = FileChannel.open(lines.getFile(), StandardOpenOption.READ)) {
            long length = channel.size();
            if (!LedgerSummaryFile.isPrefix(position, channel, length)) {
                return Optional.empty(); // compacted or replaced since the summary was made
            }
            // appended after the summary: their disorder is unknown, so all of them are read
            JsonLinesFile.scanBackwards(channel, position.length(), length, line -> {
                collect(line, from, newestFirst, skipped);
                return true;
            });
            JsonLinesFile.scanBackwards(channel, 0, position.length(), line -> {
                Optional<DeployRecord> record = collect(line, from, newestFirst, skipped);
                return record.isEmpty() || !record.get().getStartedAt().isBefore(stop);
            });
        } catch (NoSuchFileException e) {
            if (position.length() != 0) {
                return Optional.empty();
            }
        }
        Collections.reverse(newestFirst);
        return Optional.of(new LedgerRead(newestFirst, skipped[0]));
    }

    /** @return the line's record, kept when it started at or after {@code from}; empty (and counted) if unreadable */
    private static Optional<DeployRecord> collect(
            byte[] line, Instant from, List<DeployRecord> newestFirst, int[] skipped) {
        Optional<LedgerLineFormat.Line> decoded = LedgerLineFormat.decode(line);
        if (decoded.isEmpty()) {
            skipped[0]++;
            return Optional.empty();
        }
        DeployRecord record = decoded.get().getRecord();
        if (!record.getStartedAt().isBefore(from)) {
            newestFirst.add(record);
        }
        return Optional.of(record);
    }

    /** The fallback without a summary: every line, read forwards, filtered by start. */
    private LedgerRead readSinceForward(Instant from) throws IOException {
        LedgerRead all = readAll();
        List<DeployRecord> window = new ArrayList<>();
        for (DeployRecord record : all.records()) {
            if (!record.getStartedAt().isBefore(from)) {
                window.add(record);
            }
        }
        return new LedgerRead(window, all.skippedLines());
    }

    @Override
    public List<DeployRecord> readRecent(int skip, int limit) throws IOException {
        DeployLedger.checkPage(skip, limit);
        List<DeployRecord> newestFirst = new ArrayList<>();
        int[] toSkip = {skip};
        lines.scanBackwards(line -> {
            Optional<LedgerLineFormat.Line> decoded = LedgerLineFormat.decode(line);
            if (decoded.isEmpty()) {
                return true;
            }
            if (toSkip[0] > 0) {
                toSkip[0]--;
                return true;
            }
            newestFirst.add(decoded.get().getRecord());
            return newestFirst.size() < limit;
        });
        return newestFirst;
    }

    /**
     * Size, modification time and file identity (the inode on Linux): compaction renames a new file over the
     * old one, which may have the same size and, within the file system's timestamp granularity, the same
     * modification time as an earlier state, but never the same identity as the file it replaced.
     */
    @Override
    public String version() throws IOException {
        return lines.version();
    }

    @Override
    public Optional<DeployRecord> findLast(Predicate<DeployRecord> matching) throws IOException {
        DeployRecord[] found = {null};
        lines.scanBackwards(line -> {
            Optional<LedgerLineFormat.Line> decoded = LedgerLineFormat.decode(line);
            if (decoded.isPresent() && matching.test(decoded.get().getRecord())) {
                found[0] = decoded.get().getRecord();
                return false;
            }
            return true;
        });
        return Optional.ofNullable(found[0]);
    }

    /**
     * Answers from the summary, brought up to the ledger first (caught up by the lines appended since when a writer did
     * not keep it, rebuilt once when it is missing, unreadable or of another ledger state, and written back when it can
     * be; when it cannot, as in a read-only directory, the summary made in memory answers). "Last" is the match that
     * <em>started</em> last (ties: the greater build number), where the {@link DeployLedger#lastSuccessOfCandidate
     * default} takes the one <em>appended</em> last: whether a match exists is the same, and only which one is reported
     * can differ. The summary's index is kept by source and identity, so with trusted sources restricted this is
     * still a few look-ups. When the summary cannot be had at all, this falls back to the default scan.
     */
    @Override
    public Optional<SuccessfulDeploy> lastSuccessOfCandidate(
            EnvironmentName environment,
            Optional<String> artifactFingerprint,
            Optional<String> commit,
            OptionalInt buildNumber,
            TrustedSources trusted)
            throws IOException {
        if (artifactFingerprint.isEmpty() && commit.isEmpty() && buildNumber.isEmpty()) {
            return Optional.empty();
        }
        Optional<Optional<SuccessfulDeploy>> answer = fromSummary(summary -> summary.environment(environment)
                .flatMap(e -> e.lastSuccessOfCandidate(artifactFingerprint, commit, buildNumber, trusted)));
        if (answer.isEmpty()) {
            return DeployLedger.super.lastSuccessOfCandidate(
                    environment, artifactFingerprint, commit, buildNumber, trusted);
        }
        return answer.get();
    }

    /**
     * Answers from the summary, brought up to the ledger as for {@link #lastSuccessOfCandidate}: its last
     * successful deploy by start, which is the default's answer unless it started after {@code now}. Then, or when
     * the summary cannot be had, this falls back to the default scan.
     */
    @Override
    public Optional<DeployRecord> lastSuccessStartedBy(EnvironmentName environment, Instant now) throws IOException {
        Optional<LedgerSummary> summary = currentSummary();
        if (summary.isPresent()) {
            Optional<LedgerSummary.Environment> kept = summary.get().environment(environment);
            if (kept.isEmpty()) {
                return Optional.empty();
            }
            Optional<DeployRecord> last = kept.get().getLastSuccess();
            if (last.isEmpty() || !last.get().getStartedAt().isAfter(now)) {
                return last;
            }
        }
        return DeployLedger.super.lastSuccessStartedBy(environment, now);
    }

    /**
     * Answers from the summary's newest {@value LedgerSummary#COMPLETED_KEPT} completed deploys by start, brought
     * up to the ledger as for {@link #lastSuccessOfCandidate}, leaving out those started after {@code now}. When
     * fewer than {@code count} are left and the summary may have dropped older ones (it keeps {@value
     * LedgerSummary#COMPLETED_KEPT}), or when the summary cannot be had, this falls back to the default scan.
     */
    @Override
    public List<DeployRecord> lastCompletedStartedBy(EnvironmentName environment, Instant now, int count)
            throws IOException {
        DeployLedger.checkCount(count);
        Optional<Optional<List<DeployRecord>>> answer = fromSummary(summary -> {
            Optional<LedgerSummary.Environment> kept = summary.environment(environment);
            if (kept.isEmpty()) {
                return Optional.of(List.of());
            }
            List<DeployRecord> oldestFirst = kept.get().getLastCompleted();
            List<DeployRecord> newestFirst = new ArrayList<>();
            for (int i = oldestFirst.size() - 1; i >= 0 && newestFirst.size() < count; i--) {
                if (!oldestFirst.get(i).getStartedAt().isAfter(now)) {
                    newestFirst.add(oldestFirst.get(i));
                }
            }
            // fewer than kept: the summary never dropped one, so it holds every completed deploy
            if (newestFirst.size() == count || oldestFirst.size() < LedgerSummary.COMPLETED_KEPT) {
                return Optional.of(List.copyOf(newestFirst));
            }
            return Optional.empty();
        });
        if (answer.isPresent() && answer.get().isPresent()) {
            return answer.get().get();
        }
        return DeployLedger.super.lastCompletedStartedBy(environment, now, count);
    }

    /**
     * Answers from the summary's last deploy of the environment that ran (was not SKIPPED) by start, when there is
     * none or it started by {@code now}; otherwise (it started after {@code now}), or when the summary cannot be
     * had, this falls back to the default scan.
     */
    @Override
    public Optional<DeployRecord> lastAttemptStartedBy(EnvironmentName environment, Instant now) throws IOException {
        Optional<LedgerSummary> summary = currentSummary();
        if (summary.isPresent()) {
            Optional<LedgerSummary.Environment> kept = summary.get().environment(environment);
            if (kept.isEmpty()) {
                return Optional.empty();
            }
            Optional<DeployRecord> last = kept.get().getLastAttempt();
            if (last.isEmpty() || !last.get().getStartedAt().isAfter(now)) {
                return last;
            }
        }
        return DeployLedger.super.lastAttemptStartedBy(environment, now);
    }

    /** Answers from the summary's first record of the environment; the default scan when it cannot be had. */
    @Override
    public Optional<DeployRecord> firstStarted(EnvironmentName environment) throws IOException {
        Optional<LedgerSummary> summary = currentSummary();
        if (summary.isPresent()) {
            return summary.get().environment(environment).map(LedgerSummary.Environment::getFirst);
        }
        return DeployLedger.super.firstStarted(environment);
    }

    /** Answers from the summary's environments; the default scan when it cannot be had. */
    @Override
    public SortedSet<EnvironmentName> environments() throws IOException {
        Optional<LedgerSummary> summary = currentSummary();
        if (summary.isPresent()) {
            return Collections.unmodifiableSortedSet(
                    new TreeSet<>(summary.get().getEnvironments().keySet()));
        }
        return DeployLedger.super.environments();
    }

    /**
     * @return the ledger's position now (its length and the hash of its last line), taken under its lock
     * @throws IOException when the ledger cannot be read
     */
    public LedgerSummary.Position position() throws IOException {
        return lines.withLock(summaryFile::ledgerPosition);
    }

    /**
     * The records appended after a position of this ledger, such as one remembered earlier; holds the ledger's
     * lock while it reads them.
     *
     * @param from an earlier position of this ledger
     * @return the records after it, oldest appended first, and the ledger's position they reach; empty when
     *     {@code from} is not a prefix of the ledger (it was compacted, truncated or replaced since)
     * @throws IOException when the ledger cannot be read
     */
    public Optional<RecordsAfter> readAfter(LedgerSummary.Position from) throws IOException {
        // under the lock, so the end is never a line being written
        return lines.withLock(() -> readAfterHoldingLock(from));
    }

    private Optional<RecordsAfter> readAfterHoldingLock(LedgerSummary.Position from) throws IOException {
        try (FileChannel channel = FileChannel.open(lines.getFile(), StandardOpenOption.READ)) {
            long length = channel.size();
            if (!LedgerSummaryFile.isPrefix(from, channel, length)) {
                return Optional.empty();
            }
            List<DeployRecord> records = new ArrayList<>();
            int[] skipped = {0};
            JsonLinesFile.scanBackwards(channel, from.length(), length, line -> {
                Optional<LedgerLineFormat.Line> decoded = LedgerLineFormat.decode(line);
                if (decoded.isPresent()) {
                    records.add(decoded.get().getRecord());
                } else {
                    skipped[0]++;
                }
                return true;
            });
            Collections.reverse(records);
            LedgerSummary.Position to = new LedgerSummary.Position(
                    length,
                    LedgerSummaryFile.hashOf(
                            LedgerSummaryFile.lastNonBlankLine(channel, length).orElse(null)));
            return Optional.of(new RecordsAfter(new LedgerRead(records, skipped[0]), to));
        } catch (NoSuchFileException e) {
            return from.length() == 0
                    ? Optional.of(new RecordsAfter(new LedgerRead(List.of(), 0), LedgerSummary.Position.EMPTY))
                    : Optional.empty();
        }
    }

    /**
     * @param read the records after a position
     * @param to the position of the ledger's end that they reach
     */
    public record RecordsAfter(LedgerRead read, LedgerSummary.Position to) {}

    /**
     * Answers from the summary, brought up to the ledger as for {@link #lastSuccessOfCandidate}: {@link
     * LedgerSummary#digest(EnvironmentName)}, so the statistics read no ledger line. Empty when the summary cannot
     * be had; the statistics then read the records.
     */
    @Override
    public Optional<DeployDigest> digest(EnvironmentName environment) {
        return currentSummary().map(summary -> summary.digest(environment));
    }

    /**
     * @return the summary of the ledger as it is now, empty when it could not be made; when it has to be rebuilt,
     *     this waits for the one rebuild in flight ({@code LedgerSummaryFile.current()})
     */
    Optional<LedgerSummary> currentSummary() {
        LedgerSummary pinned = pin;
        if (pinned != null) {
            return Optional.of(pinned);
        }
        try {
            return Optional.of(summaryFile.current());
        } catch (UnreadableSummaryPartException e) {
            summaryFile.distrustStored();
            return Optional.empty(); // a cache: never fail a read because of it
        } catch (IOException | RuntimeException e) {
            summaryFile.forget();
            return Optional.empty();
        }
    }

    /**
     * @param answer what to read from the summary, which may read the parts of a stored summary kept on disk until
     *     first used
     * @return its answer from the current summary; empty when no summary can be had. When such a part turns out
     *     not to match its summary (the file was replaced or damaged since its head was read), the summary is
     *     forgotten, the file distrusted, and the answer taken again from the summary read again or rebuilt.
     */
    private <T> Optional<T> fromSummary(Function<LedgerSummary, T> answer) {
        for (int attempt = 0; attempt < 2; attempt++) {
            Optional<LedgerSummary> summary = currentSummary();
            if (summary.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(answer.apply(summary.get()));
            } catch (UnreadableSummaryPartException e) {
                pin = null;
                summaryFile.distrustStored();
            }
        }
        return Optional.empty();
    }

    /** For tests: forgets the summaries kept in memory, so the next look-up reads the summary file. */
    static void forgetSummariesInMemory() {
        LedgerSummaryFile.forgetAllInMemory();
    }

    @Override
    public Compaction compact(Instant horizon) throws IOException {
        pin = null;
        Path file = lines.getFile();
        Path directory = lines.getDirectory();
        return lines.withLock(() -> {
            if (!Files.exists(file)) {
                return new Compaction(0, 0, 0);
            }
            long sizeBefore = Files.size(file);
            ByteArrayOutputStream quarantine = new ByteArrayOutputStream();
            int[] counts = new int[3];
            // the summary of the new file, folded from the lines it keeps
            LedgerSummary.Builder[] kept = {LedgerSummary.builder()};
            long[] keptLength = {0};
            byte[][] lastKept = {null};
            // the new file is created new (never through a planted link) and deleted on any failure, a full disk
            // included, so a failed compaction leaves the old ledger and nothing else
            AtomicFiles.replace(
                    file,
                    COMPACTION_FILE_NAME,
                    out -> {
                        lines.readForward(bytes -> {
                            Optional<LedgerLineFormat.Line> decoded = LedgerLineFormat.decode(bytes);
                            if (decoded.isEmpty()) {
                                quarantine.write(bytes);
                                quarantine.write('\n');
                                counts[2]++;
                            } else if (decoded.get().getRecord().getStartedAt().isBefore(horizon)) {
                                counts[1]++;
                            } else {
                                writeFully(out, ByteBuffer.wrap(bytes));
                                writeFully(out, ByteBuffer.wrap(new byte[] {'\n'}));
                                counts[0]++;
                                kept[0] = foldQuietly(kept[0], decoded.get().getRecord());
                                keptLength[0] += bytes.length + 1;
                                lastKept[0] = bytes;
                            }
                            return true;
                        });
                        if (Files.size(file) != sizeBefore) {
                            // only when the lock was broken (its file deleted) and another process appended
                            throw new IOException("the ledger grew during its compaction; it is left as it was");
                        }
                        if (counts[2] > 0) {
                            // before the rename: unreadable lines are moved aside, never lost
                            Files.write(
                                    directory.resolve(QUARANTINE_FILE_NAME),
                                    quarantine.toByteArray(),
                                    StandardOpenOption.CREATE,
                                    StandardOpenOption.APPEND,
                                    StandardOpenOption.SYNC);
                        }
                    },
                    true);
            storeCompacted(kept[0], new LedgerSummary.Position(keptLength[0], LedgerSummaryFile.hashOf(lastKept[0])));
            return new Compaction(counts[0], counts[1], counts[2]);
        });
    }

    /** Stores the compacted ledger's summary, in the compaction's lock hold; a failure never fails the compaction. */
    private void storeCompacted(LedgerSummary.Builder kept, LedgerSummary.Position position) {
        try {
            if (kept != null) {
                summaryFile.storeHoldingLock(kept.position(position).build());
                return;
            }
        } catch (RuntimeException e) {
            // as when nothing could be folded
        }
        summaryFile.forget(); // its next reader rebuilds it
    }

    /** @return the builder with the record folded, {@code null} when it could not be: never fail a compaction */
    private static LedgerSummary.Builder foldQuietly(LedgerSummary.Builder builder, DeployRecord record) {
        if (builder == null) {
            return null;
        }
        try {
            return builder.add(record);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }
}
