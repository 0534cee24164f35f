package io.jenkins.plugins.deployoften.benchmarks;

import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.ledger.FileDeployLedger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * The dashboard statistics of one environment for a 12-week window, for a job with 1,000 to 100,000 deploys
 * in its history, computed two ways:
 *
 * <ul>
 *   <li>{@code statisticsFromLedger}: from the job's deploy ledger, which reads backwards from its end and
 *       stops at the window start;
 *   <li>{@code statisticsFromBuildsNewestFirst}, the honest per-build baseline: the build numbers are listed
 *       and sorted once in the setup (Jenkins' {@code RunMap} keeps them in memory and loads builds lazily);
 *       each operation then loads {@code build.xml} files with XStream newest first, as Jenkins'
 *       {@code RunList} walks back to a date, and stops at the first build whose deploy started before the
 *       window.
 * </ul>
 *
 * The window always holds {@value DeployHistory#RECORDS_IN_WINDOW} records; only the history behind it
 * grows. Both hand their records to the same {@code DeployStatistics.compute}, and each setup checks that
 * the path it prepares computes the same statistics as the generated history.
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
        @Param({"1000", "10000", "100000"})
        int records;

        Path jobDirectory;
        FileDeployLedger ledger;

        @Setup(Level.Trial)
        public void writeLedger() throws IOException {
            List<DeployRecord> history = DeployHistory.generate(records);
            jobDirectory = TemporaryDirectory.create("ledger");
            try {
                ledger = DeployHistory.writeLedger(jobDirectory, history);
                Sanity.check(history, WindowStatistics.of(ledger), "ledger");
            } catch (IOException | RuntimeException e) {
                delete(); // JMH skips the tear-down when the setup fails
                throw e;
            }
            Sanity.report(
                    records, "ledger of " + Files.size(ledger.getFile()) / 1024 + " KiB", WindowStatistics.of(ledger));
        }

        @TearDown(Level.Trial)
        public void delete() throws IOException {
            TemporaryDirectory.delete(jobDirectory);
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

        static void report(int records, String what, Object statistics) {
            System.out.println();
            System.out.println(
                    "# " + records + " records: " + what + "; statistics agree with the history: " + statistics);
        }
    }
}
