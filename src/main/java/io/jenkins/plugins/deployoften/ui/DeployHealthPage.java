package io.jenkins.plugins.deployoften.ui;

import io.jenkins.plugins.deployoften.Messages;
import io.jenkins.plugins.deployoften.config.DeployOftenConfiguration;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.DisplayText;
import io.jenkins.plugins.deployoften.model.gate.GatePolicy;
import io.jenkins.plugins.deployoften.model.view.DeployHealthTable;
import io.jenkins.plugins.deployoften.model.view.DeployTrendChart;
import io.jenkins.plugins.deployoften.model.view.GateBadgeState;
import io.jenkins.plugins.deployoften.model.view.HealthStanding;
import io.jenkins.plugins.deployoften.model.view.HealthStateFilter;
import io.jenkins.plugins.deployoften.model.view.ViewDeployHealth;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The Deploy health page for one request's parameters ({@code view}, {@code folder}, {@code state}, {@code page}):
 * the scope the user may read, its {@link DeployHealthTable table}, the page of rows shown, and the words and
 * links its Jelly view, {@code api/json} and {@code rows.csv} use. Unknown parameters give messages naming them
 * and what they may be, and no rows.
 */
public final class DeployHealthPage {
    private final String view;
    private final String folder;
    private final HealthStateFilter state;
    private final List<String> problems;
    private final DeployHealthTable table;
    private final DeployHealthTable.Page page;
    private final Instant now;

    private DeployHealthPage(
            String view,
            String folder,
            HealthStateFilter state,
            List<String> problems,
            DeployHealthTable table,
            int page,
            Instant now) {
        this.view = view;
        this.folder = folder;
        this.state = state;
        this.problems = List.copyOf(problems);
        this.table = table;
        this.page = table.page(page);
        this.now = now;
    }

    /**
     * @param view {@code ?view=}, see {@link DeployHealthScope#of}
     * @param folder {@code ?folder=}
     * @param state {@code ?state=}: {@code all} (or blank), {@code stale}, {@code goingStale} or {@code blocked}
     * @param page {@code ?page=}, from 1
     * @return the page as the current user may see it
     */
    static DeployHealthPage of(String view, String folder, String state, String page) {
        Instant now = Instant.now();
        GatePolicy.FreshRule fresh =
                DeployOftenConfiguration.get().getGatePolicy().toPolicy().fresh();
        List<String> problems = new ArrayList<>();
        Optional<HealthStateFilter> filter = HealthStateFilter.parse(state);
        if (filter.isEmpty()) {
            problems.add(Messages.DeployHealthPage_unknownState(state.trim(), HealthStateFilter.allowed()));
        }
        DeployHealthScope scope = DeployHealthScope.of(view, folder);
        problems.addAll(scope.problems());
        List<DeployHealthTable.Job> jobs = problems.isEmpty() ? scope.tableJobs() : List.of();
        return new DeployHealthPage(
                ViewPath.trimSlashes(view),
                ViewPath.trimSlashes(folder),
                filter.orElse(HealthStateFilter.ALL),
                problems,
                DeployHealthTable.of(jobs, filter.orElse(HealthStateFilter.ALL), fresh, now),
                DeployHealthTable.pageNumber(page),
                now);
    }

    /**
     * @param where the view the query names, empty for none
     * @param state the state it names
     * @return the query string of the Deploy health page for that view and state, such as {@code
     *     ?folder=team-a&view=backend&state=stale}
     */
    static String query(Optional<ViewPath> where, HealthStateFilter state) {
        Map<String, String> parameters = new LinkedHashMap<>();
        where.ifPresent(path -> {
            parameters.put("folder", path.folder());
            parameters.put("view", path.view());
        });
        parameters.put("state", state.id());
        return query(parameters);
    }

    private static String query(Map<String, String> parameters) {
        String joined = parameters.entrySet().stream()
                .filter(parameter -> !parameter.getValue().isEmpty())
                .map(parameter ->
                        parameter.getKey() + "=" + URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return joined.isEmpty() ? "" : "?" + joined;
    }

    private Map<String, String> scopeParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("folder", folder);
        parameters.put("view", view);
        return parameters;
    }

    /** @return the {@code view} parameter, trimmed */
    public String getView() {
        return view;
    }

    /** @return the {@code folder} parameter, trimmed */
    public String getFolder() {
        return folder;
    }

    /** @return the state filter's id; {@code all} when the parameter named none or an unknown one */
    public String getState() {
        return state.id();
    }

    /** @return the messages about unknown parameters; when there is any, the page has no rows */
    public List<String> getProblems() {
        return problems;
    }

    /** @return every row of the scope, the environments and the figures */
    public DeployHealthTable getTable() {
        return table;
    }

    /** @return the page of rows shown */
    public DeployHealthTable.Page getPage() {
        return page;
    }

    /** @return the scope in words, for the app bar */
    public String getScopeText() {
        if (!view.isEmpty() && !folder.isEmpty()) {
            return Messages.DeployHealthPage_scopeFolderView(view, folder);
        }
        if (!view.isEmpty()) {
            return Messages.DeployHealthPage_scopeView(view);
        }
        if (!folder.isEmpty()) {
            return Messages.DeployHealthPage_scopeFolder(folder);
        }
        return Messages.DeployHealthPage_scopeAll();
    }

    /**
     * @param id a state's id
     * @return the query of this scope in that state, first page
     */
    public String stateQuery(String id) {
        Map<String, String> parameters = scopeParameters();
        parameters.put("state", id);
        return query(parameters);
    }

    /**
     * @param number a page, from 1
     * @return the query of this scope and state on that page
     */
    public String pageQuery(int number) {
        Map<String, String> parameters = scopeParameters();
        parameters.put("state", state.id());
        parameters.put("page", Integer.toString(number));
        return query(parameters);
    }

    /** @return the query of this scope and state, for the exports (which hold every page) */
    public String getExportQuery() {
        Map<String, String> parameters = scopeParameters();
        parameters.put("state", state.id());
        return query(parameters);
    }

    /** @return the ids of the states, in the order the filter lists them */
    public List<String> getStates() {
        List<String> ids = new ArrayList<>();
        for (HealthStateFilter filter : HealthStateFilter.values()) {
            ids.add(filter.id());
        }
        return ids;
    }

    /**
     * @param id a state's id
     * @return its name in the filter
     */
    public String stateText(String id) {
        switch (HealthStateFilter.parse(id).orElse(HealthStateFilter.ALL)) {
            case STALE:
                return Messages.DeployHealthPage_stateStale();
            case GOING_STALE:
                return Messages.DeployHealthPage_stateGoingStale(HealthStanding.WARNING_DAYS);
            case BLOCKED:
                return Messages.DeployHealthPage_stateBlocked();
            default:
                return Messages.DeployHealthPage_stateAll();
        }
    }

    /** @return the line counting the scope's jobs per state, with the widget's words */
    public List<String> getCounts() {
        ViewDeployHealth health = table.getScopeHealth();
        return List.of(
                Messages.DeployHealthWidget_jobs(health.getJobs()),
                Messages.DeployHealthWidget_stale(health.getStale()),
                Messages.DeployHealthWidget_goingStale(health.getGoingStale(), HealthStanding.WARNING_DAYS),
                Messages.DeployHealthWidget_blocked(health.getBlocked()));
    }

    /** @return the trend of the shown rows' jobs, the job page's chart, as ECharts option JSON (escaped for HTML) */
    public String getTrendChartJson() {
        return DeployTrendChart.of(table.getShownHealth().getWeeks(), ChartWords.labels())
                .toJson();
    }

    /**
     * @param text user-controlled text from a record or an override
     * @return it as the page shows it ({@link DisplayText}); Jelly escapes it
     */
    public String shown(String text) {
        return DisplayText.of(text);
    }

    /**
     * @param commit a recorded commit
     * @return it shortened for a cell, see {@link DeployHealthTable#shortCommit}
     */
    public String shortCommit(String commit) {
        return DeployHealthTable.shortCommit(commit);
    }

    /**
     * @param instant a time the page shows
     * @return how long before the page it was, such as {@code 3 min ago}
     */
    public String ago(Instant instant) {
        return HealthWords.ago(Duration.between(instant, now));
    }

    /**
     * @param row a row
     * @param record one of its job's deploys
     * @return the build's URL relative to the Jenkins root
     */
    public String buildUrl(DeployHealthTable.Row row, DeployRecord record) {
        return row.getJob().url() + record.getBuildNumber() + "/";
    }

    /**
     * @param record a deploy
     * @return its outcome in words
     */
    public String outcome(DeployRecord record) {
        return DisplayNames.outcome(record.getOutcome());
    }

    /**
     * @param state a gate state
     * @return it in words
     */
    public String gate(GateBadgeState state) {
        return DisplayNames.gateState(state);
    }

    /** @return the "going stale" mark's words */
    public String getGoingStaleText() {
        return Messages.DeployHealthPage_goingStale(HealthStanding.WARNING_DAYS);
    }

    /** @return the "page N of M" words */
    public String getPageText() {
        return Messages.DeployHealthPage_pageOf(
                page.number(), page.pages(), table.getRows().size());
    }
}
