package io.jenkins.plugins.deployoften.benchmarks;

import io.jenkins.plugins.deployoften.model.DeployLedger;
import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.DeployStatistics;
import io.jenkins.plugins.deployoften.model.deploy.EnvironmentStatus;
import io.jenkins.plugins.deployoften.model.gate.CandidateIdentity;
import io.jenkins.plugins.deployoften.model.gate.GateAuditLog;
import io.jenkins.plugins.deployoften.model.gate.GateDecision;
import io.jenkins.plugins.deployoften.model.gate.GatePolicy;
import io.jenkins.plugins.deployoften.model.gate.GateRule;
import io.jenkins.plugins.deployoften.model.ledger.FileDeployLedger;
import io.jenkins.plugins.deployoften.model.ledger.LedgerLineFormat;
import io.jenkins.plugins.deployoften.model.ledger.LedgerSummaryFile;
import io.jenkins.plugins.deployoften.model.ledger.SummariesInMemory;
import io.jenkins.plugins.deployoften.model.view.DeployHealthView;
import io.jenkins.plugins.deployoften.ui.BadgeWords;
import io.jenkins.plugins.deployoften.ui.HealthServicePage;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
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
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * What one job's reads cost as its history grows from 1,000 to 1,000,000 records (issue 10: the ratio of 1M to 1k
 * should be at most 1.5), on a {@link FileDeployLedger} written once per fork (the {@link DeployHistory} history:
 * the 12-week window always holds the same {@value DeployHistory#RECORDS_IN_WINDOW} records, a longer history only
 * reaches further back; 450 MB at 1,000,000 records, deleted in the tear-down):
 *
 * <ul>
 *   <li>{@code statistics}: {@code DeployStatistics.compute(ledger, production, now, 12)};
 *   <li>{@code statisticsAlwaysGreen}: the same on a history in which every deploy succeeded, so the current
 *       streak reaches back through the whole history;
 *   <li>{@code gateCandidateDeployed} and {@code gateCandidateNeverDeployed}: the release gate with the default
 *       policy (as {@link GateCandidateBenchmark}) for a candidate deployed successfully inside the window and for
 *       one never deployed;
 *   <li>{@code badgeCold}: one job's frequency badge computed afresh by the plugin's {@code DeployHealthService}
 *       with an empty cache ({@link HealthServicePage});
 *   <li>{@code environmentStatus}: {@code EnvironmentStatus.of(ledger, production, now)};
 *   <li>{@code firstReadAfterRestart}: {@code statistics} right after the ledger summaries kept in memory were
 *       forgotten, as after a controller restart: the summary file is read and decoded (it is on disk and in the
 *       operating system's page cache).
 *   <li>{@code windowBytes}: the floor the statistics are held to (issue 10: within 10 times of it): the window's
 *       ledger lines (those that start in it) read from the operating system's page cache into a
 *       buffer, the file opened and closed as every read does, nothing decoded.
 * </ul>
 *
 * <p><b>Steady state.</b> The ledger summary (a cache of the ledger in {@code deployoften-ledger.summary.json} and
 * in memory) is built in the setup, by one read before the checks, so every benchmark but {@code
 * firstReadAfterRestart} measures reads with the summary current and in memory, as on a running controller. The
 * tear-down checks that no measured call rewrote the summary file (a read that finds it current never does), so no
 * benchmark silently measured a rebuild (JMH then prints a failure; {@code history-rounds.sh} sets such a fork's
 * results aside).
 *
 * <p><b>Checks.</b> Each fork's setup checks once that the benchmark it runs answers what the generated history
 * implies: the same answer as that history read through the ledger interface's default scans ({@link
 * GeneratedHistory}, no file, no summary), plus what the history says outright (the window's 300 records, a streak
 * of every record when every deploy succeeded, the deployed candidate passing CANDIDATE_PRACTISED and the other
 * failing it, an environment whose last attempt and current build are the history's).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class HistoryScalingBenchmark {
    private static final GatePolicy POLICY = GatePolicy.defaults();

    /** The mixed history (about 85% successful), written and its summary built. */
    @State(Scope.Benchmark)
    public static class Mixed {
        @Param({"1000", "10000", "100000", "1000000"})
        int records;

        Path directory;
        FileDeployLedger ledger;
        GeneratedHistory reference;
        GateAuditLog audit;
        CandidateIdentity deployedInWindow;
        CandidateIdentity neverDeployed;
        /** Where the window's first line starts in the ledger file, and the buffer its lines are read into. */
        long windowOffset;

        ByteBuffer windowBuffer;

        private String summaryStamp;

        @Setup(Level.Trial)
        public void writeLedger(BenchmarkParams params) throws IOException {
            directory = TemporaryDirectory.create("history-scaling");
            try {
                reference = new GeneratedHistory(records, DeployHistory.Kind.MIXED);
                ledger = Ledgers.write(directory, records, DeployHistory.Kind.MIXED);
                audit = new GateAuditLog(directory);
                neverDeployed = CandidateIdentity.ofBuild(records + 1)
                        .withCommit("0000000000000000000000000000000000000000")
                        .withArtifactFingerprint("ffffffffffffffffffffffffffffffff");
                deployedInWindow = successInWindow(reference);
                long started = System.nanoTime();
                check(Ledgers.benchmarkOf(params));
                Ledgers.report(records, "checked against the generated history", started);
                Ledgers.reportHeap();
                summaryStamp = Ledgers.summaryStamp(directory);
            } catch (IOException | RuntimeException e) {
                delete(); // JMH skips the tear-down when the setup fails
                throw e;
            }
        }

        /** @return the first successful deploy of the window's second half: deployed, but not the newest */
        private static CandidateIdentity successInWindow(GeneratedHistory history) {
            for (int i = history.size() - DeployHistory.RECORDS_IN_WINDOW / 2; i < history.size(); i++) {
                DeployRecord record = history.record(i);
                if (record.getOutcome() == DeployOutcome.SUCCESS) {
                    return CandidateIdentity.ofBuild(record.getBuildNumber())
                            .withCommit(record.getCommit().orElseThrow())
                            .withArtifactFingerprint(
                                    record.getArtifactFingerprint().orElseThrow());
                }
            }
            throw new IllegalStateException("no successful deploy in the window's second half");
        }

        private void check(String benchmark) throws IOException {
            switch (benchmark) {
                case "statistics":
                    Checks.statistics(WindowStatistics.of(ledger), reference);
                    break;
                case "firstReadAfterRestart":
                    SummariesInMemory.forget();
                    Checks.statistics(WindowStatistics.of(ledger), reference);
                    break;
                case "gateCandidateDeployed":
                    Checks.gate(evaluate(ledger, deployedInWindow), evaluate(reference, deployedInWindow), true);
                    break;
                case "gateCandidateNeverDeployed":
                    Checks.gate(evaluate(ledger, neverDeployed), evaluate(reference, neverDeployed), false);
                    break;
                case "badgeCold":
                    Checks.badge(freshHealth(this), reference);
                    break;
                case "windowBytes":
                    windowOffset = windowOffset(
                            ledger.getFile(),
                            reference
                                    .readSince(DeployHistory.WINDOW_START)
                                    .records()
                                    .size());
                    windowBuffer = ByteBuffer.allocate(Math.toIntExact(Files.size(ledger.getFile()) - windowOffset));
                    System.out.printf(
                            "window: %,d bytes of the ledger's %,d%n",
                            windowBuffer.capacity(), Files.size(ledger.getFile()));
                    break;
                case "environmentStatus":
                    Checks.environmentStatus(
                            EnvironmentStatus.of(ledger, DeployHistory.ENVIRONMENT_NAME, DeployHistory.NOW), reference);
                    break;
                default:
                    throw new IllegalStateException("no check for the benchmark " + benchmark);
            }
        }

        /**
         * @return the offset of the window's first line: the line after the newest one that starts before the window,
         *     checked to leave exactly the window's records after it
         */
        private static long windowOffset(Path file, int recordsInWindow) throws IOException {
            try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
                long lineEnd = in.length() - 1; // the last line's newline
                int linesInWindow = 0;
                while (lineEnd > 0) {
                    long lineStart = lineStartBefore(in, lineEnd);
                    if (startOf(in, lineStart).isBefore(DeployHistory.WINDOW_START)) {
                        if (linesInWindow != recordsInWindow) {
                            throw new IllegalStateException(linesInWindow + " ledger lines start in the window, the"
                                    + " generated history has " + recordsInWindow);
                        }
                        return lineEnd + 1;
                    }
                    linesInWindow++;
                    lineEnd = lineStart - 1;
                }
                throw new IllegalStateException("no ledger line starts before the window");
            }
        }

        private static long lineStartBefore(RandomAccessFile in, long newline) throws IOException {
            long position = newline;
            while (position > 0) {
                in.seek(position - 1);
                if (in.read() == '\n') {
                    break;
                }
                position--;
            }
            return position;
        }

        private static Instant startOf(RandomAccessFile in, long offset) throws IOException {
            in.seek(offset);
            byte[] line = in.readLine().getBytes(StandardCharsets.ISO_8859_1);
            return LedgerLineFormat.decode(line)
                    .orElseThrow(() -> new IllegalStateException("unreadable ledger line at " + offset))
                    .getRecord()
                    .getStartedAt();
        }

        @TearDown(Level.Trial)
        public void checkAndDelete() throws IOException {
            try {
                Ledgers.checkSummaryUnchanged(directory, summaryStamp);
            } finally {
                delete();
            }
        }

        void delete() throws IOException {
            TemporaryDirectory.delete(directory);
        }
    }

    /** The same records, every deploy successful, written and its summary built. */
    @State(Scope.Benchmark)
    public static class AlwaysGreen {
        @Param({"1000", "10000", "100000", "1000000"})
        int records;

        Path directory;
        FileDeployLedger ledger;
        private String summaryStamp;

        @Setup(Level.Trial)
        public void writeLedger() throws IOException {
            directory = TemporaryDirectory.create("history-scaling-green");
            try {
                GeneratedHistory reference = new GeneratedHistory(records, DeployHistory.Kind.ALWAYS_GREEN);
                ledger = Ledgers.write(directory, records, DeployHistory.Kind.ALWAYS_GREEN);
                long started = System.nanoTime();
                DeployStatistics statistics = WindowStatistics.of(ledger);
                Checks.statistics(statistics, reference);
                if (statistics.getStreak().getLength() != records
                        || statistics.getStreak().getOutcome().orElse(null) != DeployOutcome.SUCCESS) {
                    throw new IllegalStateException("every deploy succeeded, so the streak must be " + records
                            + " x SUCCESS, is " + statistics.getStreak());
                }
                Ledgers.report(records, "checked against the generated history", started);
                Ledgers.reportHeap();
                summaryStamp = Ledgers.summaryStamp(directory);
            } catch (IOException | RuntimeException e) {
                delete(); // JMH skips the tear-down when the setup fails
                throw e;
            }
        }

        @TearDown(Level.Trial)
        public void checkAndDelete() throws IOException {
            try {
                Ledgers.checkSummaryUnchanged(directory, summaryStamp);
            } finally {
                delete();
            }
        }

        void delete() throws IOException {
            TemporaryDirectory.delete(directory);
        }
    }

    /**
     * Before each call of {@code firstReadAfterRestart}: forgets the summaries kept in memory. A per-invocation
     * set-up, so JMH's timer brackets each call alone; for calls well under a millisecond that adds some overhead
     * of its own to the figure (see JMH's {@code Level.Invocation}).
     */
    @State(Scope.Benchmark)
    public static class Restarted {
        @Setup(Level.Invocation)
        public void forgetSummaries() {
            SummariesInMemory.forget();
        }
    }

    static GateDecision evaluate(DeployLedger ledger, CandidateIdentity candidate) throws IOException {
        return POLICY.evaluate(ledger, DeployHistory.ENVIRONMENT_NAME, candidate, DeployHistory.NOW, Optional.empty());
    }

    static DeployHealthView freshHealth(Mixed history) throws IOException {
        return new HealthServicePage(Clock.fixed(DeployHistory.NOW, ZoneOffset.UTC))
                .healthOf(DeployHistory.JOB, history.ledger, history.audit);
    }

    @Benchmark
    public DeployStatistics statistics(Mixed history) throws IOException {
        return WindowStatistics.of(history.ledger);
    }

    /** The statistics' floor: the window's lines read, as bytes, from the page cache. */
    @Benchmark
    public int windowBytes(Mixed history) throws IOException {
        ByteBuffer into = history.windowBuffer.clear();
        try (FileChannel channel = FileChannel.open(history.ledger.getFile(), StandardOpenOption.READ)) {
            while (into.hasRemaining() && channel.read(into, history.windowOffset + into.position()) >= 0) {
                // reads until the buffer holds the window
            }
        }
        return into.position();
    }

    @Benchmark
    public DeployStatistics statisticsAlwaysGreen(AlwaysGreen history) throws IOException {
        return WindowStatistics.of(history.ledger);
    }

    @Benchmark
    public GateDecision gateCandidateDeployed(Mixed history) throws IOException {
        return evaluate(history.ledger, history.deployedInWindow);
    }

    @Benchmark
    public GateDecision gateCandidateNeverDeployed(Mixed history) throws IOException {
        return evaluate(history.ledger, history.neverDeployed);
    }

    @Benchmark
    public String badgeCold(Mixed history) throws IOException {
        return freshHealth(history)
                .badge("frequency", BadgeWords.forRequest())
                .orElseThrow()
                .svg();
    }

    @Benchmark
    public EnvironmentStatus environmentStatus(Mixed history) throws IOException {
        return EnvironmentStatus.of(history.ledger, DeployHistory.ENVIRONMENT_NAME, DeployHistory.NOW);
    }

    @Benchmark
    public DeployStatistics firstReadAfterRestart(Mixed history, Restarted restarted) throws IOException {
        return WindowStatistics.of(history.ledger);
    }

    /** Writing a fork's ledger and building its summary, with what that took. */
    static final class Ledgers {
        private Ledgers() {}

        static FileDeployLedger write(Path directory, int records, DeployHistory.Kind kind) throws IOException {
            long started = System.nanoTime();
            FileDeployLedger ledger = DeployHistory.writeLedgerFile(directory, records, kind);
            System.out.println();
            report(records, kind + " ledger of " + Files.size(ledger.getFile()) / 1_000_000 + " MB written", started);
            started = System.nanoTime();
            WindowStatistics.of(ledger); // the first read builds the summary, writes its file and keeps it in memory
            Path summary = directory.resolve(LedgerSummaryFile.FILE_NAME);
            if (!Files.exists(summary)) {
                throw new IllegalStateException("the first read did not write the summary " + summary);
            }
            report(records, "summary of " + Files.size(summary) / 1_000 + " kB built by the first read", started);
            return ledger;
        }

        /**
         * Checks that the summary file matches the ledger, so a read after a restart decodes it and uses it as it is
         * (rather than rebuilding it from the ledger).
         */
        static void checkSummaryFileCurrent(Path directory) throws IOException {
            LedgerSummaryFile.State found =
                    new LedgerSummaryFile(directory).loadOrRebuild().found();
            if (found != LedgerSummaryFile.State.CURRENT) {
                throw new IllegalStateException("the summary file in " + directory + " was " + found + ", not current");
            }
        }

        /** @return the summary file's identity, modification time and size */
        static String summaryStamp(Path directory) throws IOException {
            BasicFileAttributes attributes =
                    Files.readAttributes(directory.resolve(LedgerSummaryFile.FILE_NAME), BasicFileAttributes.class);
            return attributes.fileKey() + " " + attributes.lastModifiedTime() + " " + attributes.size();
        }

        /**
         * Checks that no measured call rewrote the summary file: a read that finds the summary current uses it as it
         * is, so a rewrite means the benchmark measured a rebuild or a catch-up, not the steady state (or, for
         * {@code firstReadAfterRestart}, not a read of the summary file as it is).
         */
        static void checkSummaryUnchanged(Path directory, String stamp) throws IOException {
            if (stamp != null && !stamp.equals(summaryStamp(directory))) {
                throw new IllegalStateException("the summary file in " + directory + " was rewritten during the"
                        + " measurement (" + stamp + " became " + summaryStamp(directory) + ")");
            }
        }

        /** @return the name of the benchmark method the fork runs */
        static String benchmarkOf(BenchmarkParams params) {
            String benchmark = params.getBenchmark();
            return benchmark.substring(benchmark.lastIndexOf('.') + 1);
        }

        static void report(int records, String what, long startedNanos) {
            System.out.printf(
                    Locale.ROOT,
                    "# %,d records: %s in %.1f s%n",
                    records,
                    what,
                    (System.nanoTime() - startedNanos) / 1e9);
        }

        static void reportHeap() {
            Runtime runtime = Runtime.getRuntime();
            System.gc();
            System.out.printf(
                    Locale.ROOT,
                    "# heap in use after the setup (after a GC): %,d MB of %,d MB%n",
                    (runtime.totalMemory() - runtime.freeMemory()) / 1_000_000,
                    runtime.maxMemory() / 1_000_000);
        }
    }

    /** What the generated history implies, compared with what a benchmark's path answers. */
    static final class Checks {
        private Checks() {}

        static void statistics(DeployStatistics actual, GeneratedHistory reference) throws IOException {
            int inWindow =
                    reference.readSince(DeployHistory.WINDOW_START).records().size();
            if (inWindow != DeployHistory.RECORDS_IN_WINDOW) {
                throw new IllegalStateException(
                        "the window must hold " + DeployHistory.RECORDS_IN_WINDOW + " records, holds " + inWindow);
            }
            DeployStatistics expected = WindowStatistics.of(reference);
            if (!expected.equals(actual)) {
                throw new IllegalStateException(
                        "the ledger computes different statistics: " + actual + ", expected " + expected);
            }
            int counted = actual.getSuccessful() + actual.getFailed() + actual.getAborted() + actual.getSkipped();
            if (counted != DeployHistory.RECORDS_IN_WINDOW) {
                throw new IllegalStateException("the statistics count " + counted + " deploys in the window");
            }
        }

        static void gate(GateDecision actual, GateDecision expected, boolean practised) {
            boolean failed = actual.failedRules().contains(GateRule.CANDIDATE_PRACTISED);
            if (!actual.equals(expected) || failed == practised) {
                throw new IllegalStateException("the gate decides " + actual + ", the generated history implies "
                        + expected + " with CANDIDATE_PRACTISED " + (practised ? "passing" : "failing"));
            }
        }

        static void badge(DeployHealthView actual, GeneratedHistory reference) throws IOException {
            DeployStatistics expected = WindowStatistics.of(reference);
            String expectedSvg = DeployHealthView.of(expected, Optional.empty())
                    .badge("frequency", BadgeWords.forRequest())
                    .orElseThrow()
                    .svg();
            if (!actual.getStatistics().equals(expected)
                    || !actual.badge("frequency", BadgeWords.forRequest())
                            .orElseThrow()
                            .svg()
                            .equals(expectedSvg)) {
                throw new IllegalStateException("the badge's health differs from the generated history's: "
                        + actual.getStatistics() + ", expected " + expected);
            }
        }

        static void environmentStatus(EnvironmentStatus actual, GeneratedHistory reference) throws IOException {
            EnvironmentStatus expected =
                    EnvironmentStatus.of(reference, DeployHistory.ENVIRONMENT_NAME, DeployHistory.NOW);
            DeployRecord newest = reference
                    .findLast(r -> r.getOutcome() != DeployOutcome.SKIPPED)
                    .orElseThrow();
            if (actual.getCurrent().isEmpty()
                    || !Objects.equals(actual.getCurrent(), expected.getCurrent())
                    || !Objects.equals(actual.getLastAttempt(), expected.getLastAttempt())
                    || !actual.getLastAttempt().orElseThrow().equals(newest)) {
                throw new IllegalStateException("the environment's status differs from the generated history's: "
                        + actual.getCurrent() + " / " + actual.getLastAttempt() + ", expected "
                        + expected.getCurrent() + " / " + expected.getLastAttempt());
            }
        }
    }
}
