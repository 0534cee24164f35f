package io.jenkins.plugins.deployoften.benchmarks;

import io.jenkins.plugins.deployoften.model.DeployLedger;
import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.DeployStatistics;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import io.jenkins.plugins.deployoften.model.deploy.EnvironmentStatus;
import io.jenkins.plugins.deployoften.model.gate.GateAuditEntry;
import io.jenkins.plugins.deployoften.model.gate.GateAuditLog;
import io.jenkins.plugins.deployoften.model.gate.GateDecision;
import io.jenkins.plugins.deployoften.model.gate.GateOverride;
import io.jenkins.plugins.deployoften.model.gate.GatePolicy;
import io.jenkins.plugins.deployoften.model.view.DeployHealthTable;
import io.jenkins.plugins.deployoften.model.view.DeployHealthView;
import io.jenkins.plugins.deployoften.model.view.HealthStateFilter;
import io.jenkins.plugins.deployoften.ui.BadgeWords;
import io.jenkins.plugins.deployoften.ui.HealthServicePage;
import io.jenkins.plugins.deployoften.ui.HealthWords;
import java.io.IOException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Jenkins-free part of the release-manager page as the plugin builds it: one row per job from the job's
 * cached deploy health, computed as {@code ui.DeployHealthService} does (the environment of the newest deploy
 * that ran, {@code DeployStatistics.compute} over 12 weeks, {@code DeployHealthView.of}, the gate state and
 * the last override from the newest entries of the job's gate audit trail) and kept per job while the
 * ledger's and the audit trail's {@code version()} and the ISO week (UTC) are unchanged, the view moved on to
 * the page's time ({@code DeployHealthView.at}), with what runs on each environment ({@code EnvironmentStatus},
 * read on a miss as the service does); then {@code DeployHealthTable.of} (every state, the default {@code FRESH}
 * rule). With {@code readOverrides} false the rows leave the override column empty, for comparison.
 */
final class ReleaseManagerPage {
    private final Instant now;
    private final Map<String, CachedSummary> cache = new ConcurrentHashMap<>();
    private int misses;

    /** One job with a ledger. */
    static final class Job {
        final String fullName;
        final String url;
        final DeployLedger ledger;
        final GateAuditLog audit;

        Job(String fullName, DeployLedger ledger, GateAuditLog audit) {
            this.fullName = fullName;
            this.url = "job/" + fullName.replace("/", "/job/") + "/";
            this.ledger = ledger;
            this.audit = audit;
        }
    }

    /** What the cache keeps per job, as {@code DeployHealthService.Cached}. */
    static final class CachedSummary {
        final String version;
        final DeployHealthView view;
        final String lastOverride;
        final List<EnvironmentStatus> environments;

        CachedSummary(
                String version, DeployHealthView view, String lastOverride, List<EnvironmentStatus> environments) {
            this.version = version;
            this.view = view;
            this.lastOverride = lastOverride;
            this.environments = environments;
        }
    }

    /** @param now the page's clock reading; fixed, so cached summaries stay fresh during a benchmark */
    ReleaseManagerPage(Instant now) {
        this.now = now;
    }

    /**
     * @param readOverrides whether to read each job's last override from its audit trail, as the plugin's
     *     page does on every load
     * @return the page's rows for every job, no folder or gate filter
     */
    List<DeployHealthTable.Row> rows(List<Job> jobs, boolean readOverrides) throws IOException {
        List<DeployHealthTable.Job> rows = new ArrayList<>(jobs.size());
        for (Job job : jobs) {
            CachedSummary summary = summaryOf(job);
            rows.add(new DeployHealthTable.Job(
                    job.fullName,
                    job.url,
                    summary.view.at(now),
                    summary.environments,
                    List.of(), // the page shows no recent deploys (the portlet's environments do)
                    readOverrides ? summary.lastOverride : ""));
        }
        return table(rows, now);
    }

    /** @return the table's rows of every state, as the page builds them */
    static List<DeployHealthTable.Row> table(List<DeployHealthTable.Job> jobs, Instant now) {
        return DeployHealthTable.of(jobs, HealthStateFilter.ALL, GatePolicy.FreshRule.DEFAULT, now)
                .getRows();
    }

    /** @return "USER: REASON" of the newest overridden decision among the last 20, as the plugin's page */
    static String lastOverride(GateAuditLog audit) throws IOException {
        for (GateAuditEntry entry : audit.readRecent(20).entries()) {
            Optional<GateOverride> override = entry.decision().getOverride();
            if (override.isPresent()) {
                return override.get().user() + ": " + override.get().reason();
            }
        }
        return "";
    }

    /** @return the job's health: from the cache while its ledger and audit trail are unchanged, the same week */
    DeployHealthView healthOf(Job job) throws IOException {
        return summaryOf(job).view.at(now);
    }

    private CachedSummary summaryOf(Job job) throws IOException {
        String version = job.ledger.version() + "|" + job.audit.version() + "|"
                + LocalDate.ofInstant(now, ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        CachedSummary cached = cache.get(job.fullName);
        if (cached != null && cached.version.equals(version)) {
            return cached;
        }
        misses++;
        CachedSummary computed = new CachedSummary(
                version, compute(job.ledger, job.audit, now), lastOverride(job.audit), environments(job.ledger, now));
        cache.put(job.fullName, computed);
        return computed;
    }

    /** @return what runs on each environment of the ledger, as a miss of the service reads it */
    static List<EnvironmentStatus> environments(DeployLedger ledger, Instant now) throws IOException {
        List<EnvironmentStatus> environments = new ArrayList<>();
        for (EnvironmentName environment : ledger.environments()) {
            environments.add(EnvironmentStatus.of(ledger, environment, now));
        }
        return List.copyOf(environments);
    }

    /** @return what a cache miss computes */
    static DeployHealthView compute(DeployLedger ledger, GateAuditLog audit, Instant now) throws IOException {
        EnvironmentName environment = ledger.findLast(record -> record.getOutcome() != DeployOutcome.SKIPPED)
                .map(DeployRecord::getEnvironment)
                .orElse(DeployHistory.ENVIRONMENT_NAME);
        DeployStatistics statistics =
                DeployStatistics.compute(ledger, environment, now, DeployStatistics.DEFAULT_WINDOW_WEEKS);
        Optional<GateDecision> lastDecision =
                audit.readRecent(1).entries().stream().findFirst().map(GateAuditEntry::decision);
        return DeployHealthView.of(statistics, lastDecision);
    }

    /**
     * The page's rows as {@code DeployHealthScope.tableJobs} builds them from the plugin's own service: per job one
     * look-up of the service's cache ({@code tableJobOf}), then the table.
     *
     * @param service the plugin's {@code DeployHealthService} on the benchmark's clock
     * @return the page's rows for every job, every state
     */
    static List<DeployHealthTable.Row> rowsFrom(HealthServicePage service, List<Job> jobs) throws IOException {
        List<DeployHealthTable.Job> rows = new ArrayList<>(jobs.size());
        for (Job job : jobs) {
            rows.add(service.tableJobOf(job.fullName, job.url, job.ledger, job.audit));
        }
        return table(rows, service.now());
    }

    /**
     * @return what the rows show, comparable with {@code equals} (a view has no {@code equals} of its own): per row
     *     the job, its statistics, gate state, texts, frequency badge, last override and per environment the deploy
     *     shown and the last attempt
     */
    static List<List<Object>> contentOf(List<DeployHealthTable.Row> rows) {
        List<List<Object>> content = new ArrayList<>(rows.size());
        for (DeployHealthTable.Row row : rows) {
            DeployHealthView view = row.getJob().health();
            List<Object> cells = new ArrayList<>();
            for (DeployHealthTable.Cell cell : row.getCells().values()) {
                cells.add(List.of(cell.getEnvironment(), cell.getShown(), cell.getLastAttempt()));
            }
            content.add(List.of(
                    row.getJob().fullName(),
                    row.getJob().url(),
                    view.getStatistics(),
                    view.getGateState(),
                    HealthWords.of(view).getSummary(),
                    HealthWords.of(view).getLastSuccess(),
                    view.badge("frequency", BadgeWords.forRequest())
                            .orElseThrow()
                            .svg(),
                    row.getJob().lastOverride(),
                    cells));
        }
        return content;
    }

    /** @return how many look-ups computed instead of using the cache */
    int misses() {
        return misses;
    }

    /** @return the cache itself, to measure what it retains */
    Map<String, CachedSummary> cache() {
        return cache;
    }
}
