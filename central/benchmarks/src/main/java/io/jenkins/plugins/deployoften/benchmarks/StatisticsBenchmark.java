package io.jenkins.plugins.deployoften.benchmarks;

import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.DeployStatistics;
import io.jenkins.plugins.deployoften.model.ledger.FileDeployLedger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The dashboard statistics of one environment for a 12-week window, for a job with 1,000 to 1,000,000 deploys
 * in its history, computed two ways:
 *
 * <ul>
 *   <li>{@code statisticsFromLedger}: from the job's deploy ledger, which answers from its summary (the {@code
 *       DeployLedger.digest} port) once the summary is current: no ledger line is decoded;
 *   <li>{@code statisticsFromBuildsNewestFirst}, the honest per-build baseline: the build numbers are listed
 *       and sorted once in the setup (Jenkins' {@code RunMap} keeps them in memory and loads builds lazily);
 *       each operation then loads {@code build.xml} files with XStream newest first, as Jenkins'
 *       {@code RunList} walks back to a date, and stops at the first build whose deploy started before the
 *       window. Not run at 1,000,000 (a million build directories).
 * </ul>
 *
 * And {@code statisticsFromLedgerAlwaysGreen}: the ledger path for an environment that never failed, whose
 * current streak is the whole history (the records' way reads the whole history for it).
 *
 * The window always holds {@value DeployHistory#RECORDS_IN_WINDOW} records; only the history behind it
 * grows. Both hand their records to the same {@code DeployStatistics.compute}, and each setup checks that
 * the path it prepares computes the same statistics as the generated history (at 1,000,000 records, which do not
 * fit the heap, as the 1,000-record history with the same window, and as the ledger's records read one by one).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// the packages Jenkins' war opens to XStream (Add-Opens in its manifest)
@Fork(
        value = 1,
        jvmArgsAppend = {
            "-Xms1g",
            "-Xmx1g",
            "--add-opens",
            "java.base/java.lang=ALL-UNNAMED",
            "--add-opens",
            "java.base/java.io=ALL-UNNAMED",
            "--add-opens",
            "java.base/java.util=ALL-UNNAMED"
        })
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class StatisticsBenchmark {

    /** A job directory holding a ledger of {@code records} deploys. */
    @State(Scope.Benchmark)
    public static class LedgerHistory {
        @Param({"1000", "10000", "100000", "1000000"})
        int records;

        Path jobDirectory;
        FileDeployLedger ledger;

        boolean kept;

        @Setup(Level.Trial)
        public void writeLedger() throws IOException {
            Optional<Path> keep = keptLedger("mixed-" + records);
            kept = keep.isPresent();
            jobDirectory = kept ? keep.get() : TemporaryDirectory.create("ledger");
            try {
                boolean written = kept && Files.exists(jobDirectory.resolve(FileDeployLedger.FILE_NAME));
                if (records <= IN_MEMORY) {
                    List<DeployRecord> history = DeployHistory.generate(records);
                    ledger = written
                            ? DeployHistory.ledgerIn(jobDirectory)
                            : DeployHistory.writeLedger(jobDirectory, history);
                    Sanity.check(history, WindowStatistics.of(ledger), "ledger");
                } else {
                    ledger = written
                            ? DeployHistory.ledgerIn(jobDirectory)
                            : DeployHistory.writeLedger(jobDirectory, records, false);
                    Sanity.checkLarge(ledger, records, false);
                }
            } catch (IOException | RuntimeException e) {
                delete(); // JMH skips the tear-down when the setup fails
                throw e;
            }
            Sanity.report(
                    records, "ledger of " + Files.size(ledger.getFile()) / 1024 + " KiB", WindowStatistics.of(ledger));
        }

        @TearDown(Level.Trial)
        public void delete() throws IOException {
            if (!kept) {
                TemporaryDirectory.delete(jobDirectory);
            }
        }
    }

    /**
     * Where a ledger is kept between forks when the system property {@code deployoften.ledgers} names a directory
     * (so a 1,000,000-record ledger is written once, and forks of different sizes can run close together); the
     * ledger is written there by the first fork and used as it is by the others, its summary too.
     */
    static Optional<Path> keptLedger(String name) throws IOException {
        String directory = System.getProperty("deployoften.ledgers");
        if (directory == null || directory.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(Files.createDirectories(Path.of(directory, name)));
    }

    /** The largest history a setup generates in memory; larger ones are written one record at a time. */
    static final int IN_MEMORY = 100_000;

    /** A job directory holding a ledger of {@code records} successful deploys, and nothing else. */
    @State(Scope.Benchmark)
    public static class AlwaysGreenLedgerHistory {
        @Param({"1000", "100000", "1000000"})
        int records;

        Path jobDirectory;
        FileDeployLedger ledger;

        boolean kept;

        @Setup(Level.Trial)
        public void writeLedger() throws IOException {
            Optional<Path> keep = keptLedger("green-" + records);
            kept = keep.isPresent();
            jobDirectory = kept ? keep.get() : TemporaryDirectory.create("green");
            try {
                boolean written = kept && Files.exists(jobDirectory.resolve(FileDeployLedger.FILE_NAME));
                if (records <= IN_MEMORY) {
                    List<DeployRecord> history = DeployHistory.generateAlwaysGreen(records);
                    ledger = written
                            ? DeployHistory.ledgerIn(jobDirectory)
                            : DeployHistory.writeLedger(jobDirectory, history);
                    Sanity.check(history, WindowStatistics.of(ledger), "always-green ledger");
                } else {
                    ledger = written
                            ? DeployHistory.ledgerIn(jobDirectory)
                            : DeployHistory.writeLedger(jobDirectory, records, true);
                    Sanity.checkLarge(ledger, records, true);
                }
                Sanity.checkStreak(WindowStatistics.of(ledger), records);
            } catch (IOException | RuntimeException e) {
                delete(); // JMH skips the tear-down when the setup fails
                throw e;
            }
            Sanity.report(
                    records,
                    "always-green ledger of " + Files.size(ledger.getFile()) / 1024 + " KiB",
                    WindowStatistics.of(ledger));
        }

        @TearDown(Level.Trial)
        public void delete() throws IOException {
            if (!kept) {
                TemporaryDirectory.delete(jobDirectory);
            }
        }
    }

    /**
     * A job directory holding {@code builds/N/build.xml} for {@code records} builds, one deploy each, and its
     * build numbers, listed once.
     */
    @State(Scope.Benchmark)
    public static class BuildXmlHistory {
        @Param({"1000", "10000", "100000"})
        int records;

        Path jobDirectory;
        BuildDirectories builds;
        int[] buildNumbersNewestFirst;

        @Setup(Level.Trial)
        public void writeBuilds() throws IOException {
            List<DeployRecord> history = DeployHistory.generate(records);
            jobDirectory = TemporaryDirectory.create("builds");
            builds = new BuildDirectories(jobDirectory.resolve("builds"));
            try {
                builds.write(history);
                buildNumbersNewestFirst = builds.listBuildNumbersNewestFirst();
                if (buildNumbersNewestFirst.length != records) {
                    throw new IllegalStateException(
                            "listed " + buildNumbersNewestFirst.length + " builds, wrote " + records);
                }
                Sanity.check(history, newestFirstBackToWindow(), "builds newest first back to the window");
            } catch (IOException | RuntimeException e) {
                delete(); // JMH skips the tear-down when the setup fails
                throw e;
            }
            Sanity.report(
                    records,
                    "build.xml files of " + builds.averageSize() + " bytes on average",
                    newestFirstBackToWindow());
        }

        Object newestFirstBackToWindow() throws IOException {
            return WindowStatistics.of(new InMemoryLedger(
                    builds.readBuildsNewestFirstBackTo(buildNumbersNewestFirst, DeployHistory.WINDOW_START)));
        }

        @TearDown(Level.Trial)
        public void delete() throws IOException {
            TemporaryDirectory.delete(jobDirectory);
        }
    }

    @Benchmark
    public Object statisticsFromLedger(LedgerHistory history) throws IOException {
        return WindowStatistics.of(history.ledger);
    }

    @Benchmark
    public Object statisticsFromBuildsNewestFirst(BuildXmlHistory history) throws IOException {
        return history.newestFirstBackToWindow();
    }

    @Benchmark
    public Object statisticsFromLedgerAlwaysGreen(AlwaysGreenLedgerHistory history) throws IOException {
        return WindowStatistics.of(history.ledger);
    }

    /**
     * The part of {@code statisticsFromLedger} that makes sure the summary is current (the summary kept in memory,
     * checked against the ledger's length and last line) and hands out its digest, without the statistics.
     */
    @Benchmark
    public Object summaryDigestOnly(LedgerHistory history) throws IOException {
        return history.ledger.digest(DeployHistory.ENVIRONMENT_NAME);
    }

    /** Checks a path's answer against the generated history's, once per trial. */
    static final class Sanity {
        private Sanity() {}

        static void check(List<DeployRecord> history, Object actual, String path) throws IOException {
            if (DeployHistory.countInWindow(history) != DeployHistory.RECORDS_IN_WINDOW) {
                throw new IllegalStateException("the window must hold " + DeployHistory.RECORDS_IN_WINDOW
                        + " records, holds " + DeployHistory.countInWindow(history));
            }
            Object expected = WindowStatistics.of(new InMemoryLedger(new ArrayList<>(history)));
            if (!expected.equals(actual)) {
                throw new IllegalStateException(
                        "the " + path + " path computes different statistics: " + actual + ", expected " + expected);
            }
        }

        /**
         * For a history too large for the heap: the statistics of its newest 400 records (the window's 300 and
         * 100 before it), computed from those records, agree with the ledger's on every figure but the streak
         * (which, for the always-green history, is checked on its own); for the mixed history, whose streak breaks
         * inside the window, on the streak too, and so does the ledger read record by record (its digest hidden).
         */
        static void checkLarge(FileDeployLedger ledger, int records, boolean alwaysGreen) throws IOException {
            DeployStatistics expected = DeployStatistics.compute(
                    DeployHistory.newest(records, DeployHistory.RECORDS_IN_WINDOW + 100, alwaysGreen),
                    DeployHistory.ENVIRONMENT_NAME,
                    DeployHistory.NOW,
                    DeployHistory.WINDOW_WEEKS);
            DeployStatistics actual = WindowStatistics.of(ledger);
            if (!withoutStreak(expected).equals(withoutStreak(actual))) {
                throw new IllegalStateException("the ledger path computes different statistics: "
                        + withoutStreak(actual) + ", expected " + withoutStreak(expected));
            }
            if (!alwaysGreen) {
                DeployStatistics fromRecords = WindowStatistics.of(new InMemoryLedger(new ArrayList<>(
                        ledger.readSince(DeployHistory.WINDOW_START).records())));
                if (!fromRecords.equals(actual) || !expected.equals(actual)) {
                    throw new IllegalStateException("the ledger path computes " + actual + ", the records "
                            + fromRecords + ", the newest records " + expected);
                }
            }
        }

        /** The streak of an always-green history of {@code records} deploys: all of them. */
        static void checkStreak(DeployStatistics statistics, int records) {
            if (!statistics.getStreak().toString().equals(records + " x SUCCESS")) {
                throw new IllegalStateException("streak " + statistics.getStreak() + " for " + records + " successes");
            }
        }

        private static List<String> withoutStreak(DeployStatistics statistics) {
            return List.of(
                    statistics.getWeeks().toString(),
                    String.valueOf(statistics.getDaysSoFar()),
                    String.valueOf(statistics.getFrequencyClass()),
                    String.valueOf(statistics.getHistoryStart()),
                    String.valueOf(statistics.getTimeSinceLastSuccess()),
                    String.valueOf(statistics.getChangeFailureRate()),
                    statistics.getMedianDuration() + " " + statistics.getP90Duration(),
                    statistics.getMedianRecoveryTime() + " " + statistics.getRecoveredFailures() + " "
                            + statistics.getUnrecoveredFailures(),
                    String.valueOf(statistics.getMedianLeadTime()),
                    statistics.getSkippedBuildsNeverDeployed() + " " + statistics.getMissingBuilds(),
                    String.valueOf(statistics.getSkippedLines()));
        }

        static void report(int records, String what, Object statistics) {
            System.out.println();
            System.out.println(
                    "# " + records + " records: " + what + "; statistics agree with the history: " + statistics);
        }
    }
}
