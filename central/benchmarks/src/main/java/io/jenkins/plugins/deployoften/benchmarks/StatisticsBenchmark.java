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
 * in its history, computed three ways:
 *
 * <ul>
 *   <li>{@code statisticsFromLedger}: from the job's deploy ledger, which reads backwards from its end and
 *       stops at the window start;
 *   <li>{@code statisticsFromBuildXml}: as plugins do today, by loading every build's {@code build.xml}
 *       with XStream to find its deploy action;
 *   <li>{@code statisticsFromBuildXmlBackToWindow}: the best case of that approach, loading builds newest
 *       first and stopping at the first one older than the window.
 * </ul>
 *
 * The window always holds {@value DeployHistory#RECORDS_IN_WINDOW} records; only the history behind it
 * grows. Each setup checks that the path it prepares computes the same statistics as the generated history.
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

    /** A job directory holding {@code builds/N/build.xml} for {@code records} builds, one deploy each. */
    @State(Scope.Benchmark)
    public static class BuildXmlHistory {
        @Param({"1000", "10000", "100000"})
        int records;

        Path jobDirectory;
        BuildDirectories builds;

        @Setup(Level.Trial)
        public void writeBuilds() throws IOException {
            List<DeployRecord> history = DeployHistory.generate(records);
            jobDirectory = TemporaryDirectory.create("builds");
            builds = new BuildDirectories(jobDirectory.resolve("builds"));
            try {
                builds.write(history);
                Sanity.check(history, WindowStatistics.of(new InMemoryLedger(builds.readAllBuilds())), "all builds");
                Sanity.check(
                        history,
                        WindowStatistics.of(new InMemoryLedger(builds.readBuildsBackTo(DeployHistory.WINDOW_START))),
                        "builds back to the window");
            } catch (IOException | RuntimeException e) {
                delete(); // JMH skips the tear-down when the setup fails
                throw e;
            }
            Sanity.report(
                    records,
                    "build.xml files of " + builds.averageSize() + " bytes on average",
                    WindowStatistics.of(new InMemoryLedger(builds.readBuildsBackTo(DeployHistory.WINDOW_START))));
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

    /** Fewer iterations: at 100,000 builds one operation outlasts an iteration, and the run must stay short. */
    @Benchmark
    @Warmup(iterations = 2, time = 2)
    @Measurement(iterations = 3, time = 2)
    public Object statisticsFromBuildXml(BuildXmlHistory history) throws IOException {
        return WindowStatistics.of(new InMemoryLedger(history.builds.readAllBuilds()));
    }

    @Benchmark
    public Object statisticsFromBuildXmlBackToWindow(BuildXmlHistory history) throws IOException {
        return WindowStatistics.of(new InMemoryLedger(history.builds.readBuildsBackTo(DeployHistory.WINDOW_START)));
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
