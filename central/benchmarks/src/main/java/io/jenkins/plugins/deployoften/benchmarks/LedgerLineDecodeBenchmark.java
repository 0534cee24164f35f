package io.jenkins.plugins.deployoften.benchmarks;

import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.ledger.InstantText;
import io.jenkins.plugins.deployoften.model.ledger.LedgerLineFormat;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Decoding the ledger lines of one statistics window, side by side in one run: the 300 lines of the
 * {@link StatisticsBenchmark} window (the {@link DeployHistory} records, each stamped with its end as an
 * append stamps it), one operation decoding all 300.
 *
 * <ul>
 *   <li>{@code treeModelDecode}: the decoder before, Jackson's tree model and {@code Instant.parse}
 *       ({@link TreeModelDecoder});
 *   <li>{@code streamingDecode}: {@link LedgerLineFormat#decode(byte[])}, Jackson's streaming parser and
 *       {@link InstantText};
 *   <li>{@code instantParse} and {@code instantTextParse}: the lines' 900 timestamps (recorded, started and
 *       commit time) read by {@link Instant#parse(CharSequence)} and by {@link InstantText#parse(CharSequence)}.
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
        value = 3,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class LedgerLineDecodeBenchmark {
    private byte[][] lines;
    private String[] timestamps;

    @Setup(Level.Trial)
    public void encodeWindow() {
        List<DeployRecord> history = DeployHistory.generate(DeployHistory.RECORDS_IN_WINDOW);
        lines = new byte[history.size()][];
        List<String> stamps = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            DeployRecord record = history.get(i);
            byte[] line = LedgerLineFormat.encode(record, record.getEndedAt());
            lines[i] = Arrays.copyOf(line, line.length - 1); // decode takes a line without its newline
            stamps.add(record.getEndedAt().toString());
            stamps.add(record.getStartedAt().toString());
            record.getCommitTime().ifPresent(time -> stamps.add(time.toString()));
        }
        timestamps = stamps.toArray(new String[0]);
        check(history);
    }

    @Benchmark
    public void treeModelDecode(Blackhole blackhole) {
        for (byte[] line : lines) {
            blackhole.consume(TreeModelDecoder.decode(line));
        }
    }

    @Benchmark
    public void streamingDecode(Blackhole blackhole) {
        for (byte[] line : lines) {
            blackhole.consume(LedgerLineFormat.decode(line));
        }
    }

    @Benchmark
    public void instantParse(Blackhole blackhole) {
        for (String timestamp : timestamps) {
            blackhole.consume(Instant.parse(timestamp));
        }
    }

    @Benchmark
    public void instantTextParse(Blackhole blackhole) {
        for (String timestamp : timestamps) {
            blackhole.consume(InstantText.parse(timestamp));
        }
    }

    /** Both decoders give back the history, and both parsers the same instants, before anything is timed. */
    private void check(List<DeployRecord> history) {
        for (int i = 0; i < lines.length; i++) {
            DeployRecord record = history.get(i);
            Optional<TreeModelDecoder.Decoded> before = TreeModelDecoder.decode(lines[i]);
            Optional<LedgerLineFormat.Line> now = LedgerLineFormat.decode(lines[i]);
            if (before.isEmpty()
                    || now.isEmpty()
                    || !before.get().record().equals(record)
                    || !now.get().getRecord().equals(record)
                    || !before.get().recordedAt().equals(record.getEndedAt())
                    || !now.get().getRecordedAt().equals(record.getEndedAt())) {
                throw new IllegalStateException(
                        "the decoders disagree on line " + new String(lines[i], StandardCharsets.UTF_8));
            }
        }
        for (String timestamp : timestamps) {
            if (!Instant.parse(timestamp).equals(InstantText.parse(timestamp))) {
                throw new IllegalStateException("the parsers disagree on " + timestamp);
            }
        }
        System.out.println();
        System.out.println("# " + lines.length + " lines of "
                + Arrays.stream(lines).mapToInt(l -> l.length).sum() / lines.length + " bytes on average, "
                + timestamps.length + " timestamps; both decoders agree");
    }
}
