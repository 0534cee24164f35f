package io.jenkins.plugins.deployoften.benchmarks;

import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.ledger.FileDeployLedger;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Appending one deploy record to a ledger that already holds 10,000: everything an append does (encode
 * the line, take the thread and file locks, check the last byte, write at the end), once without the
 * {@code fsync} and once with it for reference. The ledger grows during the run; an append does not read
 * the history, so its size does not matter.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class LedgerAppendBenchmark {
    private static final int HISTORY = 10_000;

    /** A job directory with a ledger of {@value #HISTORY} records and the record to append. */
    @State(Scope.Benchmark)
    public static class Ledger {
        Path jobDirectory;
        DeployRecord record;
        FileDeployLedger buffered;
        FileDeployLedger forced;

        @Setup(Level.Trial)
        public void writeLedger() throws IOException {
            List<DeployRecord> history = DeployHistory.generate(HISTORY);
            jobDirectory = TemporaryDirectory.create("append");
            DeployHistory.writeLedger(jobDirectory, history);
            record = history.get(history.size() - 1).toBuilder()
                    .startedAt(DeployHistory.NOW)
                    .build();
            buffered = new FileDeployLedger(jobDirectory, Clock.systemUTC(), FileDeployLedger.Durability.OS_BUFFERED);
            forced = new FileDeployLedger(jobDirectory, Clock.systemUTC(), FileDeployLedger.Durability.FORCED);
        }

        @TearDown(Level.Trial)
        public void delete() throws IOException {
            TemporaryDirectory.delete(jobDirectory);
        }
    }

    @Benchmark
    public void appendOneRecordWithoutFsync(Ledger ledger) throws IOException {
        ledger.buffered.append(ledger.record);
    }

    @Benchmark
    public void appendOneRecordForced(Ledger ledger) throws IOException {
        ledger.forced.append(ledger.record);
    }
}
