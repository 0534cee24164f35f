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
 * The Deploy health page (the release-manager page, {@code /deployoften/}) for 5,000 jobs with 1,000 deploy records
 * each (see {@link JobHistories}), and one job's badge, all served by the plugin's own {@code ui.DeployHealthService}
 * through {@link HealthServicePage} (the service built with a clock through its package-private constructor and asked
 * per job for {@code tableJobOf}, the part without Jenkins); the rows are {@link ReleaseManagerPage#rowsFrom}, as
 * {@code DeployHealthScope} and {@code DeployHealthPage} build them:
 *
 * <ul>
 *   <li>{@code coldPage}: the first page of a fresh service, its cache empty and without health files, the ledger
 *       summaries still in memory: every job computed (its environment, statistics, gate state and last override,
 *       what runs on each environment and each environment's recent deploys), then the rows;
 *   <li>{@code warmPageFromService}: every later page while the ledgers and audit trails are unchanged, the cache
 *       filled and every page served at the same instant: per job the ledger's and the audit trail's {@code
 *       version()} (a stat of each file), a map look-up and {@code DeployHealthView.at}, then the rows;
 *   <li>{@code badgeWarm} and {@code badgeCold}: one job's frequency badge ({@code healthOf}, then {@code
 *       badge("frequency").svg()}) from a service that has the job in memory, and from a fresh service, for a ledger
 *       of 1,000 and of 100,000 records;
 *   <li>{@code firstPageAfterMidnight}: the service on a settable clock, its cache filled at 23:59 UTC on Friday and
 *       the page then loaded at 00:01 on Saturday, the same ISO week: every entry is moved on to the new day, none
 *       should be computed;
 *   <li>{@code firstPageAfterRestart}: the first page of a fresh service after the ledger summaries kept in memory
 *       were forgotten, as after a controller restart (on disk, and in the operating system's page cache): with
 *       {@code healthFiles=true}, as the plugin runs, every job is served from its health file; with {@code false}
 *       (the files missing or stale) every job is computed, its ledger summary decoded from its file.
 * </ul>
 *
 * Every job has a gate audit trail of {@value GateAuditTrails#EVALUATIONS} evaluations (see {@link
 * GateAuditTrails}). Each set-up checks what its benchmark measures: the cold page that it computes every job (and
 * every measured cold page, in its tear-down), the warm page and the warm badge that they come from the cache and
 * show what was computed, the cold badge that a fresh service computes the job, the pages after midnight and after a
 * restart that they show what a page computed afresh, or before the restart, shows. The warm page's set-up also
 * prints, measured with JOL, the heap the views the service hands out retain, and the whole service with its cache.
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
            "java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens",
            "java.base/java.util.concurrent.atomic=ALL-UNNAMED"
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

    /**
     * One job's ledger of {@code records} (the {@link DeployHistory} history: the window always holds 300), without a
     * gate audit trail, and a service that has the job in memory, computed at the instant of every badge.
     */
    @State(Scope.Benchmark)
    public static class OneJob {
        @Param({"1000", "100000"})
        int records;

        Path directory;
        ReleaseManagerPage.Job job;
        HealthServicePage warm;

        @Setup(Level.Trial)
        public void writeLedger() throws IOException {
            directory = TemporaryDirectory.create("badge");
            try {
                FileDeployLedger ledger = JobHistories.writeLedger(directory, DeployHistory.generate(records));
                job = new ReleaseManagerPage.Job(DeployHistory.JOB, ledger, new GateAuditLog(directory));
                warm = new HealthServicePage(clock());
                String computed = frequencyBadge(warm, job);
                String fromMemory = frequencyBadge(warm, job);
                HealthServicePage fresh = new HealthServicePage(clock());
                String computedAfresh = frequencyBadge(fresh, job);
                if (warm.computed() != 1
                        || fresh.computed() != 1
                        || !fromMemory.equals(computed)
                        || !computedAfresh.equals(computed)) {
                    throw new IllegalStateException("the badge from memory must show what one computed afresh shows,"
                            + " but the warm service computed the job " + warm.computed() + " times, a fresh one "
                            + fresh.computed() + " times");
                }
                System.out.printf(
                        Locale.ROOT,
                        "%n# %,d records: the badge from memory equals the one a fresh service computes%n",
                        records);
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
     * A fresh {@code DeployHealthService} before every page, its cache empty and without health files, the ledger
     * summaries kept in memory (built by the set-up's first page; at 5,000 jobs the garbage collector clears some,
     * as they are softly referenced). The set-up checks that a cold page computes every job and that a second page
     * from the same service comes from its cache and shows the same; the tear-down of every page checks that it
     * computed every job.
     */
    @State(Scope.Benchmark)
    public static class ColdService {
        HealthServicePage service;

        @Setup(Level.Trial)
        public void check(Jobs jobs) throws IOException {
            try {
                fresh();
                List<DeployHealthTable.Row> cold = ReleaseManagerPage.rowsFrom(service, jobs.list);
                int computed = service.computed();
                List<DeployHealthTable.Row> warm = ReleaseManagerPage.rowsFrom(service, jobs.list);
                if (computed != jobs.list.size()
                        || service.computed() != computed
                        || !ReleaseManagerPage.contentOf(warm).equals(ReleaseManagerPage.contentOf(cold))) {
                    throw new IllegalStateException("the cold page must compute every job and the next come from the"
                            + " cache and show the same, but the cold page computed " + computed + " of "
                            + jobs.list.size() + " jobs and the next " + (service.computed() - computed));
                }
                System.out.printf(
                        Locale.ROOT,
                        "%n# the cold page computed all %,d jobs; the next page came from the cache and showed the"
                                + " same%n",
                        computed);
            } catch (IOException | RuntimeException e) {
                jobs.delete(); // JMH skips every tear-down when a setup fails
                throw e;
            }
        }

        @Setup(Level.Invocation)
        public void fresh() {
            service = new HealthServicePage(clock());
        }

        @TearDown(Level.Invocation)
        public void computedEveryJob(Jobs jobs) {
            if (service.computed() != jobs.list.size()) {
                throw new IllegalStateException(
                        "the cold page computed " + service.computed() + " of " + jobs.list.size() + " jobs");
            }
        }
    }

    /**
     * The page served by the plugin's {@code DeployHealthService}, its cache filled at {@link DeployHistory#NOW} and
     * every page at that instant: the warm page, also to compare {@code firstPageAfterMidnight} with. The set-up checks
     * that the first page computed every job and the second none and showed the same, and prints the records in each
     * job's window, the gate states, one last override and, measured with JOL, the heap retained by the views the
     * page gets and by the whole service with its cache.
     */
    @State(Scope.Benchmark)
    public static class WarmService {
        HealthServicePage service;

        @Setup(Level.Trial)
        public void fill(Jobs jobs) throws IOException {
            try {
                service = new HealthServicePage(clock());
                long started = System.nanoTime();
                List<DeployHealthTable.Row> first = ReleaseManagerPage.rowsFrom(service, jobs.list);
                double coldSeconds = (System.nanoTime() - started) / 1e9;
                int computed = service.computed();
                List<DeployHealthTable.Row> second = ReleaseManagerPage.rowsFrom(service, jobs.list);
                if (computed != jobs.list.size()
                        || service.computed() != computed
                        || !ReleaseManagerPage.contentOf(second).equals(ReleaseManagerPage.contentOf(first))) {
                    throw new IllegalStateException("the second page must come from the cache and show the same, but "
                            + (service.computed() - computed) + " look-ups computed");
                }
                System.out.printf(
                        Locale.ROOT,
                        "%n# cache filled by a first, cold page in %.1f s (%,d jobs computed)%n",
                        coldSeconds,
                        computed);
                List<DeployHealthView> views = new ArrayList<>(second.size());
                second.forEach(row -> views.add(row.getJob().health()));
                printWindowSizes(views);
                DeployHealthTable.Job firstJob = second.get(0).getJob();
                System.out.println("# gate states: "
                        + views.stream()
                                .collect(Collectors.groupingBy(DeployHealthView::getGateState, Collectors.counting()))
                        + "; last override of " + firstJob.fullName() + ": '" + firstJob.lastOverride() + "'");
                printRetainedHeap(views);
            } catch (IOException | RuntimeException e) {
                jobs.delete(); // JMH skips every tear-down when a setup fails
                throw e;
            }
        }

        private static void printWindowSizes(List<DeployHealthView> views) {
            IntSummaryStatistics inWindow = views.stream()
                    .map(DeployHealthView::getStatistics)
                    .mapToInt(s -> s.getSuccessful() + s.getFailed() + s.getAborted() + s.getSkipped())
                    .summaryStatistics();
            System.out.printf(
                    Locale.ROOT,
                    "# records in the 12-week window per job: min %d, average %.0f, max %d%n",
                    inWindow.getMin(),
                    inWindow.getAverage(),
                    inWindow.getMax());
        }

        private void printRetainedHeap(List<DeployHealthView> views) {
            int jobCount = views.size();
            DeployHealthView one = views.get(0);
            DeployStatistics statistics = one.getStatistics();
            long view = GraphLayout.parseInstance(one).totalSize();
            long weeks = GraphLayout.parseInstance(statistics.getWeeks()).totalSize();
            long window = GraphLayout.parseInstance(statistics.getWindow()).totalSize();
            // every view a root (varargs), so the array holding them is not counted
            long allViews = GraphLayout.parseInstance(views.toArray()).totalSize();
            long wholeService = GraphLayout.parseInstance(service).totalSize();
            System.out.printf(
                    Locale.ROOT,
                    "# retained heap: one DeployHealthView as the page gets it %,d bytes (12 weekly buckets %,d,"
                            + " window %,d); %,d such views %,d bytes = %,d per job; the whole service (its cache map:"
                            + " keys, version texts, entries with views, last overrides, environments and recent"
                            + " deploys; its clock and counter) %,d bytes = %,d per job%n",
                    view,
                    weeks,
                    window,
                    jobCount,
                    allViews,
                    allViews / jobCount,
                    wholeService,
                    wholeService / jobCount);
            System.out.println("# one view's objects by class:");
            System.out.println(GraphLayout.parseInstance(one).toFootprint());
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
                HealthServicePage before = new HealthServicePage(clock(), healthFiles);
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
            service = new HealthServicePage(clock(), healthFiles);
        }
    }

    /** One operation takes seconds, so a single warm-up and three measured operations. */
    @Benchmark
    @Warmup(iterations = 1, time = 1)
    @Measurement(iterations = 3, time = 1)
    public List<DeployHealthTable.Row> coldPage(Jobs jobs, ColdService cold) throws IOException {
        return ReleaseManagerPage.rowsFrom(cold.service, jobs.list);
    }

    /** One job's badge from a service that has the job in memory: its two {@code version()} calls, a look-up. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 2, time = 1)
    @Measurement(iterations = 3, time = 1)
    public String badgeWarm(OneJob one) throws IOException {
        return frequencyBadge(one.warm, one.job);
    }

    /** One job's badge from a fresh service, its cache empty and without health files: the job computed. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 2, time = 1)
    @Measurement(iterations = 3, time = 1)
    public String badgeCold(OneJob one) throws IOException {
        return frequencyBadge(new HealthServicePage(clock()), one.job);
    }

    /** The warm page as the plugin's service serves it: per job two {@code version()} calls and a look-up. */
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

    /** @return the clock of every service but the midnight one's: fixed at {@link DeployHistory#NOW} */
    static Clock clock() {
        return Clock.fixed(DeployHistory.NOW, ZoneOffset.UTC);
    }

    /** @return the job's frequency badge as the service's {@code healthOf} serves it, in the request's words */
    static String frequencyBadge(HealthServicePage service, ReleaseManagerPage.Job job) throws IOException {
        return service.healthOf(job.fullName, job.ledger, job.audit)
                .badge("frequency", BadgeWords.forRequest())
                .orElseThrow()
                .svg();
    }
}
