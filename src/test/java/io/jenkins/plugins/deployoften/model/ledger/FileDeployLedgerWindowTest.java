package io.jenkins.plugins.deployoften.model.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.LedgerRead;
import io.jenkins.plugins.deployoften.model.MutableClock;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@link FileDeployLedger#readSince}: exactly the records {@link FileDeployLedger#readAll()} returns that started
 * in the window, in append order, whatever the recording clock did; and, with records appended in start order,
 * only the tail of the ledger is read.
 */
public class FileDeployLedgerWindowTest {
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();

    @After
    public void forgetSummaries() {
        FileDeployLedger.forgetSummariesInMemory();
    }

    private static DeployRecord record(int build, Instant started) {
        return DeployRecord.builder(build % 3 == 0 ? "staging" : "production", "folder/app", build)
                .outcome(build % 5 == 0 ? DeployOutcome.FAILURE : DeployOutcome.SUCCESS)
                .startedAt(started)
                .duration(Duration.ofSeconds(30 + build % 50))
                .build();
    }

    private FileDeployLedger ledger(String name, MutableClock clock) throws IOException {
        return new FileDeployLedger(temporary.newFolder(name).toPath(), clock, FileDeployLedger.Durability.OS_BUFFERED);
    }

    /** The brute force: every readable record that started at or after {@code from}, in append order. */
    private static List<DeployRecord> bruteForce(FileDeployLedger ledger, Instant from) throws IOException {
        return ledger.readAll().records().stream()
                .filter(r -> !r.getStartedAt().isBefore(from))
                .toList();
    }

    private static void assertWindow(FileDeployLedger ledger, Instant from, String context) throws IOException {
        assertThat(ledger.readSince(from).records())
                .as(context + ", from " + from)
                .isEqualTo(bruteForce(ledger, from));
    }

    @Test
    public void oneAppendWithTheClockSteppedBackHidesNoOlderRecordOfTheWindow() throws IOException {
        for (Duration back : List.of(Duration.ofHours(1), Duration.ofDays(2), Duration.ofDays(365))) {
            MutableClock clock = new MutableClock(NOW);
            FileDeployLedger ledger = ledger("back-" + back.toHours(), clock);
            // 48 hourly deploys up to now, each recorded a minute after it started
            for (int i = 0; i < 48; i++) {
                Instant started = NOW.minus(Duration.ofHours(48 - i));
                clock.set(started.plusSeconds(60));
                ledger.append(record(i + 1, started));
            }
            ledger.readSince(NOW); // a summary exists before the step, so the catch-up folds the stepped line
            // the controller clock steps back: one deploy started and recorded by the stepped clock
            clock.set(NOW.minus(back));
            ledger.append(record(100, NOW.minus(back)));

            for (Duration window : List.of(Duration.ofMinutes(30), Duration.ofHours(12), Duration.ofDays(3))) {
                Instant from = NOW.minus(window);
                assertWindow(ledger, from, "clock " + back + " back");
            }
            List<DeployRecord> lastHalfDay =
                    ledger.readSince(NOW.minus(Duration.ofHours(12))).records();
            assertThat(lastHalfDay).as("clock " + back + " back").hasSizeGreaterThanOrEqualTo(12);
            FileDeployLedger.forgetSummariesInMemory();
            // the same from a cold start: the summary file is read and used
            assertWindow(ledger, NOW.minus(Duration.ofHours(12)), "cold, clock " + back + " back");
        }
    }

    @Test
    public void aLateReplayOfLastWeeksRecordsIsInTheWindow() throws IOException {
        MutableClock clock = new MutableClock(NOW);
        FileDeployLedger ledger = ledger("replay", clock);
        for (int i = 0; i < 1000; i++) {
            Instant started = NOW.minus(Duration.ofMinutes(4L * (1000 - i))); // the last 2.8 days
            clock.set(started.plusSeconds(5));
            ledger.append(record(i + 1, started));
        }
        ledger.readSince(NOW);
        // a replay of 500 records of last week, appended now
        clock.set(NOW);
        for (int i = 0; i < 500; i++) {
            ledger.append(record(2000 + i, NOW.minus(Duration.ofDays(7)).plus(Duration.ofMinutes(10L * i))));
        }
        LedgerRead window = ledger.readSince(NOW.minus(Duration.ofDays(10)));
        assertThat(window.records()).hasSize(1500);
        assertThat(window.records()).isEqualTo(ledger.readAll().records());
        assertWindow(ledger, NOW.minus(Duration.ofDays(3)), "replayed now");
        assertWindow(ledger, NOW.minus(Duration.ofDays(6)), "replayed now");
    }

    @Test
    public void aReplayThatKeepsTheRecordedTimesOfLastWeekIsInTheWindow() throws IOException {
        MutableClock clock = new MutableClock(NOW);
        FileDeployLedger ledger = ledger("replay-stamped", clock);
        for (int i = 0; i < 1000; i++) {
            Instant started = NOW.minus(Duration.ofMinutes(4L * (1000 - i)));
            clock.set(started.plusSeconds(5));
            ledger.append(record(i + 1, started));
        }
        ledger.readSince(NOW);
        // the replayed lines carry the times they were first recorded, a week ago
        for (int i = 0; i < 500; i++) {
            Instant started = NOW.minus(Duration.ofDays(7)).plus(Duration.ofMinutes(10L * i));
            clock.set(started.plusSeconds(5));
            ledger.append(record(2000 + i, started));
        }
        for (Duration window :
                List.of(Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(6), Duration.ofDays(10))) {
            assertWindow(ledger, NOW.minus(window), "replay stamped last week");
        }
        assertThat(ledger.readSince(NOW.minus(Duration.ofDays(1))).records()).hasSize(360);
    }

    @Test
    public void randomOutOfOrderHistoriesWithRandomRecordedTimesReadLikeTheBruteForce() throws IOException {
        Instant t0 = Instant.parse("2024-01-01T00:00:00Z");
        for (long seed = 1; seed <= 25; seed++) {
            Random random = new Random(seed);
            MutableClock clock = new MutableClock(t0);
            FileDeployLedger ledger = ledger("random-" + seed, clock);
            Instant cursor = t0;
            List<Instant> starts = new ArrayList<>();
            int size = 100 + random.nextInt(300);
            for (int i = 0; i < size; i++) {
                Instant started;
                switch (random.nextInt(10)) {
                    case 0: // far back: up to two years
                        started = cursor.minus(Duration.ofMinutes(random.nextInt(2 * 365 * 24 * 60)));
                        break;
                    case 1: // a little back
                        started = cursor.minus(Duration.ofMinutes(random.nextInt(600)));
                        break;
                    case 2: // the same start as an earlier record
                        started = starts.isEmpty() ? cursor : starts.get(random.nextInt(starts.size()));
                        break;
                    default: // forwards
                        cursor = cursor.plus(Duration.ofMinutes(random.nextInt(240)));
                        started = cursor;
                        break;
                }
                starts.add(started);
                // the recording clock: anywhere from years back to years ahead of the start
                clock.set(started.plus(Duration.ofHours(random.nextInt(2 * 3 * 365 * 24) - 3 * 365 * 24L)));
                ledger.append(record(i + 1, started));
                if (random.nextInt(40) == 0) {
                    Files.write(
                            ledger.getFile(),
                            "not a record\n".getBytes(StandardCharsets.UTF_8),
                            StandardOpenOption.APPEND);
                }
                if (random.nextInt(25) == 0) {
                    // reads in between: the summary is caught up from there on
                    assertWindow(ledger, starts.get(random.nextInt(starts.size())), "seed " + seed + " at " + i);
                }
                if (random.nextInt(60) == 0) {
                    FileDeployLedger.forgetSummariesInMemory();
                }
            }
            List<Instant> froms = new ArrayList<>();
            for (int k = 0; k < 30; k++) {
                froms.add(starts.get(random.nextInt(starts.size())));
                froms.add(starts.get(random.nextInt(starts.size())).plusMillis(1));
            }
            froms.add(Instant.MIN);
            froms.add(Instant.MAX);
            froms.add(Instant.EPOCH);
            froms.add(cursor.plus(Duration.ofDays(1)));
            for (Instant from : froms) {
                assertWindow(ledger, from, "seed " + seed);
            }
        }
    }

    @Test
    public void anInOrderHistoryReadsOnlyTheTail() throws IOException {
        MutableClock clock = new MutableClock(NOW);
        FileDeployLedger ledger = ledger("in-order", clock);
        for (int i = 0; i < 2000; i++) {
            Instant started = NOW.minus(Duration.ofMinutes(10L * (2000 - i)));
            clock.set(started.plusSeconds(1));
            ledger.append(record(i + 1, started));
        }
        Instant from = NOW.minus(Duration.ofHours(5));
        assertThat(ledger.readSince(from).records()).hasSize(30);
        assertThat(new LedgerSummaryFile(ledger.getFile().getParent())
                        .read()
                        .orElseThrow()
                        .getDisorder())
                .isZero();

        // the first half of the ledger turned into garbage in place (same length, same last line): the summary
        // still matches, and a window read that never reaches those lines never meets them
        byte[] bytes = Files.readAllBytes(ledger.getFile());
        int half = bytes.length / 2;
        try (RandomAccessFile file = new RandomAccessFile(ledger.getFile().toFile(), "rw")) {
            for (int at = 0; at < half; at++) {
                if (bytes[at] != '\n') {
                    file.seek(at);
                    file.write('x');
                }
            }
        }
        FileDeployLedger.forgetSummariesInMemory();
        LedgerRead window = ledger.readSince(from);
        assertThat(window.skippedLines()).isZero();
        assertThat(window.records()).hasSize(30).isEqualTo(bruteForce(ledger, from));
        assertThat(ledger.readAll().skippedLines()).isGreaterThan(900);
    }

    @Test
    public void aStaleVersionOneSummaryIsRebuiltWithTheDisorder() throws IOException {
        MutableClock clock = new MutableClock(NOW);
        FileDeployLedger ledger = ledger("v1", clock);
        for (int i = 0; i < 20; i++) {
            ledger.append(record(i + 1, NOW.minus(Duration.ofHours(20 - i))));
        }
        ledger.append(record(99, NOW.minus(Duration.ofDays(30))));
        ledger.append(record(100, NOW));
        Path directory = ledger.getFile().getParent();
        LedgerSummaryFile summaries = new LedgerSummaryFile(directory);
        summaries.loadOrRebuild();
        String v2 = Files.readString(summaries.getFile());
        String v1 = v2.replaceFirst("^\\{\"v\":2,", "{\"v\":1,")
                .replaceFirst("\"latestStart\":\"[^\"]*\",", "")
                .replaceFirst("\"disorder\":\"[^\"]*\",", "");
        Files.writeString(summaries.getFile(), v1);
        FileDeployLedger.forgetSummariesInMemory();

        assertWindow(ledger, NOW.minus(Duration.ofDays(40)), "after a version 1 summary");
        LedgerSummary rebuilt = summaries.read().orElseThrow();
        assertThat(rebuilt.getDisorder()).isEqualTo(Duration.ofDays(30).minusHours(1)); // below NOW - 1h
        assertThat(rebuilt.getLatestStart()).contains(NOW);
    }

    @Test
    public void aSummaryThatIsNoPrefixOfTheLedgerIsNotUsed() throws IOException {
        MutableClock clock = new MutableClock(NOW);
        FileDeployLedger ledger = ledger("no-prefix", clock);
        for (int i = 0; i < 10; i++) {
            ledger.append(record(i + 1, NOW.minus(Duration.ofHours(10 - i))));
        }
        LedgerSummary inOrder = LedgerSummary.rebuild(new JsonLinesFile(
                ledger.getFile().getParent(), FileDeployLedger.FILE_NAME, FileDeployLedger.LOCK_FILE_NAME, false));
        assertThat(ledger.readSince(NOW.minus(Duration.ofHours(3)), inOrder))
                .map(LedgerRead::records)
                .contains(bruteForce(ledger, NOW.minus(Duration.ofHours(3))));
        // replaced by a ledger whose lines are out of start order: the old summary's disorder says nothing of it
        List<DeployRecord> records = ledger.readAll().records();
        Files.delete(ledger.getFile());
        for (int i = records.size() - 1; i >= 0; i--) {
            ledger.append(records.get(i));
        }
        assertThat(ledger.readSince(NOW.minus(Duration.ofHours(3)), inOrder)).isEmpty();
        assertWindow(ledger, NOW.minus(Duration.ofHours(3)), "replaced ledger");
    }
}
