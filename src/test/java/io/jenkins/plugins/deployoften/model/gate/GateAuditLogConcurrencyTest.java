package io.jenkins.plugins.deployoften.model.gate;

import static io.jenkins.plugins.deployoften.model.gate.AuditEntries.assertExactlyOnce;
import static io.jenkins.plugins.deployoften.model.gate.AuditEntries.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deployoften.model.ledger.ChildJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Threads and processes appending to one audit log at once, while another thread reads it: afterwards every
 * acknowledged entry is there exactly once and equal to what was appended, no line is torn, and {@link
 * GateAuditLog#readRecent} returns the file's lines newest first. Appends are forced to disk, as in production.
 */
public class GateAuditLogConcurrencyTest {
    private static final int THREADS = 6;
    private static final int APPENDS_PER_THREAD = 250;
    private static final int APPENDS_PER_PROCESS = 500;
    /** Build numbers of thread or process {@code w} start at {@code w * BUILDS + 1}, so no two entries share one. */
    private static final int BUILDS = 100_000;

    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();

    @Test(timeout = 120_000)
    public void threadsWithSharedAndOwnLogsStoreEveryEntryExactlyOnceWhileReadersSeeConsistentPrefixes()
            throws Exception {
        Path directory = temporary.newFolder("job").toPath();
        GateAuditLog shared = new GateAuditLog(directory);
        // even threads share one instance, odd ones have their own: both must take turns on the same lock
        IntFunction<GateAuditLog> logOfThread = t -> t % 2 == 0 ? shared : new GateAuditLog(directory);
        Map<String, Integer> expectedPerWriter = new HashMap<>();
        List<GateAuditEntry> appended;

        try (ConcurrentReader reader = new ConcurrentReader(new GateAuditLog(directory))) {
            appended = appendFromThreads(logOfThread, new CountDownLatch(0));
            reader.stopAndCheck();
        }
        for (int t = 0; t < THREADS; t++) {
            expectedPerWriter.put("t" + t, APPENDS_PER_THREAD);
        }

        assertWholeExactlyOnceAndNewestFirst(new GateAuditLog(directory), appended, expectedPerWriter);
    }

    @Test(timeout = 150_000)
    public void twoProcessesAndThreadsAppendingAtOnceStoreEveryAcknowledgedEntryExactlyOnce() throws Exception {
        Path directory = temporary.newFolder("job").toPath();
        List<GateAuditEntry> appended = new ArrayList<>();
        Map<String, Integer> expectedPerWriter = new HashMap<>();
        try (ChildJvm first = appender(directory, 0);
                ChildJvm second = appender(directory, 1);
                ConcurrentReader reader = new ConcurrentReader(new GateAuditLog(directory))) {
            first.awaitLine(GateAuditAppenderProcess.READY::equals, 60_000);
            second.awaitLine(GateAuditAppenderProcess.READY::equals, 60_000);
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService threads = Executors.newSingleThreadExecutor();
            try {
                Future<List<GateAuditEntry>> fromThreads =
                        threads.submit(() -> appendFromThreads(t -> new GateAuditLog(directory), go));
                first.send("go");
                second.send("go");
                go.countDown();
                appended.addAll(fromThreads.get(110, TimeUnit.SECONDS));
            } finally {
                threads.shutdownNow();
            }
            first.awaitSuccess(110);
            second.awaitSuccess(110);
            reader.stopAndCheck();
            for (int p = 0; p < 2; p++) {
                ChildJvm child = p == 0 ? first : second;
                List<String> acknowledged = new ArrayList<>(child.output());
                assertThat(acknowledged.remove(0)).isEqualTo(GateAuditAppenderProcess.READY);
                List<String> expectedIds = new ArrayList<>();
                for (int i = 0; i < APPENDS_PER_PROCESS; i++) {
                    String id = "p" + p + "-" + i;
                    expectedIds.add(id);
                    appended.add(AuditEntries.entry(id, (THREADS + p) * BUILDS + i + 1));
                }
                assertThat(acknowledged).as("ids process p%d acknowledged", p).isEqualTo(expectedIds);
                expectedPerWriter.put("p" + p, APPENDS_PER_PROCESS);
            }
        }
        for (int t = 0; t < THREADS; t++) {
            expectedPerWriter.put("t" + t, APPENDS_PER_THREAD);
        }

        GateAuditLog log = new GateAuditLog(directory);
        List<GateAuditEntry> fileOrder = assertWholeExactlyOnceAndNewestFirst(log, appended, expectedPerWriter);
        // a process whose entries formed one block in the file never really appended at the same time as the rest
        for (String process : List.of("p0", "p1")) {
            assertThat(runs(fileOrder, process))
                    .as("blocks of consecutive lines of %s in the file", process)
                    .isGreaterThan(1);
        }
    }

    private ChildJvm appender(Path directory, int process) throws IOException {
        String prefix = "p" + process;
        return ChildJvm.start(
                GateAuditAppenderProcess.class,
                temporary.getRoot().toPath(),
                prefix,
                directory.toString(),
                prefix,
                Integer.toString((THREADS + process) * BUILDS + 1),
                Integer.toString(APPENDS_PER_PROCESS),
                GateAuditAppenderProcess.AWAIT_GO);
    }

    /** Each thread appends its entries, ids {@code t<thread>-<i>}, all threads starting together after {@code go}. */
    private static List<GateAuditEntry> appendFromThreads(IntFunction<GateAuditLog> logOfThread, CountDownLatch go)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch ready = new CountDownLatch(THREADS);
        try {
            List<Future<List<GateAuditEntry>>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                GateAuditLog log = logOfThread.apply(thread);
                Callable<List<GateAuditEntry>> appends = () -> {
                    List<GateAuditEntry> entries = new ArrayList<>();
                    ready.countDown();
                    ready.await();
                    go.await();
                    for (int i = 0; i < APPENDS_PER_THREAD; i++) {
                        GateAuditEntry entry = AuditEntries.entry("t" + thread + "-" + i, thread * BUILDS + i + 1);
                        log.append(entry);
                        entries.add(entry);
                    }
                    return entries;
                };
                done.add(pool.submit(appends));
            }
            List<GateAuditEntry> entries = new ArrayList<>();
            for (Future<List<GateAuditEntry>> thread : done) {
                entries.addAll(thread.get(100, TimeUnit.SECONDS));
            }
            return entries;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Every entry exactly once and equal to the one appended, no line skipped, one line per entry, each writer's
     * entries in its order, and {@code readRecent} with any limit the newest lines of the file in reverse.
     *
     * @return the entries in file order
     */
    private static List<GateAuditEntry> assertWholeExactlyOnceAndNewestFirst(
            GateAuditLog log, List<GateAuditEntry> appended, Map<String, Integer> expectedPerWriter)
            throws IOException {
        GateAuditRead all = log.readRecent(Integer.MAX_VALUE);
        assertThat(all.skippedLines()).as("skipped lines").isZero();
        assertExactlyOnce(all.entries(), appended);

        // the file read forwards, independently of JsonLinesFile: one whole line per entry
        byte[] bytes = Files.readAllBytes(log.getFile());
        assertThat(bytes[bytes.length - 1]).as("last byte").isEqualTo((byte) '\n');
        List<GateAuditEntry> fileOrder = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                byte[] line = Arrays.copyOfRange(bytes, start, i);
                fileOrder.add(GateJson.decodeAudit(line)
                        .orElseThrow(() -> new AssertionError("unreadable line: " + new String(line))));
                start = i + 1;
            }
        }
        assertThat(fileOrder).as("lines in the file").hasSameSizeAs(appended);
        List<GateAuditEntry> newestFirst = new ArrayList<>(fileOrder);
        Collections.reverse(newestFirst);
        assertThat(all.entries()).as("readRecent is the file newest first").isEqualTo(newestFirst);
        for (int limit : new int[] {1, 7, 100, appended.size() - 1}) {
            GateAuditRead recent = log.readRecent(limit);
            assertThat(recent.entries()).as("limit %d", limit).isEqualTo(newestFirst.subList(0, limit));
            assertThat(recent.skippedLines()).isZero();
        }
        assertWritersInOrderAndWhole(fileOrder, expectedPerWriter, true);
        return fileOrder;
    }

    /**
     * Each writer's entries appear in the order it appended them; with {@code whole}, exactly its first {@code n}
     * entries (a writer's append returns before its next begins, so its appends reach the file in order).
     */
    private static void assertWritersInOrderAndWhole(
            List<GateAuditEntry> fileOrder, Map<String, Integer> expectedPerWriter, boolean whole) {
        Map<String, Integer> next = new HashMap<>();
        for (GateAuditEntry entry : fileOrder) {
            String[] parts = id(entry).split("-", 2);
            int sequence = Integer.parseInt(parts[1]);
            assertThat(sequence)
                    .as("position of %s among its writer's entries", id(entry))
                    .isEqualTo(next.getOrDefault(parts[0], 0));
            next.put(parts[0], sequence + 1);
        }
        if (whole) {
            assertThat(next).isEqualTo(expectedPerWriter);
        }
    }

    private static int runs(List<GateAuditEntry> fileOrder, String writer) {
        int runs = 0;
        boolean inRun = false;
        for (GateAuditEntry entry : fileOrder) {
            boolean mine = id(entry).startsWith(writer + "-");
            if (mine && !inRun) {
                runs++;
            }
            inRun = mine;
        }
        System.out.println("GateAuditLogConcurrencyTest: " + writer + " appended in " + runs + " blocks");
        return runs;
    }

    /**
     * Reads the log over and over while it is appended to, with limits 1, 20 and all. Each read must not throw;
     * each entry it returns must be one a writer appended, unchanged; every writer's entries must come newest
     * first; and a read of all lines must hold a prefix of every writer's entries (an append returned before the
     * writer's next one began). The one line being appended may be seen partly written: then it is the newest line
     * and the only one skipped.
     */
    private static final class ConcurrentReader implements AutoCloseable {
        private final ExecutorService thread = Executors.newSingleThreadExecutor();
        private final AtomicBoolean stop = new AtomicBoolean();
        private final Future<int[]> reads;

        ConcurrentReader(GateAuditLog log) {
            reads = thread.submit(() -> {
                int[] counts = new int[2];
                int[] limits = {1, 20, Integer.MAX_VALUE};
                do {
                    int limit = limits[counts[0] % limits.length];
                    GateAuditRead read = log.readRecent(limit);
                    counts[0]++;
                    assertThat(read.skippedLines())
                            .as("lines skipped by a concurrent read")
                            .isLessThanOrEqualTo(1);
                    counts[1] += read.skippedLines();
                    assertThat(read.entries().size()).isLessThanOrEqualTo(limit);
                    Map<String, Integer> seen = new HashMap<>();
                    for (GateAuditEntry entry : read.entries()) {
                        String[] parts = id(entry).split("-", 2);
                        int sequence = Integer.parseInt(parts[1]);
                        int writer = parts[0].charAt(0) == 't'
                                ? Integer.parseInt(parts[0].substring(1))
                                : THREADS + Integer.parseInt(parts[0].substring(1));
                        assertThat(entry).isEqualTo(AuditEntries.entry(id(entry), writer * BUILDS + sequence + 1));
                        Integer newer = seen.put(parts[0], sequence);
                        if (newer != null) {
                            assertThat(sequence)
                                    .as("order of %s's entries", parts[0])
                                    .isLessThan(newer);
                        }
                        if (limit == Integer.MAX_VALUE && newer != null) {
                            assertThat(sequence)
                                    .as("%s's entries without a gap", parts[0])
                                    .isEqualTo(newer - 1);
                        }
                    }
                    if (limit == Integer.MAX_VALUE) {
                        assertThat(seen.values())
                                .as("the oldest entry of each writer")
                                .allMatch(s -> s == 0);
                    }
                } while (!stop.get());
                return counts;
            });
        }

        void stopAndCheck() throws Exception {
            stop.set(true);
            int[] counts = reads.get(60, TimeUnit.SECONDS);
            System.out.println("GateAuditLogConcurrencyTest: " + counts[0] + " concurrent reads, " + counts[1]
                    + " of them met a line still being written");
        }

        @Override
        public void close() {
            stop.set(true);
            thread.shutdownNow();
        }
    }
}
