package io.jenkins.plugins.deployoften.model.view;

import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.DisplayText;
import io.jenkins.plugins.deployoften.model.deploy.EnvironmentStatus;
import io.jenkins.plugins.deployoften.model.gate.GatePolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What the Deploy health page shows for a scope (a view, a folder or every job) that the caller has already cut to
 * the jobs the user may read, so a hidden job changes no row, column or figure: "what runs where", one row per job
 * and one column per environment any shown job deploys to, with where each job {@link HealthStanding stands}.
 *
 * <ul>
 *   <li>rows: the jobs the {@link HealthStateFilter state} admits, blocked gates first, then stale jobs, then the
 *       rest ({@link HealthStanding#rank()}), each group by full name;
 *   <li>columns: the environments, by name, of which a shown job has a deploy that ran (an environment with only
 *       SKIPPED records makes no column);
 *   <li>a cell: the deploy that runs on the environment (the successful one that started last), else the last
 *       attempt; and the failed or aborted last attempt after it, which the page marks;
 *   <li>the {@link #getScopeHealth() scope's figures}: those of the widget for the same jobs, before the state
 *       filter, so the counts per state read the same on both; the {@link #getShownHealth() shown rows' figures},
 *       whose weeks make the page's trend chart;
 *   <li>pages of {@value #PAGE_SIZE} rows.
 * </ul>
 */
public final class DeployHealthTable {
    /** Rows a page. */
    public static final int PAGE_SIZE = 100;

    /** Commits of this many hexadecimal digits or more are shown shortened. */
    static final int SHORTEN_FROM = 12;
    /** How many digits a shortened commit keeps, as {@code git log --oneline}. */
    public static final int SHORT_COMMIT = 7;

    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");

    private final List<Row> rows;
    private final List<String> environments;
    private final ViewDeployHealth scopeHealth;
    private final ViewDeployHealth shownHealth;

    private DeployHealthTable(
            List<Row> rows, List<String> environments, ViewDeployHealth scopeHealth, ViewDeployHealth shownHealth) {
        this.rows = rows;
        this.environments = environments;
        this.scopeHealth = scopeHealth;
        this.shownHealth = shownHealth;
    }

    /**
     * One job of the scope.
     *
     * @param fullName the job's full name
     * @param url the job's URL relative to the Jenkins root, ending in {@code /}
     * @param health the job's deploy health (of the environment it deployed to last)
     * @param environments what runs on each environment the job has records of
     * @param recent the recent deploys of each environment the job has records of ({@link ViewEnvironments})
     * @param lastOverride "USER: REASON" of the job's last overridden gate decision, or empty text
     */
    public record Job(
            String fullName,
            String url,
            DeployHealthView health,
            List<EnvironmentStatus> environments,
            List<RecentDeploys> recent,
            String lastOverride) {
        /** @throws NullPointerException naming the missing value */
        public Job {
            Objects.requireNonNull(fullName, "fullName");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(health, "health");
            environments = List.copyOf(environments);
            recent = List.copyOf(recent);
            lastOverride = lastOverride == null ? "" : lastOverride;
        }
    }

    /** What runs on one environment of one job. */
    public static final class Cell {
        private final EnvironmentStatus status;

        Cell(EnvironmentStatus status) {
            this.status = status;
        }

        /** @return the environment's name */
        public String getEnvironment() {
            return status.getEnvironment().value();
        }

        /** @return the deploy the cell shows: what runs there (the last successful one), else the last attempt */
        public Optional<DeployRecord> getShown() {
            return status.getCurrent().or(status::getLastAttempt);
        }

        /** @return whether the last attempt failed or was aborted, so the environment runs an older build or none */
        public boolean isLastAttemptFailed() {
            return status.isLastAttemptFailed();
        }

        /**
         * @return the failed or aborted last attempt when a successful deploy is shown besides it (the last attempt
         *     failed after the current success); empty otherwise
         */
        public Optional<DeployRecord> getFailedAttempt() {
            return status.isLastAttemptFailed() && status.getCurrent().isPresent()
                    ? status.getLastAttempt()
                    : Optional.empty();
        }

        /** @return the last deploy that ran, of any outcome */
        public Optional<DeployRecord> getLastAttempt() {
            return status.getLastAttempt();
        }
    }

    /** One job on the page. */
    public static final class Row {
        private final Job job;
        private final HealthStanding standing;
        private final Map<String, Cell> cells;

        Row(Job job, HealthStanding standing, Map<String, Cell> cells) {
            this.job = job;
            this.standing = standing;
            this.cells = Collections.unmodifiableMap(cells);
        }

        public Job getJob() {
            return job;
        }

        public HealthStanding getStanding() {
            return standing;
        }

        /** @return the job's cells by environment name, in name order; environments without a deploy left out */
        public Map<String, Cell> getCells() {
            return cells;
        }

        /**
         * @param environment an environment's name
         * @return the job's cell of that environment, {@code null} when the job never deployed there
         */
        public Cell cell(String environment) {
            return cells.get(environment);
        }
    }

    /**
     * A page of rows.
     *
     * @param number the page, from 1
     * @param pages how many pages there are, at least 1
     * @param rows the page's rows
     */
    public record Page(int number, int pages, List<Row> rows) {
        /** @return whether there is more than one page, so the page shows its pagination */
        public boolean isPaged() {
            return pages > 1;
        }

        public boolean hasPrevious() {
            return number > 1;
        }

        public boolean hasNext() {
            return number < pages;
        }
    }

    /**
     * @param jobs the jobs of the scope that the user may read
     * @param state the state the rows must be in
     * @param fresh the administrator's {@code FRESH} rule
     * @param now the time the page is seen at
     * @return the table
     * @throws IllegalArgumentException when a value is missing
     */
    public static DeployHealthTable of(
            List<Job> jobs, HealthStateFilter state, GatePolicy.FreshRule fresh, Instant now) {
        if (jobs == null || jobs.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("jobs is missing or has a missing job: use a list of jobs");
        }
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(fresh, "fresh");
        Objects.requireNonNull(now, "now");
        List<Row> rows = new ArrayList<>();
        SortedSet<String> environments = new TreeSet<>();
        for (Job job : jobs) {
            HealthStanding standing = HealthStanding.of(job.health(), fresh, now);
            if (!state.admits(standing)) {
                continue;
            }
            Map<String, Cell> cells = new LinkedHashMap<>();
            job.environments().stream()
                    .filter(status -> status.getLastAttempt().isPresent()
                            || status.getCurrent().isPresent())
                    .sorted(Comparator.comparing(
                            status -> status.getEnvironment().value()))
                    .forEach(status -> cells.put(status.getEnvironment().value(), new Cell(status)));
            environments.addAll(cells.keySet());
            rows.add(new Row(job, standing, cells));
        }
        rows.sort(Comparator.comparingInt((Row row) -> row.standing.rank()).thenComparing(row -> row.job.fullName()));
        return new DeployHealthTable(
                List.copyOf(rows),
                List.copyOf(environments),
                ViewDeployHealth.of(jobs.stream().map(Job::health).toList(), fresh, now),
                ViewDeployHealth.of(rows.stream().map(row -> row.job.health()).toList(), fresh, now));
    }

    /** @return the rows of every page, in page order */
    public List<Row> getRows() {
        return rows;
    }

    /** @return the environment columns, by name */
    public List<String> getEnvironments() {
        return environments;
    }

    /** @return the figures of every job of the scope, whatever their state: what the widget shows for them */
    public ViewDeployHealth getScopeHealth() {
        return scopeHealth;
    }

    /** @return the figures of the jobs the state admits: the page's trend */
    public ViewDeployHealth getShownHealth() {
        return shownHealth;
    }

    /** @return how many pages of {@value #PAGE_SIZE} rows there are, at least 1 */
    public int getPages() {
        return Math.max(1, (rows.size() + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    /**
     * @param requested the page asked for, from 1; below 1 is the first page, beyond the last the last page
     * @return that page
     */
    public Page page(int requested) {
        int pages = getPages();
        int number = Math.min(Math.max(1, requested), pages);
        int from = (number - 1) * PAGE_SIZE;
        return new Page(number, pages, rows.subList(from, Math.min(rows.size(), from + PAGE_SIZE)));
    }

    /**
     * @param text the {@code page} parameter, possibly missing or not a number
     * @return the page it asks for, 1 when it names none
     */
    public static int pageNumber(String text) {
        if (text == null || text.isBlank()) {
            return 1;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /**
     * @param commit a commit as recorded
     * @return it as a cell shows it ({@link DisplayText}): a hexadecimal id of {@value #SHORTEN_FROM} digits or more
     *     shortened to {@value #SHORT_COMMIT}, anything else whole
     */
    public static String shortCommit(String commit) {
        String shown = DisplayText.of(commit);
        if (shown.length() >= SHORTEN_FROM && HEX.matcher(shown).matches()) {
            return shown.substring(0, SHORT_COMMIT);
        }
        return shown;
    }
}
