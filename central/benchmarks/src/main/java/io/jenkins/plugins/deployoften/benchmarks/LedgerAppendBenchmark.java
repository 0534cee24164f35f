package io.jenkins.plugins.deployoften.benchmarks;

import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.ledger.FileDeployLedger;
import io.jenkins.plugins.deployoften.model.ledger.LedgerSummaryFile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Appending one deploy record to a ledger that already holds 1,000, 10,000 or 100,000: everything an append does
 * (encode the line, take the thread and file locks, check the last byte, write at the end, fold the line into the
 * ledger's summary and keep it, and write the summary file when it lags more than its deferral), once without the
 * {@code fsync} and once with it for reference. The ledger grows during the run. An append does not read the
 * history; the summary it folds into grows with the distinct candidates deployed, which is why the sizes differ.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class LedgerAppendBenchmark {
    /** A job directory with a ledger of {@code history} records and the record to append. */
    @State(Scope.Benchmark)
    public static class Ledger {
        @Param({"1000", "10000", "100000"})
        int history;

        Path jobDirectory;
        int next;
        FileDeployLedger buffered;
        FileDeployLedger forced;

        @Setup(Level.Trial)
        public void writeLedger() throws IOException {
            jobDirectory = TemporaryDirectory.create("append");
            DeployHistory.writeLedgerFile(jobDirectory, history, DeployHistory.Kind.MIXED);
            next = history;
            buffered = new FileDeployLedger(jobDirectory, Clock.systemUTC(), FileDeployLedger.Durability.OS_BUFFERED);
            forced = new FileDeployLedger(jobDirectory, Clock.systemUTC(), FileDeployLedger.Durability.FORCED);
            new LedgerSummaryFile(jobDirectory).loadOrRebuild(); // the summary's one rebuild, before the measurement
        }

        /** @return a successful deploy of the next build, with its own commit: each one adds to the indexes */
        DeployRecord nextRecord() {
            next++;
            return DeployRecord.builder(DeployHistory.ENVIRONMENT, DeployHistory.JOB, next)
                    .outcome(DeployOutcome.SUCCESS)
                    .startedAt(DeployHistory.NOW)
                    .duration(Duration.ofSeconds(90))
                    .commit(String.format(Locale.ROOT, "%040x", next))
                    .build();
        }

        @TearDown(Level.Trial)
        public void delete() throws IOException {
            TemporaryDirectory.delete(jobDirectory);
        }
    }

    @Benchmark
    public void appendOneRecordWithoutFsync(Ledger ledger) throws IOException {
        ledger.buffered.append(ledger.nextRecord());
    }

    @Benchmark
    public void appendOneRecordForced(Ledger ledger) throws IOException {
        ledger.forced.append(ledger.nextRecord());
    }
}
