package io.jenkins.plugins.deployoften.benchmarks;

import io.jenkins.plugins.deployoften.model.gate.GatePolicy;
import io.jenkins.plugins.deployoften.model.ledger.SummariesInMemory;
import io.jenkins.plugins.deployoften.model.view.DeployHealthView;
import io.jenkins.plugins.deployoften.model.view.ViewDeployHealth;
import io.jenkins.plugins.deployoften.ui.HealthServicePage;
import java.io.IOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The model of the "Deploy health" widget ({@code ui.DeployHealthWidget}) for a view of 5,000 jobs with 1,000
 * deploy records each and a gate audit trail ({@link ReleaseManagerPageBenchmark.Jobs}), as the widget builds it:
 * per job its health from the plugin's own {@code DeployHealthService} (through {@link HealthServicePage}, the part
 * of the service without Jenkins), then {@code ViewDeployHealth.of(healths, fresh, now)} with the default
 * {@code FRESH} rule ({@code GatePolicy.defaults().fresh()}, what the System configuration holds until an
 * administrator changes it) at the service's instant:
 *
 * <ul>
 *   <li>{@code widgetWarm}: every job's health in the service's memory (filled at the same instant): per job the
 *       ledger's and the audit trail's {@code version()} (a stat of each file), a map look-up and {@code
 *       DeployHealthView.at}, then the aggregation; issue 13's target is under 50 ms;
 *   <li>{@code lookupsWarm} and {@code aggregationWarm}: its two halves apart, the per-job look-ups alone and the
 *       aggregation alone of the healths looked up once in the set-up;
 *   <li>{@code widgetAfterRestart}: before every operation the ledger summaries kept in memory are forgotten and
 *       the service is new, as after a controller restart; with {@code healthFiles=true}, as the plugin runs, every
 *       job is served from its {@code deployoften-health.json}; with {@code false} (the files missing or stale) every
 *       job is computed, its ledger summary decoded from its file. Issue 13's target is under 1 s.
 * </ul>
 *
 * What the widget also does in Jenkins and this does not: list the view's items, check {@code Item.READ} and
 * whether the job deploys ({@code DeployDashboardActionFactory.hasDeployHistoryOrStep}) per job, and render the
 * texts and the chart. A real restart also loses the JIT's compiled code, and after a reboot the operating
 * system's page cache; this does not.
 *
 * <p>Each set-up checks the model it measures: the warm one that a second model computes no job and equals the first,
 * which computed every job; the restart one that the model after a restart equals the model of the service before
 * it, which computed every job, and that it computed none of the jobs (with health files) or all of them (without).
 * "Equals" compares every figure the widget shows (jobs, stale, going stale, blocked, the weeks, successful and
 * failed deploys, deploys per week, frequency class, change failure rate, both medians and the pace); the set-up
 * prints them.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DeployHealthWidgetBenchmark {

    /** The widget's {@code FRESH} rule: the System configuration's default gate policy. */
    static final GatePolicy.FreshRule FRESH = GatePolicy.defaults().fresh();

    /** A service whose memory holds every job's health, computed at the same instant as every measured model. */
    @State(Scope.Benchmark)
    public static class WarmWidget {
        HealthServicePage service;
        /** Every job's health, looked up once after the check: what {@code aggregationWarm} aggregates. */
        List<DeployHealthView> healths;

        @Setup(Level.Trial)
        public void fill(ReleaseManagerPageBenchmark.Jobs jobs) throws IOException {
            try {
                service = new HealthServicePage(Clock.fixed(DeployHistory.NOW, ZoneOffset.UTC), true);
                ViewDeployHealth computed = model(service, jobs.list);
                int computedJobs = service.computed();
                ViewDeployHealth warm = model(service, jobs.list);
                if (computedJobs != jobs.list.size()
                        || service.computed() != computedJobs
                        || !contentOf(warm).equals(contentOf(computed))) {
                    throw new IllegalStateException("the warm model must come from memory and equal the one computed"
                            + " afresh, but the first computed " + computedJobs + " jobs and the second "
                            + (service.computed() - computedJobs));
                }
                healths = healths(service, jobs.list);
                System.out.printf(
                        Locale.ROOT,
                        "%n# the warm model equals the one computed afresh for %,d jobs: %s%n",
                        jobs.list.size(),
                        contentOf(warm));
            } catch (IOException | RuntimeException e) {
                jobs.delete(); // JMH skips every tear-down when a setup fails
                throw e;
            }
        }
    }

    /**
     * A fresh service before every model and the ledger summaries kept in memory forgotten, as after a controller
     * restart; every job's summary file (and, with {@code healthFiles}, its health file) on disk and current, written
     * by the trial set-up's model.
     */
    @State(Scope.Benchmark)
    public static class Restarted {
        /** Whether the plugin's health files are there (true) or every job is computed from its ledger summary. */
        @Param({"true", "false"})
        boolean healthFiles;

        HealthServicePage service;

        @Setup(Level.Trial)
        public void check(ReleaseManagerPageBenchmark.Jobs jobs) throws IOException {
            try {
                HealthServicePage before = new HealthServicePage(clock(), healthFiles);
                ViewDeployHealth computed = model(before, jobs.list); // writes every summary and health file
                if (before.computed() != jobs.list.size()) {
                    throw new IllegalStateException("the first model computed " + before.computed() + " jobs");
                }
                restart();
                ViewDeployHealth afterRestart = model(service, jobs.list);
                int expectedComputed = healthFiles ? 0 : jobs.list.size();
                if (!contentOf(afterRestart).equals(contentOf(computed)) || service.computed() != expectedComputed) {
                    throw new IllegalStateException("the model after a restart differs from the one computed before"
                            + " it, or computed " + service.computed() + " jobs instead of " + expectedComputed);
                }
                System.out.printf(
                        Locale.ROOT,
                        "%n# after a restart (health files: %s) the model of %,d jobs computed %,d of them and equals"
                                + " the one computed before: %s%n",
                        healthFiles,
                        jobs.list.size(),
                        service.computed(),
                        contentOf(afterRestart));
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

        private static Clock clock() {
            return Clock.fixed(DeployHistory.NOW, ZoneOffset.UTC);
        }
    }

    /**
     * @return the widget's model of the jobs, as {@code DeployHealthWidget.getHealth()}: each job as the service
     *     hands it to the widget (its {@code tableJobOf}), its health taken, then the aggregation at the service's
     *     instant ({@link DeployHistory#NOW})
     */
    static ViewDeployHealth model(HealthServicePage service, List<ReleaseManagerPage.Job> jobs) throws IOException {
        return ViewDeployHealth.of(healths(service, jobs), FRESH, DeployHistory.NOW);
    }

    private static List<DeployHealthView> healths(HealthServicePage service, List<ReleaseManagerPage.Job> jobs)
            throws IOException {
        List<DeployHealthView> healths = new ArrayList<>(jobs.size());
        for (ReleaseManagerPage.Job job : jobs) {
            healths.add(service.tableJobOf(job.fullName, job.url, job.ledger, job.audit)
                    .health());
        }
        return healths;
    }

    /** @return every figure the widget shows, to compare two models */
    static List<Object> contentOf(ViewDeployHealth model) {
        return List.of(
                "jobs=" + model.getJobs(),
                "stale=" + model.getStale(),
                "goingStale=" + model.getGoingStale(),
                "blocked=" + model.getBlocked(),
                "successful=" + model.getSuccessful(),
                "failed=" + model.getFailed(),
                String.format(Locale.ROOT, "perWeek=%.3f", model.getDeploysPerWeek()),
                "class=" + model.getFrequencyClass(),
                "failureRate=" + model.getChangeFailureRate().map(rate -> String.format(Locale.ROOT, "%.4f", rate)),
                "recentMedian=" + model.getRecentMedianDuration(),
                "earlierMedian=" + model.getEarlierMedianDuration(),
                "pace=" + model.getPace(),
                model.getWeeks());
    }

    /** The widget's model from the service's memory. */
    @Benchmark
    public ViewDeployHealth widgetWarm(ReleaseManagerPageBenchmark.Jobs jobs, WarmWidget warm) throws IOException {
        return model(warm.service, jobs.list);
    }

    /** The first half of {@code widgetWarm}: every job's health from the service's memory, not aggregated. */
    @Benchmark
    public List<DeployHealthView> lookupsWarm(ReleaseManagerPageBenchmark.Jobs jobs, WarmWidget warm)
            throws IOException {
        return healths(warm.service, jobs.list);
    }

    /** The second half of {@code widgetWarm}: the aggregation of the jobs' healths, looked up once in the set-up. */
    @Benchmark
    public ViewDeployHealth aggregationWarm(WarmWidget warm) {
        return ViewDeployHealth.of(warm.healths, FRESH, DeployHistory.NOW);
    }

    /**
     * The widget's model right after a restart. One operation is a restart, so no warm-up iteration (the set-up's
     * models ran the same code) and three measured operations; without health files each takes tens of seconds.
     */
    @Benchmark
    @Warmup(iterations = 0)
    @Measurement(iterations = 3, time = 1)
    public ViewDeployHealth widgetAfterRestart(ReleaseManagerPageBenchmark.Jobs jobs, Restarted restarted)
            throws IOException {
        return model(restarted.service, jobs.list);
    }
}
