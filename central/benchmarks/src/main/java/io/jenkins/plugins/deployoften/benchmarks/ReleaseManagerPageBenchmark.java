package io.jenkins.plugins.deployoften.benchmarks;

import io.jenkins.plugins.deployoften.model.DeployStatistics;
import io.jenkins.plugins.deployoften.model.gate.GateAuditLog;
import io.jenkins.plugins.deployoften.model.ledger.FileDeployLedger;
import io.jenkins.plugins.deployoften.model.ledger.LedgerSummaryFile;
import io.jenkins.plugins.deployoften.model.ledger.SummariesInMemory;
import io.jenkins.plugins.deployoften.model.view.DeployHealthTable;
import io.jenkins.plugins.deployoften.model.view.DeployHealthView;
import io.jenkins.plugins.deployoften.ui.BadgeWords;
import io.jenkins.plugins.deployoften.ui.HealthServicePage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
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
import org.openjdk.jol.info.GraphLayout;

/**
 * The release-manager page for 5,000 jobs with 1,000 deploy records each (see {@link JobHistories}):
 *
 * <ul>
 *   <li>{@code coldPage}: the first page load, computing every job's health from its ledger (statistics,
 *       view) into an empty cache and building the filtered, sorted rows;
 *   <li>{@code warmPage}: every later load while the ledgers are unchanged: per job one {@code version()}
 *       (a stat of the ledger file) and a map look-up, then the rows;
 *   <li>{@code warmPageWithOverrides}: the warm page plus what the plugin's page also reads on every load,
 *       uncached: the newest 20 entries of each job's gate audit trail, for its last override;
 *   <li>{@code badgeWarm} and {@code badgeCold}: one job's frequency badge from the cache and computed
 *       afresh, for a ledger of 1,000 and of 100,000 records;
 *   <li>{@code warmPageFromService}: the warm page from the plugin's own {@code DeployHealthService} (through
 *       {@code HealthServicePage}), filled and served at the same instant;
 *   <li>{@code firstPageAfterMidnight}: the plugin's own {@code DeployHealthService} (through {@code
 *       HealthServicePage}) on a settable clock, its cache filled at 23:59 UTC on Friday and the page then loaded
 *       at 00:01 on Saturday, the same ISO week: every entry is moved on to the new day, none should be computed;
 *   <li>{@code firstPageAfterRestart}: the first page of a fresh service after the ledger summaries kept in
 *       memory were forgotten, as after a controller restart (on disk, and in the operating system's page cache):
 *       with {@code healthFiles=true}, as the plugin runs, every job is served from its health file; with {@code
 *       false} (the files missing or stale) every job is computed, its ledger summary decoded from its file.
 * </ul>
 *
 * The first five use the benchmark's copy of the page's cache ({@link ReleaseManagerPage}); the last three the
 * production service, so that what midnight and a restart cost is the plugin's, not the copy's.
 *
 * Every job has a gate audit trail of {@value GateAuditTrails#EVALUATIONS} evaluations (see
 * {@link GateAuditTrails}). The warm page's setup also prints, measured with JOL, the heap a cached summary
 * retains.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {
            "-Xms1g",
            "-Xmx1g",
            // lets JOL attach its agent for exact object sizes and read JDK classes' fields
            "-Djdk.attach.allowAttachSelf=true",
            "--add-opens",
            "java.base/java.lang=ALL-UNNAMED",
            "--add-opens",
            "java.base/java.time=ALL-UNNAMED",
            "--add-opens",
            "java.base/java.util=ALL-UNNAMED",
            "--add-opens",
            "java.base/java.util.concurrent=ALL-UNNAMED"
        })
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ReleaseManagerPageBenchmark {

    /** {@code jobs} job directories, each with a ledger of {@code recordsPerJob} records and a gate audit trail. */
    @State(Scope.Benchmark)
    public static class Jobs {
        @Param({"5000"})
        int jobs;

        @Param({"1000"})
        int recordsPerJob;

        Path root;
        List<ReleaseManagerPage.Job> list;
        private GateAuditTrails trails;

        @Setup(Level.Trial)
        public void writeLedgers() throws IOException {
            long started = System.nanoTime();
            root = TemporaryDirectory.create("release-manager");
            try {
                trails = GateAuditTrails.write(root.resolve("gate-templates"));
                list = IntStream.range(0, jobs)
                        .parallel()
                        .mapToObj(this::writeJob)
                        .collect(Collectors.toList());
            } catch (IOException | RuntimeException e) {
                delete(); // JMH skips the tear-down when the setup fails
                throw e;
            }
            long bytes = 0;
            for (ReleaseManagerPage.Job job : list) {
                bytes += Files.size(((FileDeployLedger) job.ledger).getFile());
            }
            System.out.printf(
                    Locale.ROOT,
                    "%n# %,d jobs x %,d records: %,d MB of ledgers written in %.1f s%n",
                    jobs,
                    recordsPerJob,
                    bytes / 1_000_000,
                    (System.nanoTime() - started) / 1e9);
        }

        private ReleaseManagerPage.Job writeJob(int job) {
            String name = JobHistories.jobName(job);
            try {
                Path directory = root.resolve(name);
                FileDeployLedger ledger =
                        JobHistories.writeLedger(directory, JobHistories.generate(job, recordsPerJob));
                trails.copyTo(job, directory);
                return new ReleaseManagerPage.Job(name, ledger, new GateAuditLog(directory));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @TearDown(Level.Trial)
        public void delete() throws IOException {
            TemporaryDirectory.delete(root);
        }
    }

    /** A page whose cache holds every job's summary, and what that cache retains. */
    @State(Scope.Benchmark)
    public static class WarmPage {
        ReleaseManagerPage page;

        @Setup(Level.Trial)
        public void fillCache(Jobs jobs) throws IOException {
            try {
                fillAndMeasure(jobs);
            } catch (IOException | RuntimeException e) {
                jobs.delete(); // JMH skips every tear-down when a setup fails
                throw e;
            }
        }

        private void fillAndMeasure(Jobs jobs) throws IOException {
            page = new ReleaseManagerPage(DeployHistory.NOW);
            long started = System.nanoTime();
            page.rows(jobs.list, false);
            double coldSeconds = (System.nanoTime() - started) / 1e9;
            page.rows(jobs.list, false);
            if (page.misses() != jobs.list.size()) {
                throw new IllegalStateException(
                        "the second load must come from the cache, but " + page.misses() + " look-ups computed");
            }
            System.out.printf(Locale.ROOT, "# cache filled by a first, cold page load in %.1f s%n", coldSeconds);
            printWindowSizes();
            System.out.println("# gate states: "
                    + page.cache().values().stream()
                            .collect(Collectors.groupingBy(cached -> cached.view.getGateState(), Collectors.counting()))
                    + "; last override of the first job: '" + ReleaseManagerPage.lastOverride(jobs.list.get(0).audit)
                    + "'");
            printRetainedHeap(jobs.list.size());
        }

        private void printWindowSizes() {
            IntSummaryStatistics inWindow = page.cache().values().stream()
                    .map(cached -> cached.view.getStatistics())
                    .mapToInt(s -> s.getSuccessful() + s.getFailed() + s.getAborted() + s.getSkipped())
                    .summaryStatistics();
            System.out.printf(
                    Locale.ROOT,
                    "# records in the 12-week window per job: min %d, average %.0f, max %d%n",
                    inWindow.getMin(),
                    inWindow.getAverage(),
                    inWindow.getMax());
        }

        private void printRetainedHeap(int jobCount) {
            List<DeployHealthView> views = new ArrayList<>();
            page.cache().values().forEach(cached -> views.add(cached.view));
            DeployHealthView one = views.get(0);
            DeployStatistics statistics = one.getStatistics();
            long view = GraphLayout.parseInstance(one).totalSize();
            long weeks = GraphLayout.parseInstance(statistics.getWeeks()).totalSize();
            long window = GraphLayout.parseInstance(statistics.getWindow()).totalSize();
            // every view a root (varargs), so the array holding them is not counted
            long allViews = GraphLayout.parseInstance(views.toArray()).totalSize();
            long wholeCache = GraphLayout.parseInstance(page.cache()).totalSize();
            System.out.printf(
                    Locale.ROOT,
                    "# retained heap: one DeployHealthView %,d bytes (12 weekly buckets %,d, window %,d);"
                            + " %,d views %,d bytes = %,d per job; whole cache map (keys, versions, entries)"
                            + " %,d bytes = %,d per job%n",
                    view,
                    weeks,
                    window,
                    jobCount,
                    allViews,
                    allViews / jobCount,
                    wholeCache,
                    wholeCache / jobCount);
            System.out.println("# one view's objects by class:");
            System.out.println(GraphLayout.parseInstance(one).toFootprint());
        }
    }

    /** One job's ledger of {@code records} and a page whose cache already holds its summary. */
    @State(Scope.Benchmark)
    public static class OneJob {
        @Param({"1000", "100000"})
        int records;

        Path directory;
        ReleaseManagerPage.Job job;
        ReleaseManagerPage page;

        @Setup(Level.Trial)
        public void writeLedger() throws IOException {
            directory = TemporaryDirectory.create("badge");
            try {
                FileDeployLedger ledger = JobHistories.writeLedger(directory, DeployHistory.generate(records));
                job = new ReleaseManagerPage.Job(DeployHistory.JOB, ledger, new GateAuditLog(directory));
                page = new ReleaseManagerPage(DeployHistory.NOW);
                page.healthOf(job);
            } catch (IOException | RuntimeException e) {
                delete(); // JMH skips the tear-down when the setup fails
                throw e;
            }
        }

        @TearDown(Level.Trial)
        public void delete() throws IOException {
            TemporaryDirectory.delete(directory);
        }
    }

    /**
     * The page served by the plugin's {@code DeployHealthService}, its cache filled at {@link DeployHistory#NOW} and
     * every page at that instant: the warm page of the production service, to compare {@code
     * firstPageAfterMidnight} with.
     */
    @State(Scope.Benchmark)
    public static class WarmService {
        HealthServicePage service;

        @Setup(Level.Trial)
        public void fill(Jobs jobs) throws IOException {
            try {
                service = new HealthServicePage(Clock.fixed(DeployHistory.NOW, ZoneOffset.UTC));
                List<DeployHealthTable.Row> first = ReleaseManagerPage.rowsFrom(service, jobs.list);
                int computed = service.computed();
                List<DeployHealthTable.Row> second = ReleaseManagerPage.rowsFrom(service, jobs.list);
                if (computed != jobs.list.size()
                        || service.computed() != computed
                        || !ReleaseManagerPage.contentOf(second).equals(ReleaseManagerPage.contentOf(first))) {
                    throw new IllegalStateException("the second page must come from the cache and show the same, but "
                            + (service.computed() - computed) + " look-ups computed");
                }
            } catch (IOException | RuntimeException e) {
                jobs.delete(); // JMH skips every tear-down when a setup fails
                throw e;
            }
        }
    }

    /**
     * The page served by the plugin's {@code DeployHealthService} on a settable clock, its cache filled at
     * {@link #WARMED_AT} (Friday 23:59 UTC, after the day's deploys; the background warmer runs every ten minutes)
     * and each measured page loaded at {@link #FIRST_PAGE_AT} (Saturday 00:01, the same ISO week). Every operation
     * sees the cache as filled at 23:59: the service only stores an entry when it computes one, so a page at 00:01
     * that computes nothing leaves the cache as it was, and the per-invocation set-up fills a fresh service at
     * 23:59 again whenever the previous page computed any entry (today none does; the tear-down prints how often it
     * refilled).
     */
    @State(Scope.Benchmark)
    public static class BeforeMidnight {
        static final Instant WARMED_AT = Instant.parse("2026-11-27T23:59:00Z");
        static final Instant FIRST_PAGE_AT = Instant.parse("2026-11-28T00:01:00Z");

        final SettableClock clock = new SettableClock(WARMED_AT);
        HealthServicePage service;
        private int computedWhenFilled;
        private int fills;

        @Setup(Level.Trial)
        public void check(Jobs jobs) throws IOException {
            try {
                fill(jobs);
                clock.set(FIRST_PAGE_AT);
                List<DeployHealthTable.Row> afterMidnight = ReleaseManagerPage.rowsFrom(service, jobs.list);
                int computed = service.computed() - computedWhenFilled;
                HealthServicePage fresh = new HealthServicePage(clock);
                List<DeployHealthTable.Row> computedAfresh = ReleaseManagerPage.rowsFrom(fresh, jobs.list);
                if (!ReleaseManagerPage.contentOf(afterMidnight).equals(ReleaseManagerPage.contentOf(computedAfresh))
                        || fresh.computed() != jobs.list.size()) {
                    throw new IllegalStateException(
                            "the page at 00:01 from the cache filled at 23:59 differs from one computed at 00:01");
                }
                System.out.printf(
                        Locale.ROOT,
                        "%n# the page at 00:01 from the cache filled at 23:59 computed %,d of %,d jobs and shows what a"
                                + " page computed afresh at 00:01 shows%n",
                        computed,
                        jobs.list.size());
            } catch (IOException | RuntimeException e) {
                jobs.delete(); // JMH skips every tear-down when a setup fails
                throw e;
            }
        }

        @Setup(Level.Invocation)
        public void beforeMidnight(Jobs jobs) throws IOException {
            if (service.computed() != computedWhenFilled) {
                fill(jobs);
            }
            clock.set(FIRST_PAGE_AT);
        }

        private void fill(Jobs jobs) throws IOException {
            clock.set(WARMED_AT);
            service = new HealthServicePage(clock);
            ReleaseManagerPage.rowsFrom(service, jobs.list);
            computedWhenFilled = service.computed();
            fills++;
        }

        @TearDown(Level.Trial)
        public void report() {
            System.out.printf(
                    Locale.ROOT,
                    "%n# the cache was filled at 23:59 %d time(s) in this trial (once in the set-up's check, then"
                            + " again whenever a page at 00:01 had computed an entry)%n",
                    fills - 1);
        }
    }

    /**
     * A fresh {@code DeployHealthService} before every page, and the ledger summaries kept in memory forgotten
     * ({@code FileDeployLedger}'s package-private hook for tests, reached through {@code SummariesInMemory}): a
     * controller just restarted, every summary file on disk and current (the trial set-up's first page wrote them).
     * What a real restart also loses and this does not: the JIT's compiled code, and the page cache if the machine
     * rebooted. The set-up checks that the summary files are current (read as they are, not rebuilt) and that the
     * first {@value #CHECKED_JOBS} jobs show after the restart what they showed before.
     */
    @State(Scope.Benchmark)
    public static class AfterRestart {
        /** Whether the plugin's health files are there (true) or the first page decodes every ledger summary. */
        @Param({"true", "false"})
        boolean healthFiles;

        HealthServicePage service;

        /** How many jobs the set-up's check loads after a restart: all 5,000 would take minutes. */
        static final int CHECKED_JOBS = 100;

        @Setup(Level.Trial)
        public void check(Jobs jobs) throws IOException {
            try {
                Clock clock = Clock.fixed(DeployHistory.NOW, ZoneOffset.UTC);
                HealthServicePage before = new HealthServicePage(clock, healthFiles);
                ReleaseManagerPage.rowsFrom(before, jobs.list); // computes every job and writes its summary file
                for (ReleaseManagerPage.Job job : jobs.list) {
                    Path summary =
                            ((FileDeployLedger) job.ledger).getFile().resolveSibling(LedgerSummaryFile.FILE_NAME);
                    if (!Files.exists(summary)) {
                        throw new IllegalStateException("the first page did not write the summary " + summary);
                    }
                }
                HistoryScalingBenchmark.Ledgers.checkSummaryFileCurrent(
                        ((FileDeployLedger) jobs.list.get(0).ledger).getFile().getParent());
                List<ReleaseManagerPage.Job> checked = jobs.list.subList(0, Math.min(CHECKED_JOBS, jobs.list.size()));
                List<DeployHealthTable.Row> warm = ReleaseManagerPage.rowsFrom(before, checked);
                restart();
                List<DeployHealthTable.Row> afterRestart = ReleaseManagerPage.rowsFrom(service, checked);
                int expectedComputed = healthFiles ? 0 : checked.size();
                if (!ReleaseManagerPage.contentOf(afterRestart).equals(ReleaseManagerPage.contentOf(warm))
                        || service.computed() != expectedComputed) {
                    throw new IllegalStateException("the first page after a restart differs from the page before it,"
                            + " or computed " + service.computed() + " jobs instead of " + expectedComputed);
                }
                System.out.printf(
                        Locale.ROOT,
                        "%n# every job's summary file written by the first page; after a restart, %d jobs show what they"
                                + " showed before%n",
                        checked.size());
            } catch (IOException | RuntimeException e) {
                jobs.delete(); // JMH skips every tear-down when a setup fails
                throw e;
            }
        }

        @Setup(Level.Invocation)
        public void restart() {
            SummariesInMemory.forget();
            service = new HealthServicePage(Clock.fixed(DeployHistory.NOW, ZoneOffset.UTC), healthFiles);
        }
    }

    /** One operation takes seconds, so a single warm-up and three measured operations. */
    @Benchmark
    @Warmup(iterations = 1, time = 1)
    @Measurement(iterations = 3, time = 1)
    public List<DeployHealthTable.Row> coldPage(Jobs jobs) throws IOException {
        return new ReleaseManagerPage(DeployHistory.NOW).rows(jobs.list, false);
    }

    @Benchmark
    public List<DeployHealthTable.Row> warmPage(Jobs jobs, WarmPage warm) throws IOException {
        return warm.page.rows(jobs.list, false);
    }

    /** The warm page plus what the plugin's page reads uncached on every load: each job's last override. */
    @Benchmark
    public List<DeployHealthTable.Row> warmPageWithOverrides(Jobs jobs, WarmPage warm) throws IOException {
        return warm.page.rows(jobs.list, true);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 2, time = 1)
    @Measurement(iterations = 3, time = 1)
    public String badgeWarm(OneJob one) throws IOException {
        return one.page
                .healthOf(one.job)
                .badge("frequency", BadgeWords.forRequest())
                .orElseThrow()
                .svg();
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 2, time = 1)
    @Measurement(iterations = 3, time = 1)
    public String badgeCold(OneJob one) throws IOException {
        return ReleaseManagerPage.compute(one.job.ledger, one.job.audit, DeployHistory.NOW)
                .badge("frequency", BadgeWords.forRequest())
                .orElseThrow()
                .svg();
    }

    /** The warm page as the production service serves it: per job two cache look-ups. */
    @Benchmark
    public List<DeployHealthTable.Row> warmPageFromService(Jobs jobs, WarmService warm) throws IOException {
        return ReleaseManagerPage.rowsFrom(warm.service, jobs.list);
    }

    /**
     * The page at 00:01 after a cache filled at 23:59; when midnight costs nothing, as much as {@code
     * warmPageFromService}.
     */
    @Benchmark
    public List<DeployHealthTable.Row> firstPageAfterMidnight(Jobs jobs, BeforeMidnight midnight) throws IOException {
        return ReleaseManagerPage.rowsFrom(midnight.service, jobs.list);
    }

    /**
     * One operation takes seconds to minutes (every job computed, its summary file decoded): no warm-up iteration
     * (the set-up's pages ran the same code) and three measured operations.
     */
    @Benchmark
    @Warmup(iterations = 0)
    @Measurement(iterations = 3, time = 1)
    public List<DeployHealthTable.Row> firstPageAfterRestart(Jobs jobs, AfterRestart restarted) throws IOException {
        return ReleaseManagerPage.rowsFrom(restarted.service, jobs.list);
    }
}
