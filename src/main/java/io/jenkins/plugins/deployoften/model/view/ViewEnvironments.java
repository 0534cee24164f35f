package io.jenkins.plugins.deployoften.model.view;

import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.deploy.EnvironmentStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The environments a view's jobs deploy to, one row each, by name: what the Deploy health portlet's table shows.
 * Built from the jobs as the Deploy health page's table takes them ({@link DeployHealthTable.Job}: what runs on
 * each environment and its {@link RecentDeploys recent deploys}, from one summary read per job), so it reads nothing
 * itself; the caller hands in only the jobs the user may read, so a hidden job adds no row and changes no figure.
 *
 * <ul>
 *   <li>an environment has a row when a job has a deploy there that ran (one with only SKIPPED records has none, as
 *       it makes no column on the Deploy health page);
 *   <li>jobs: how many of the jobs have a deploy there that ran;
 *   <li>deploys and failures: the jobs' {@link RecentDeploys} of that environment added up;
 *   <li>last deploy: when the deploy that ran there and started last, of any job and outcome, started.
 * </ul>
 */
public final class ViewEnvironments {
    /** The weeks the deploys and failures count. */
    public static final int WEEKS = RecentDeploys.WEEKS;

    private final List<Row> rows;

    private ViewEnvironments(List<Row> rows) {
        this.rows = rows;
    }

    /**
     * One environment.
     *
     * @param environment its name
     * @param jobs how many jobs have a deploy there that ran
     * @param deploys their completed deploys there in the last {@value #WEEKS} weeks
     * @param failures the failed ones among them
     * @param lastDeploy when the last deploy that ran there started
     */
    public record Row(String environment, int jobs, int deploys, int failures, Instant lastDeploy) {}

    /**
     * @param jobs the jobs of the view that the user may read
     * @return their environments
     * @throws IllegalArgumentException when a job is missing
     */
    public static ViewEnvironments of(List<DeployHealthTable.Job> jobs) {
        if (jobs == null || jobs.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("jobs is missing or has a missing job: use a list of jobs");
        }
        Map<String, Tally> byName = new TreeMap<>();
        for (DeployHealthTable.Job job : jobs) {
            for (EnvironmentStatus status : job.environments()) {
                Optional<DeployRecord> last = status.getLastAttempt().or(status::getCurrent);
                if (last.isEmpty()) {
                    continue;
                }
                Tally tally = byName.computeIfAbsent(status.getEnvironment().value(), name -> new Tally());
                tally.jobs++;
                Instant started = last.get().getStartedAt();
                tally.lastDeploy =
                        tally.lastDeploy == null || started.isAfter(tally.lastDeploy) ? started : tally.lastDeploy;
                for (RecentDeploys recent : job.recent()) {
                    if (recent.environment().equals(status.getEnvironment())) {
                        tally.deploys += recent.deploys();
                        tally.failures += recent.failures();
                    }
                }
            }
        }
        return new ViewEnvironments(byName.entrySet().stream()
                .map(entry -> new Row(
                        entry.getKey(),
                        entry.getValue().jobs,
                        entry.getValue().deploys,
                        entry.getValue().failures,
                        entry.getValue().lastDeploy))
                .toList());
    }

    /** @return one row per environment, by name */
    public List<Row> getRows() {
        return rows;
    }

    /** @return whether no job deploys anywhere */
    public boolean isEmpty() {
        return rows.isEmpty();
    }

    private static final class Tally {
        private int jobs;
        private int deploys;
        private int failures;
        private Instant lastDeploy;
    }
}
