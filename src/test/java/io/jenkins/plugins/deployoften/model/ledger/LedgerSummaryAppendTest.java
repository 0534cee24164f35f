package io.jenkins.plugins.deployoften.model.ledger;

import static io.jenkins.plugins.deployoften.model.ledger.LedgerAssertions.assertStoredSummaryIsARebuild;
import static io.jenkins.plugins.deployoften.model.ledger.SummaryHistories.T0;
import static io.jenkins.plugins.deployoften.model.ledger.SummaryHistories.randomHistory;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.ledger.LedgerSummaryFile.State;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The summary kept by the ledger itself: after every append and every compaction the stored summary is what a
 * rebuild would write, and neither scans the ledger; a missing, torn or other-version summary is repaired by the
 * next append or read, the append never rebuilding on its own thread nor waiting for the rebuild; N readers of a
 * ledger without a summary cause one scan.
 */
public class LedgerSummaryAppendTest {
    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();

    private final AtomicInteger scans = new AtomicInteger();
    private Path job;
    private FileDeployLedger ledger;
    private LedgerSummaryFile summaries;

    @Before
    public void setUp() throws IOException {
        job = temporary.newFolder("job").toPath();
        ledger = ledgerIn(job);
        summaries = new LedgerSummaryFile(job);
        countScansOf(null);
    }

    @After
    public void tearDown() {
        LedgerSummaryFile.onScan(null);
    }

    @Test
    public void everyKindOfAppendLeavesTheStoredSummaryARebuildWithoutAScan() throws IOException {
        // the first append to a ledger whose directory does not exist yet
        Path fresh = job.resolve("fresh");
        FileDeployLedger first = ledgerIn(fresh);
        first.append(randomHistory(1, 1).get(0));
        assertRebuildWithoutScan(fresh);

        // out of start order, equal starts, several environments, every outcome
        for (DeployRecord record : randomHistory(2, 300)) {
            ledger.append(record);
            assertRebuildWithoutScan(job);
        }

        // a torn line (a writer killed mid-line) before the next append, which ends it
        byte[] torn = LedgerLineFormat.encode(randomHistory(3, 1).get(0), T0);
        Files.write(ledger.getFile(), Arrays.copyOf(torn, torn.length / 2), StandardOpenOption.APPEND);
        ledger.append(randomHistory(4, 1).get(0));
        assertThat(assertRebuildWithoutScan(job).getSkippedLines()).isEqualTo(1);

        // in start order
        List<DeployRecord> inOrder = new ArrayList<>(randomHistory(5, 100));
        inOrder.sort(LedgerSummary.START_ORDER);
        for (DeployRecord record : inOrder) {
            ledger.append(record);
        }
        assertRebuildWithoutScan(job);

        // and from a cold start of this process: the stored summary is used as it is
        FileDeployLedger.forgetSummariesInMemory();
        Optional<LedgerSummary> cold = ledger.currentSummary();
        assertThat(summaries.loadOrRebuild().found()).isEqualTo(State.CURRENT);
        assertThat(scans).hasValue(0);
        assertThat(cold).contains(summaries.read().orElseThrow());
    }

    @Test
    public void theFirstAppendToAnEmptyLedgerFileFoldsIntoTheEmptySummary() throws IOException {
        Files.createFile(ledger.getFile());
        ledger.append(randomHistory(6, 1).get(0));
        assertRebuildWithoutScan(job);
    }

    @Test
    public void compactionStoresTheSummaryOfTheCompactedLedgerAndNoReadRebuildsIt() throws IOException {
        List<DeployRecord> records = randomHistory(7, 400);
        for (DeployRecord record : records.subList(0, 200)) {
            ledger.append(record);
        }
        // a torn line in the middle, which compaction quarantines
        Files.write(ledger.getFile(), "{\"v\":1,\"torn".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        for (DeployRecord record : records.subList(200, 400)) {
            ledger.append(record);
        }
        assertThat(assertRebuildWithoutScan(job).getSkippedLines()).isEqualTo(1);

        Instant horizon = SummaryHistories.byStart(records).get(150).getStartedAt();
        assertThat(ledger.compact(horizon).getQuarantinedLines()).isEqualTo(1);
        assertThat(assertRebuildWithoutScan(job).getSkippedLines()).isZero();
        assertThat(summaries.loadOrRebuild().found()).isEqualTo(State.CURRENT);
        FileDeployLedger.forgetSummariesInMemory();
        Optional<LedgerSummary> cold = ledger.currentSummary();
        assertThat(scans).hasValue(0);
        assertThat(cold).contains(LedgerSummaryFile.scan(ledger.getFile()));
        scans.set(0);

        // appends after the compaction fold into the summary it stored
        for (DeployRecord record : randomHistory(8, 50)) {
            ledger.append(record);
        }
        assertRebuildWithoutScan(job);

        // a compaction that keeps nothing leaves the summary of an empty ledger, and appends go on from it
        ledger.compact(Instant.MAX);
        assertThat(assertRebuildWithoutScan(job).getPosition()).isEqualTo(LedgerSummary.Position.EMPTY);
        ledger.append(randomHistory(9, 1).get(0));
        assertRebuildWithoutScan(job);
    }

    @Test
    public void aDeletedTornOrOtherVersionSummaryIsRepairedByTheNextAppend() throws Exception {
        for (DeployRecord record : randomHistory(10, 200)) {
            ledger.append(record);
        }
        List<DeployRecord> more = randomHistory(11, 12);
        for (int round = 0; round < more.size(); round++) {
            damage(round % 3);
            boolean inMemory = round % 2 == 0;
            if (!inMemory) {
                FileDeployLedger.forgetSummariesInMemory(); // as another process, or this one restarted, finds it
            }
            ledger.append(more.get(round));
            String what = "round " + round + ", damage " + round % 3 + ", " + (inMemory ? "in memory" : "cold");
            if (inMemory) {
                // the summary kept in memory is at the ledger's position before the append: folded and written
                assertThat(summaries.rebuildInFlight()).as(what).isEmpty();
                assertThat(scans).as(what).hasValue(0);
            } else {
                // the append started one rebuild and returned; it catches up the append's line when done
                awaitRebuild();
                assertThat(scans).as(what).hasValue(1);
            }
            assertStoredSummaryIsARebuild(job);
            scans.set(0);
        }
    }

    @Test
    public void aDeletedTornOrOtherVersionSummaryIsRepairedByTheNextRead() throws IOException {
        for (DeployRecord record : randomHistory(12, 200)) {
            ledger.append(record);
        }
        for (int damage = 0; damage < 3; damage++) {
            damage(damage);
            FileDeployLedger.forgetSummariesInMemory();
            Optional<LedgerSummary> repaired = ledger.currentSummary();
            assertThat(scans).as("damage " + damage).hasValue(1);
            assertThat(repaired).contains(LedgerSummaryFile.scan(ledger.getFile()));
            assertStoredSummaryIsARebuild(job);
            scans.set(0);
        }
    }

    @Test
    public void linesAppendedByAnotherProcessAreCaughtUpByTheNextAppendWithoutAScan() throws Exception {
        for (DeployRecord record : randomHistory(13, 50)) {
            ledger.append(record);
        }
        // another process that keeps the summary: the one in this process's memory is then behind the ledger
        try (ChildJvm child = ChildJvm.start(
                LedgerAppenderProcess.class,
                temporary.getRoot().toPath(),
                "other",
                job.toString(),
                "other",
                "20",
                FileDeployLedger.Durability.OS_BUFFERED.name())) {
            child.awaitSuccess(60);
        }
        assertRebuildWithoutScan(job);
        ledger.append(randomHistory(14, 1).get(0));
        assertRebuildWithoutScan(job);

        // a version that appends lines only, a few: caught up by the next read, and by the next append
        JsonLinesFile linesOnly = linesOnly();
        for (DeployRecord record : randomHistory(15, 3)) {
            linesOnly.append(LedgerLineFormat.encode(record, T0));
        }
        FileDeployLedger.forgetSummariesInMemory();
        Optional<LedgerSummary> caughtUp = ledger.currentSummary();
        assertRebuildWithoutScan(job);
        assertThat(caughtUp).contains(summaries.read().orElseThrow());
        for (DeployRecord record : randomHistory(23, 3)) {
            linesOnly.append(LedgerLineFormat.encode(record, T0));
        }
        ledger.append(randomHistory(16, 1).get(0));
        assertRebuildWithoutScan(job);

        // many: left to the background, which catches the summary up too, rather than rebuild it
        int appended = 0;
        for (DeployRecord record : randomHistory(17, 2000)) {
            linesOnly.append(LedgerLineFormat.encode(record, T0));
            appended += LedgerLineFormat.encode(record, T0).length;
        }
        assertThat(appended).isGreaterThan((int) LedgerSummaryFile.APPEND_CATCH_UP_BYTES);
        ledger.append(randomHistory(18, 1).get(0));
        awaitRebuild();
        assertRebuildWithoutScan(job);
    }

    @Test(timeout = 120_000)
    public void aBurstOfAppendsWritesTheFileOncePerDeferredBytesAndThePauseWritesTheRest() throws Exception {
        ledger.append(randomHistory(30, 1).get(0)); // the first append of this process writes the file
        long writtenAt = summaries.read().orElseThrow().getPosition().length();
        int appends = 0;
        int writes = 0;
        for (DeployRecord record : randomHistory(31, 400)) {
            ledger.append(record);
            appends++;
            long now = summaries.read().orElseThrow().getPosition().length();
            assertThat(summaries.ledgerPosition().length() - now)
                    .as("lag after append %d", appends)
                    .isLessThanOrEqualTo(LedgerSummaryFile.DEFERRED_BYTES);
            if (now != writtenAt) {
                writes++;
                writtenAt = now;
            }
        }
        long burstBytes = summaries.ledgerPosition().length();
        assertThat(writes)
                .as("file writes during %d appends of %d bytes", appends, burstBytes)
                .isPositive()
                .isLessThanOrEqualTo((int) (burstBytes / LedgerSummaryFile.DEFERRED_BYTES) + 1);
        // the pause: the background flush writes what the burst left, without a scan, within a few seconds
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!summaries.isCurrent(summaries.read().orElseThrow()) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(summaries.isCurrent(summaries.read().orElseThrow()))
                .as("the summary file after the pause")
                .isTrue();
        assertRebuildWithoutScan(job);
    }

    @Test(timeout = 120_000)
    public void appendsQueuedForTheLockLeaveTheSummaryFileToTheirPauseAndKeepItCaughtUp() throws Exception {
        for (DeployRecord record : randomHistory(21, 100)) {
            ledger.append(record);
        }
        List<DeployRecord> queued = randomHistory(22, 6);
        List<Thread> threads = new ArrayList<>();
        linesOnly().withLock(() -> {
            for (DeployRecord record : queued) {
                Thread thread = new Thread(() -> {
                    try {
                        ledgerIn(job).append(record);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
                threads.add(thread);
                thread.start();
            }
            try {
                awaitAll(threads, new AtomicInteger(1)); // every append waits for the lock held here
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return null;
        });
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(new FileDeployLedger(job).readAll().records()).hasSize(106);
        assertRebuildWithoutScan(job);
    }

    @Test(timeout = 120_000)
    public void readersOfALedgerWithoutSummaryCauseOneScanAndAnAppendDoesNotWaitForIt() throws Exception {
        JsonLinesFile linesOnly = linesOnly();
        for (DeployRecord record : randomHistory(19, 500)) {
            linesOnly.append(LedgerLineFormat.encode(record, T0));
        }
        FileDeployLedger.forgetSummariesInMemory();
        CountDownLatch go = new CountDownLatch(1);
        countScansOf(go);

        int readers = 8;
        List<Thread> threads = new ArrayList<>();
        List<Optional<LedgerSummary>> read = new ArrayList<>();
        for (int i = 0; i < readers; i++) {
            read.add(Optional.empty());
            int reader = i;
            Thread thread = new Thread(() -> {
                Optional<LedgerSummary> summary = ledgerIn(job).currentSummary();
                synchronized (read) {
                    read.set(reader, summary);
                }
            });
            threads.add(thread);
            thread.start();
        }
        // every reader waits, and the one scan is held after it took the ledger's length
        awaitAll(threads, scans);

        // an append while the rebuild runs returns without waiting for it
        CompletableFuture<LedgerSummary> rebuild = summaries.rebuildInFlight().orElseThrow();
        DeployRecord during = randomHistory(20, 1).get(0);
        ledgerIn(job).append(during);
        assertThat(rebuild).isNotDone();
        assertThat(go.getCount()).isEqualTo(1);

        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(scans).as("scans of the ledger").hasValue(1);
        LedgerSummary stored = assertStoredSummaryIsARebuild(job);
        // the rebuild scanned the ledger before the append: it caught that line up before it was written
        assertThat(stored.getRecords()).isEqualTo(501);
        synchronized (read) {
            assertThat(read).allSatisfy(summary -> assertThat(summary).contains(stored));
        }
    }

    /** Damages the stored summary: 0 deletes it, 1 cuts it short, 2 makes it a summary of another version. */
    private void damage(int how) throws IOException {
        Path file = summaries.getFile();
        byte[] stored = Files.readAllBytes(file);
        switch (how) {
            case 0:
                Files.delete(file);
                break;
            case 1:
                Files.write(file, Arrays.copyOf(stored, stored.length * 2 / 3));
                break;
            default:
                Files.writeString(
                        file,
                        new String(stored, StandardCharsets.UTF_8)
                                .replaceFirst("^\\{\"v\":2,", "{\"v\":1,")
                                .replaceFirst("\"disorder\":\"[^\"]*\",", ""));
        }
        assertThat(summaries.read()).isEmpty();
    }

    /** Counts the full scans of the ledgers in the job directory; holds each until {@code go} opens, if given. */
    private void countScansOf(CountDownLatch go) {
        LedgerSummaryFile.onScan(scanned -> {
            if (scanned.startsWith(job)) {
                scans.incrementAndGet();
                if (go != null) {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        });
    }

    /** The stored summary is a rebuild's, and nothing scanned the ledger to make it. */
    private LedgerSummary assertRebuildWithoutScan(Path directory) throws IOException {
        assertThat(scans).as("scans of the ledger").hasValue(0);
        LedgerSummary stored = assertStoredSummaryIsARebuild(directory);
        scans.set(0); // the assertion's own scan
        return stored;
    }

    private void awaitRebuild() throws Exception {
        Optional<CompletableFuture<LedgerSummary>> rebuild = summaries.rebuildInFlight();
        if (rebuild.isPresent()) {
            rebuild.get().get(60, TimeUnit.SECONDS);
        }
    }

    /** Waits until a scan was counted and every thread waits (for a rebuild, a scan of its own, or the lock). */
    private static void awaitAll(List<Thread> threads, AtomicInteger scans) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (scans.get() == 0 || !threads.stream().allMatch(t -> t.getState() == Thread.State.WAITING)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the readers did not all wait for a rebuild within 60 s");
            }
            Thread.sleep(5);
        }
    }

    private JsonLinesFile linesOnly() {
        return new JsonLinesFile(job, FileDeployLedger.FILE_NAME, FileDeployLedger.LOCK_FILE_NAME, false);
    }

    private static FileDeployLedger ledgerIn(Path directory) {
        return new FileDeployLedger(
                directory, Clock.fixed(T0, ZoneOffset.UTC), FileDeployLedger.Durability.OS_BUFFERED);
    }
}
