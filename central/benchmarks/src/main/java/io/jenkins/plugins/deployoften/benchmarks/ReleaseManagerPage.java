package io.jenkins.plugins.deployoften.benchmarks;

import io.jenkins.plugins.deployoften.model.DeployLedger;
import io.jenkins.plugins.deployoften.model.gate.GateAuditLog;
import io.jenkins.plugins.deployoften.model.gate.GatePolicy;
import io.jenkins.plugins.deployoften.model.view.DeployHealthTable;
import io.jenkins.plugins.deployoften.model.view.DeployHealthView;
import io.jenkins.plugins.deployoften.model.view.HealthStateFilter;
import io.jenkins.plugins.deployoften.ui.BadgeWords;
import io.jenkins.plugins.deployoften.ui.HealthServicePage;
import io.jenkins.plugins.deployoften.ui.HealthWords;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The Jenkins-free part of the Deploy health page (the release-manager page) as the plugin builds it, from the
 * plugin's own {@code ui.DeployHealthService} (through {@link HealthServicePage}): per job one look-up of the
 * service's cache ({@code tableJobOf}), then {@code DeployHealthTable.of} (every state, the default {@code FRESH}
 * rule). No copy of the service's cache: what a job shows is what the service computes and keeps.
 */
final class ReleaseManagerPage {
    private ReleaseManagerPage() {}

    /** One job with a ledger and a gate audit trail. */
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

    /** @return the table's rows of every state, as the page builds them */
    static List<DeployHealthTable.Row> table(List<DeployHealthTable.Job> jobs, Instant now) {
        return DeployHealthTable.of(jobs, HealthStateFilter.ALL, GatePolicy.FreshRule.DEFAULT, now)
                .getRows();
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
     *     the job, its statistics, gate state, texts, frequency badge, last override, per environment the deploy
     *     shown and the last attempt, and each environment's recent deploys
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
                    cells,
                    row.getJob().recent()));
        }
        return content;
    }
}
