package io.jenkins.plugins.deployoften.model.ledger;

import static io.jenkins.plugins.deployoften.model.ledger.LedgerAssertions.assertExactlyOnce;
import static io.jenkins.plugins.deployoften.model.ledger.LedgerAssertions.assertStoredSummaryIsARebuild;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.LedgerRead;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Many threads and several processes appending to one ledger at once: afterwards every record is there
 * exactly once and no line is torn. Appends are {@link FileDeployLedger.Durability#FORCED} as in
 * production; on this project's 2-core CI machine 16,000 forced appends take about 6 s.
 */
public class LedgerConcurrencyTest {
    private static final int THREADS = 8;
    private static final int APPENDS_PER_THREAD = 2_000;
    private static final int APPENDS_PER_PROCESS = 3_000;

    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();

    @Test(timeout = 120_000)
    public void eightThreadsSharingOneInstanceStoreEveryRecordExactlyOnce() throws Exception {
        Path directory = temporary.newFolder("job").toPath();
        FileDeployLedger shared = forced(directory);

        List<String> ids = appendFromThreads(APPENDS_PER_THREAD, thread -> shared);

        assertWholeAndExactlyOnce(shared, ids);
    }

    @Test(timeout = 120_000)
    public void eightThreadsWithTheirOwnInstancesStoreEveryRecordExactlyOnce() throws Exception {
        Path directory = temporary.newFolder("job").toPath();

        List<String> ids = appendFromThreads(APPENDS_PER_THREAD, thread -> forced(directory));

        assertWholeAndExactlyOnce(forced(directory), ids);
    }

    @Test(timeout = 120_000)
    public void instancesReachingTheDirectoryThroughDifferentPathsShareTheLock() throws Exception {
        // Jenkins may see a job directory through a symbolic link (a moved JENKINS_HOME) while another
        // instance uses the real path: both must still take turns, not fail on the in-process file lock.
        Path directory = temporary.newFolder("job").toPath();
        Path link = Files.createSymbolicLink(temporary.getRoot().toPath().resolve("link"), directory);
        Path dotted = directory.resolve("..").resolve("job");

        // fewer appends than above: what matters is that the paths contend at all
        List<String> ids = appendFromThreads(250, thread -> {
            switch (thread % 3) {
                case 0:
                    return forced(directory);
                case 1:
                    return forced(link);
                default:
                    return forced(dotted);
            }
        });

        assertWholeAndExactlyOnce(forced(directory), ids);
    }

    @Test(timeout = 120_000)
    public void twoProcessesAppendingAtOnceStoreEveryRecordExactlyOnce() throws Exception {
        Path directory = temporary.newFolder("job").toPath();
        List<String> ids = new ArrayList<>();
        try (ChildJvm first = appender(directory, "p0");
                ChildJvm second = appender(directory, "p1")) {
            first.awaitLine(LedgerAppenderProcess.READY::equals, 60_000);
            second.awaitLine(LedgerAppenderProcess.READY::equals, 60_000);
            first.send("go");
            second.send("go");
            first.awaitSuccess(90);
            second.awaitSuccess(90);
            for (String prefix : List.of("p0", "p1")) {
                for (int i = 0; i < APPENDS_PER_PROCESS; i++) {
                    ids.add(prefix + "-" + i);
                }
            }
            List<String> acknowledged = new ArrayList<>(first.output());
            acknowledged.addAll(second.output());
            acknowledged.remove(LedgerAppenderProcess.READY);
            acknowledged.remove(LedgerAppenderProcess.READY);
            assertThat(acknowledged).containsExactlyInAnyOrderElementsOf(ids);
        }

        FileDeployLedger ledger = forced(directory);
        assertWholeAndExactlyOnce(ledger, ids);
        // p0 then p1 (one switch) would mean the processes never really appended at the same time
        assertThat(ownerSwitches(ledger.readAll().records()))
                .as("times the appending process changes in file order")
                .isGreaterThan(1);
    }

    /**
     * A clean-up script deleting {@code *.lock} files while two processes append: appends in append mode, and a
     * lock taken on a file that is no longer the lock file is taken again, so no acknowledged record is lost or
     * overwritten.
     */
    @Test(timeout = 180_000)
    public void twoProcessesAppendingWhileTheLockFileIsDeletedAgainAndAgainLoseNothing() throws Exception {
        Path directory = temporary.newFolder("job").toPath();
        Path lockFile = directory.resolve(FileDeployLedger.LOCK_FILE_NAME);
        List<String> ids = new ArrayList<>();
        int[] deletions = {0};
        try (ChildJvm first = appender(directory, "p0");
                ChildJvm second = appender(directory, "p1")) {
            first.awaitLine(LedgerAppenderProcess.READY::equals, 60_000);
            second.awaitLine(LedgerAppenderProcess.READY::equals, 60_000);
            Thread cleaner = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        if (Files.deleteIfExists(lockFile)) {
                            deletions[0]++;
                        }
                        Thread.sleep(0, 200_000);
                    } catch (IOException e) {
                        // the other process holds it open: try again
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            cleaner.start();
            first.send("go");
            second.send("go");
            first.awaitSuccess(150);
            second.awaitSuccess(150);
            cleaner.interrupt();
            cleaner.join();
            for (String prefix : List.of("p0", "p1")) {
                for (int i = 0; i < APPENDS_PER_PROCESS; i++) {
                    ids.add(prefix + "-" + i);
                }
            }
        }

        assertThat(deletions[0]).as("lock file deletions").isGreaterThan(10);
        FileDeployLedger ledger = forced(directory);
        LedgerRead read = ledger.readAll();
        assertThat(read.skippedLines()).as("skipped lines").isZero();
        assertExactlyOnce(read.records(), ids);
        // the summary is at worst behind (a prefix), and then caught up: never wrong
        LedgerSummaryFile summaries = new LedgerSummaryFile(directory);
        assertThat(summaries.loadOrRebuild().summary()).isEqualTo(LedgerSummaryFile.scan(ledger.getFile()));
    }

    private ChildJvm appender(Path directory, String prefix) throws IOException {
        return ChildJvm.start(
                LedgerAppenderProcess.class,
                temporary.getRoot().toPath(),
                prefix,
                directory.toString(),
                prefix,
                Integer.toString(APPENDS_PER_PROCESS),
                FileDeployLedger.Durability.FORCED.name(),
                LedgerAppenderProcess.AWAIT_GO);
    }

    /** Each thread appends its records, ids {@code t<thread>-<i>}, all threads starting together. */
    private static List<String> appendFromThreads(int appendsPerThread, IntFunction<FileDeployLedger> ledgerOfThread)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CyclicBarrier start = new CyclicBarrier(THREADS);
        try {
            List<Future<List<String>>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                FileDeployLedger ledger = ledgerOfThread.apply(thread);
                Callable<List<String>> appends = () -> {
                    List<String> ids = new ArrayList<>();
                    start.await();
                    for (int i = 0; i < appendsPerThread; i++) {
                        String id = "t" + thread + "-" + i;
                        ledger.append(LedgerAppenderProcess.record(id, thread * appendsPerThread + i + 1));
                        ids.add(id);
                    }
                    return ids;
                };
                done.add(pool.submit(appends));
            }
            List<String> ids = new ArrayList<>();
            for (Future<List<String>> thread : done) {
                ids.addAll(thread.get(100, TimeUnit.SECONDS));
            }
            return ids;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Every id exactly once, no line skipped, the file holds exactly one line per record, and the stored summary
     * is a rebuild's.
     */
    private static void assertWholeAndExactlyOnce(FileDeployLedger ledger, List<String> ids) throws IOException {
        LedgerRead read = ledger.readAll();
        assertThat(read.skippedLines()).as("skipped lines").isZero();
        assertExactlyOnce(read.records(), ids);
        byte[] bytes = Files.readAllBytes(ledger.getFile());
        assertThat(bytes[bytes.length - 1]).as("last byte").isEqualTo((byte) '\n');
        assertThat(new String(bytes, StandardCharsets.UTF_8).split("\n", -1))
                .as("lines, plus the empty rest after the last newline")
                .hasSize(ids.size() + 1);
        LedgerRead window = ledger.readSince(LedgerAppenderProcess.STARTED);
        assertThat(window.records()).isEqualTo(read.records());
        assertThat(window.skippedLines()).isZero();
        assertStoredSummaryIsARebuild(ledger.getFile().getParent());
    }

    private static int ownerSwitches(List<DeployRecord> records) {
        int switches = 0;
        String previous = null;
        for (DeployRecord record : records) {
            String owner = record.getMessage().orElseThrow().split("-", 2)[0];
            if (previous != null && !previous.equals(owner)) {
                switches++;
            }
            previous = owner;
        }
        System.out.println("two processes: appending process changed " + switches + " times in file order");
        return switches;
    }

    private static FileDeployLedger forced(Path directory) {
        return new FileDeployLedger(
                directory,
                Clock.fixed(LedgerAppenderProcess.STARTED, ZoneOffset.UTC),
                FileDeployLedger.Durability.FORCED);
    }
}
