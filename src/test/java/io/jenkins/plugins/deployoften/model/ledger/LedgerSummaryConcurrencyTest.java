package io.jenkins.plugins.deployoften.model.ledger;

import static io.jenkins.plugins.deployoften.model.ledger.LedgerAssertions.assertExactlyOnce;
import static io.jenkins.plugins.deployoften.model.ledger.LedgerAssertions.assertStoredSummaryIsARebuild;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deployoften.model.LedgerRead;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Two processes and several threads of this one appending to one ledger at once, while other threads read its
 * summary: afterwards the stored summary is what a rebuild would write, and every summary a reader was given
 * equals a rebuild of the ledger as it was at that summary's position.
 */
public class LedgerSummaryConcurrencyTest {
    private static final int PROCESSES = 2;
    private static final int APPENDS_PER_PROCESS = 300;
    private static final int THREADS = 4;
    private static final int APPENDS_PER_THREAD = 150;
    private static final int READERS = 2;

    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();

    @Test(timeout = 180_000)
    public void processesAndThreadsAppendingAtOnceLeaveTheSummaryOfARebuild() throws Exception {
        Path directory = temporary.newFolder("job").toPath();
        List<String> ids = new ArrayList<>();
        List<ChildJvm> children = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS + READERS);
        AtomicBoolean appending = new AtomicBoolean(true);
        Map<LedgerSummary.Position, LedgerSummary> seen = new LinkedHashMap<>();
        try {
            for (int p = 0; p < PROCESSES; p++) {
                children.add(ChildJvm.start(
                        LedgerAppenderProcess.class,
                        temporary.getRoot().toPath(),
                        "p" + p,
                        directory.toString(),
                        "p" + p,
                        Integer.toString(APPENDS_PER_PROCESS),
                        FileDeployLedger.Durability.FORCED.name(),
                        LedgerAppenderProcess.AWAIT_GO));
                for (int i = 0; i < APPENDS_PER_PROCESS; i++) {
                    ids.add("p" + p + "-" + i);
                }
            }
            for (ChildJvm child : children) {
                child.awaitLine(LedgerAppenderProcess.READY::equals, 60_000);
            }
            CyclicBarrier start = new CyclicBarrier(THREADS + 1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                FileDeployLedger ledger = forced(directory);
                Callable<Void> appends = () -> {
                    start.await();
                    for (int i = 0; i < APPENDS_PER_THREAD; i++) {
                        ledger.append(LedgerAppenderProcess.record("t" + thread + "-" + i, thread * 1000 + i + 1));
                    }
                    return null;
                };
                done.add(pool.submit(appends));
                for (int i = 0; i < APPENDS_PER_THREAD; i++) {
                    ids.add("t" + thread + "-" + i);
                }
            }
            List<Future<?>> reading = new ArrayList<>();
            for (int r = 0; r < READERS; r++) {
                FileDeployLedger ledger = forced(directory);
                Callable<Void> reads = () -> {
                    while (appending.get()) {
                        Optional<LedgerSummary> summary = ledger.currentSummary();
                        assertThat(summary).isPresent();
                        synchronized (seen) {
                            seen.putIfAbsent(summary.get().getPosition(), summary.get());
                        }
                    }
                    return null;
                };
                reading.add(pool.submit(reads));
            }
            for (ChildJvm child : children) {
                child.send("go");
            }
            start.await();
            for (Future<?> thread : done) {
                thread.get(150, TimeUnit.SECONDS);
            }
            for (ChildJvm child : children) {
                child.awaitSuccess(150);
            }
            appending.set(false);
            for (Future<?> reader : reading) {
                reader.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
            children.forEach(ChildJvm::close);
        }

        LedgerRead read = forced(directory).readAll();
        assertThat(read.skippedLines()).isZero();
        assertExactlyOnce(read.records(), ids);
        assertThat(assertStoredSummaryIsARebuild(directory).getRecords()).isEqualTo(ids.size());

        // every summary a reader saw was the rebuild of the ledger's prefix it claims (the ledger only grew)
        byte[] ledger = Files.readAllBytes(directory.resolve(FileDeployLedger.FILE_NAME));
        Path prefixes = temporary.newFolder("prefixes").toPath();
        List<LedgerSummary> sample = new ArrayList<>(seen.values());
        int step = Math.max(1, sample.size() / 25);
        for (int i = 0; i < sample.size(); i += step) {
            LedgerSummary summary = sample.get(i);
            Path prefix = prefixes.resolve("prefix-" + i);
            Files.write(
                    prefix, Arrays.copyOf(ledger, (int) summary.getPosition().length()));
            assertThat(summary)
                    .as("summary read at %s", summary.getPosition())
                    .isEqualTo(LedgerSummaryFile.scan(prefix));
        }
        System.out.println("LedgerSummaryConcurrencyTest: readers saw " + seen.size() + " summaries, "
                + (sample.size() + step - 1) / step + " checked against a rebuild of their prefix");
        assertThat(seen).as("summaries the readers saw").isNotEmpty();
    }

    private static FileDeployLedger forced(Path directory) {
        return new FileDeployLedger(
                directory,
                Clock.fixed(LedgerAppenderProcess.STARTED, ZoneOffset.UTC),
                FileDeployLedger.Durability.FORCED);
    }
}
