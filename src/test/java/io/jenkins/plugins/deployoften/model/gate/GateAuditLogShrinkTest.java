package io.jenkins.plugins.deployoften.model.gate;

import static io.jenkins.plugins.deployoften.model.gate.AuditEntries.assertNoIdTwice;
import static io.jenkins.plugins.deployoften.model.gate.AuditEntries.id;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The audit file cut short under the log, as {@code > file}, {@code truncate -s} or logrotate's {@code
 * copytruncate} do: {@link GateAuditLog#readRecent} never throws and returns what the file holds, and appends go on.
 */
public class GateAuditLogShrinkTest {
    /** Fixed so a failure can be replayed; {@code -Ddeployoften.shrinkSeed=...} tries another. */
    private static final long SEED = Long.getLong("deployoften.shrinkSeed", 20260302L);

    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();

    @Test
    public void aLogEmptiedBetweenReadsReadsAsEmptyAndThenHoldsOnlyTheNewEntries() throws IOException {
        for (boolean copytruncate : new boolean[] {false, true}) {
            GateAuditLog log = new GateAuditLog(temporary.newFolder().toPath());
            List<GateAuditEntry> before = appendEntries(log, "before", 1, 20);
            assertThat(log.readRecent(100).entries()).isEqualTo(newestFirst(before));
            String version = log.version();

            if (copytruncate) {
                truncate(log.getFile(), 0);
            } else {
                Files.newOutputStream(log.getFile(), StandardOpenOption.TRUNCATE_EXISTING)
                        .close();
            }

            GateAuditRead emptied = log.readRecent(100);
            assertThat(emptied.entries()).isEmpty();
            assertThat(emptied.skippedLines()).isZero();
            assertThat(log.version()).as("version after the file was emptied").isNotEqualTo(version);
            List<GateAuditEntry> after = appendEntries(log, "after", 21, 3);
            GateAuditRead read = log.readRecent(100);
            assertThat(read.entries()).isEqualTo(newestFirst(after));
            assertThat(read.skippedLines()).isZero();
            assertThat(Files.readAllLines(log.getFile())).hasSize(3);
        }
    }

    @Test
    public void aLogCutInsideALineBetweenReadsReadsTheWholeLinesBeforeTheCutAndAppendsGoOn() throws IOException {
        GateAuditLog log = new GateAuditLog(temporary.newFolder().toPath());
        List<GateAuditEntry> entries = appendEntries(log, "e", 1, 20);
        long cut = 0;
        for (int i = 0; i < 10; i++) {
            cut += GateJson.encodeAudit(entries.get(i)).length;
        }
        // ten whole lines and half of the eleventh
        cut += GateJson.encodeAudit(entries.get(10)).length / 2;

        truncate(log.getFile(), cut);

        GateAuditRead read = log.readRecent(100);
        assertThat(read.entries()).isEqualTo(newestFirst(entries.subList(0, 10)));
        assertThat(read.skippedLines()).isEqualTo(1);
        GateAuditEntry next = AuditEntries.entry("next", 21);
        log.append(next);
        GateAuditRead afterAppend = log.readRecent(100);
        assertThat(afterAppend.entries().get(0)).isEqualTo(next);
        assertThat(afterAppend.entries().subList(1, 11)).isEqualTo(newestFirst(entries.subList(0, 10)));
        assertThat(afterAppend.skippedLines()).isEqualTo(1);
    }

    @Test(timeout = 120_000)
    public void aLogCutShortWhileItIsReadNeverMakesTheReadThrowNorReturnAnythingThatWasNotThere() throws Exception {
        System.out.println("GateAuditLogShrinkTest seed " + SEED);
        Random random = new Random(SEED);
        Path directory = temporary.newFolder("job").toPath();
        GateAuditLog log = new GateAuditLog(directory);
        // some megabytes, so a read takes many 64 KiB chunks and the cut lands between two of them
        List<GateAuditEntry> old = new ArrayList<>();
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        long[] lineStarts = new long[3_000];
        for (int i = 0; i < lineStarts.length; i++) {
            GateAuditEntry entry = AuditEntries.entry("old-" + i + " " + "x".repeat(1_000), i + 1);
            old.add(entry);
            lineStarts[i] = file.size();
            file.writeBytes(GateJson.encodeAudit(entry));
        }
        byte[] full = file.toByteArray();
        Map<String, GateAuditEntry> genuine = new HashMap<>(AuditEntries.byId(old));
        Files.write(log.getFile(), full);
        // how long a warmed-up read takes, to aim the cuts into reads (the test counts the cuts that hit)
        long readMillis = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long started = System.nanoTime();
            assertThat(log.readRecent(Integer.MAX_VALUE).entries()).isEqualTo(newestFirst(old));
            readMillis = Math.min(readMillis, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        }

        ExecutorService reader = Executors.newSingleThreadExecutor();
        AtomicBoolean reading = new AtomicBoolean();
        int cutsWhileReading = 0;
        int rounds = 0;
        try {
            for (; rounds < 40 && cutsWhileReading < 5; rounds++) {
                Files.write(log.getFile(), full);
                reading.set(false);
                Future<GateAuditRead> read = reader.submit(() -> {
                    reading.set(true);
                    try {
                        return log.readRecent(Integer.MAX_VALUE);
                    } finally {
                        reading.set(false);
                    }
                });
                while (!reading.get() && !read.isDone()) {
                    Thread.onSpinWait();
                }
                Thread.sleep(random.nextInt((int) Math.min(readMillis / 2 + 1, 1_000)));
                int kind = rounds % 3;
                boolean before = reading.get();
                int keep = random.nextInt(old.size() / 2);
                if (kind == 0) {
                    // > file
                    Files.newOutputStream(log.getFile(), StandardOpenOption.TRUNCATE_EXISTING)
                            .close();
                } else if (kind == 1) {
                    // logrotate's copytruncate
                    truncate(log.getFile(), 0);
                } else {
                    // truncate -s: cut inside a line of the first half
                    truncate(log.getFile(), lineStarts[keep] + 10);
                }
                if (before && reading.get()) {
                    cutsWhileReading++;
                }
                List<GateAuditEntry> expected;
                int expectedSkipped;
                if (kind == 2) {
                    expected = newestFirst(old.subList(0, keep));
                    expectedSkipped = 1;
                } else {
                    // the next builds append to the emptied file
                    List<GateAuditEntry> fresh = appendEntries(log, "new" + rounds, 10_000 + 10 * rounds, 3);
                    fresh.forEach(e -> genuine.put(id(e), e));
                    expected = newestFirst(fresh);
                    expectedSkipped = 0;
                }

                GateAuditRead during = read.get(60, TimeUnit.SECONDS);
                assertNoIdTwice(during.entries());
                for (GateAuditEntry entry : during.entries()) {
                    assertThat(entry)
                            .as("round %d: an entry read while the file was cut", rounds)
                            .isEqualTo(genuine.get(id(entry)));
                }
                GateAuditRead afterwards = log.readRecent(Integer.MAX_VALUE);
                assertThat(afterwards.entries())
                        .as("round %d, read after the cut", rounds)
                        .isEqualTo(expected);
                assertThat(afterwards.skippedLines()).isEqualTo(expectedSkipped);
            }
        } finally {
            reader.shutdownNow();
        }
        System.out.println("GateAuditLogShrinkTest: " + rounds + " rounds, " + cutsWhileReading
                + " cuts while a read of " + readMillis + " ms was under way");
        assertThat(cutsWhileReading)
                .as("cuts that landed while a read was under way")
                .isPositive();
    }

    private static List<GateAuditEntry> appendEntries(GateAuditLog log, String prefix, int firstBuild, int count)
            throws IOException {
        List<GateAuditEntry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            GateAuditEntry entry = AuditEntries.entry(prefix + "-" + i, firstBuild + i);
            log.append(entry);
            entries.add(entry);
        }
        return entries;
    }

    private static void truncate(Path file, long size) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(size);
        }
    }

    private static List<GateAuditEntry> newestFirst(List<GateAuditEntry> entries) {
        List<GateAuditEntry> copy = new ArrayList<>(entries);
        Collections.reverse(copy);
        return copy;
    }
}
