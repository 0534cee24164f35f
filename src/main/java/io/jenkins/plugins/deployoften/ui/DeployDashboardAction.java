package io.jenkins.plugins.deployoften.ui;

import hudson.model.Action;
import hudson.model.Api;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.User;
import io.jenkins.plugins.deployoften.DurationWords;
import io.jenkins.plugins.deployoften.Messages;
import io.jenkins.plugins.deployoften.config.DeployOftenConfiguration;
import io.jenkins.plugins.deployoften.config.FieldProblems;
import io.jenkins.plugins.deployoften.gate.GateFiles;
import io.jenkins.plugins.deployoften.gate.GateWords;
import io.jenkins.plugins.deployoften.model.DeployLedger;
import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.DisplayText;
import io.jenkins.plugins.deployoften.model.InvalidValueException;
import io.jenkins.plugins.deployoften.model.deploy.EnvironmentStatus;
import io.jenkins.plugins.deployoften.model.gate.GateAuditEntry;
import io.jenkins.plugins.deployoften.model.gate.GateOverride;
import io.jenkins.plugins.deployoften.model.gate.OverrideGrant;
import io.jenkins.plugins.deployoften.model.ledger.SharedDeployLedger;
import io.jenkins.plugins.deployoften.model.view.BadgeSnippet;
import io.jenkins.plugins.deployoften.model.view.DeployHealthView;
import io.jenkins.plugins.deployoften.security.DeployOftenPermissions;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerResponse2;
import org.kohsuke.stapler.verb.GET;
import org.kohsuke.stapler.verb.POST;

/**
 * The job's deploy dashboard at {@code JOB_URL/deployoften/}: what is on the environment, the statistics,
 * the trend, recent deploys, the release gate with its audit trail and, for permitted users, the override
 * form. Everything is read from the job's ledger and audit trail, never from builds.
 */
public class DeployDashboardAction implements Action {
    /** Deploys per page of the recent deploys table. */
    public static final int PAGE_SIZE = 50;

    private final Job<?, ?> job;

    public DeployDashboardAction(Job<?, ?> job) {
        this.job = job;
    }

    public Job<?, ?> getJob() {
        return job;
    }

    /** @return the plugin's symbol (images/symbols/deployoften.svg), drawn in the theme's text colour */
    @Override
    public String getIconFileName() {
        return DeployHealthRootAction.ICON;
    }

    @Override
    public String getDisplayName() {
        return Messages.DeployDashboard_displayName();
    }

    @Override
    public String getUrlName() {
        return "deployoften";
    }

    /**
     * @param text user-controlled text from a record or an override
     * @return it as the page shows it: without bidirectional controls, on one line ({@link DisplayText})
     */
    public String shown(String text) {
        return DisplayText.of(text);
    }

    /** @return the statistics and figures the page shows */
    public DeployHealthView getHealth() throws IOException {
        return DeployHealthService.get().healthOf(job);
    }

    /** @return what is on the environment now */
    public EnvironmentStatus getEnvironmentStatus() throws IOException {
        return EnvironmentStatus.of(
                DeployOftenConfiguration.ledgers().of(job),
                getHealth().getStatistics().getEnvironment(),
                Instant.now());
    }

    /** @return whether the shared ledger did not answer, so the page shows this controller's history only */
    public boolean isSharedViewStale() throws IOException {
        DeployLedger ledger = DeployOftenConfiguration.ledgers().of(job);
        return ledger instanceof SharedDeployLedger && ((SharedDeployLedger) ledger).isStale();
    }

    /**
     * @return how many of the job's records the shared database refused (or spool lines nobody could read), kept
     *     in the spool's dead-letter file for a person; 0 without the shared ledger
     */
    public int getDeadLetteredRecords() throws IOException {
        DeployLedger ledger = DeployOftenConfiguration.ledgers().of(job);
        return ledger instanceof SharedDeployLedger ? ((SharedDeployLedger) ledger).deadLettered() : 0;
    }

    /** @return whether this page reads the shared ledger in the Jenkins database rather than the job folder */
    public boolean isReadingSharedLedger() {
        return DeployOftenConfiguration.ledgers().of(job) instanceof SharedDeployLedger;
    }

    /** @return the figures the page shows, in the request's language */
    public HealthWords getWords() throws IOException {
        return HealthWords.of(getHealth());
    }

    /**
     * @param outcome how a deploy ended
     * @return it in the request's language
     */
    public String outcome(DeployOutcome outcome) {
        return DisplayNames.outcome(outcome);
    }

    /** @return the one-line summary for the job page; a note instead when the ledger cannot be read */
    public String getSummary() {
        try {
            return getWords().getSummary();
        } catch (IOException e) {
            return Messages.DeployDashboard_unreadable(e.getMessage());
        }
    }

    /** @return the trend chart as ECharts option JSON (escaped for HTML by the page) */
    public String getTrendChartJson() throws IOException {
        return getHealth().trendChart(ChartWords.labels()).toJson();
    }

    /**
     * @param page the page, from 0
     * @return the newest deploys of that page, newest first
     */
    public List<DeployRecord> getRecentDeploys(int page) throws IOException {
        List<DeployRecord> records = new ArrayList<>(readPage(page, PAGE_SIZE));
        records.sort(Comparator.comparing(DeployRecord::getStartedAt).reversed());
        return records;
    }

    /**
     * @param page the page shown, from 0
     * @return whether there are deploys older than that page (the "Older deploys" link shows only then)
     */
    public boolean hasOlderDeploys(int page) throws IOException {
        return readPage(page, PAGE_SIZE + 1).size() > PAGE_SIZE;
    }

    private List<DeployRecord> readPage(int page, int size) throws IOException {
        return DeployOftenConfiguration.ledgers().of(job).readRecent(Math.max(0, page) * PAGE_SIZE, size);
    }

    /**
     * @param instant a time the page shows
     * @return how long ago it was, such as {@code 3 min ago}
     */
    public String ago(Instant instant) {
        return HealthWords.ago(Duration.between(instant, Instant.now()));
    }

    /**
     * @param instant a time the page shows
     * @return the exact time in the controller's time zone, for the tooltip
     */
    public String exactTime(Instant instant) {
        return EXACT_TIME.format(instant.atZone(ZoneId.systemDefault()));
    }

    private static final DateTimeFormatter EXACT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");

    /**
     * @param duration a deploy's duration
     * @return it in words, such as {@code 1 min 12 s}
     */
    public String duration(Duration duration) {
        return DurationWords.of(duration);
    }

    /**
     * @param page the {@code page} query parameter, possibly missing or not a number
     * @return the page number it names, 0 when it names none
     */
    public int pageNumber(String page) {
        try {
            return page == null ? 0 : Math.max(0, Integer.parseInt(page.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** @return the most recent gate decisions, newest first */
    public List<GateAuditEntry> getGateAudit() throws IOException {
        return GateFiles.auditLogOf(job).readRecent(20).entries();
    }

    /**
     * @param entry a gate decision of the audit trail
     * @return what it decided, in the request's language
     */
    public String decided(GateAuditEntry entry) {
        return GateWords.forUser().status(entry.decision().getStatus());
    }

    /**
     * @param entry a gate decision of the audit trail
     * @return why, in one line in the request's language; a verdict of a line written before findings were kept
     *     in the words it was recorded with
     */
    public String why(GateAuditEntry entry) {
        return GateWords.user(entry.decision());
    }

    /**
     * @param override an override
     * @return the candidate it is bound to, in the request's language, on one line
     */
    public String candidate(GateOverride override) {
        return DisplayText.of(GateWords.forUser().candidate(override.candidate()));
    }

    /**
     * @return the override waiting for the gate evaluation of its candidate, if any; also an expired or unbound
     *     one, which lets nothing through (see {@link #isUsable})
     */
    public Optional<GateOverride> getPendingOverride() throws IOException {
        return GateFiles.overridesOf(job).pending();
    }

    /**
     * @param override the pending override
     * @return whether it can still let its candidate through: bound and not expired now
     */
    public boolean isUsable(GateOverride override) {
        return override.isBound() && !override.isExpiredAt(Instant.now());
    }

    /** @return the hours an override stays valid unless the form asks for fewer: the most the form allows */
    public int getOverrideExpiryHours() {
        return DeployOftenConfiguration.get().getOverrideExpiryHours();
    }

    /** @return whether the current user may grant an override (the form shows only then) */
    public boolean isOverridePermitted() {
        return job.hasPermission(DeployOftenPermissions.OVERRIDE_GATE);
    }

    /**
     * @param rootUrl Jenkins' root URL, which the snippets' badge URLs start with
     * @return what to copy to show each badge elsewhere, such as in the README of the deployed service
     */
    public List<BadgeSnippet> getBadgeSnippets(String rootUrl) {
        return DeployHealthView.badgeNames().stream()
                .map(name -> new BadgeSnippet(name, badgeUrl(rootUrl, name), badgeAlt(name)))
                .toList();
    }

    private static String badgeAlt(String name) {
        switch (name) {
            case "frequency":
                return Messages.BadgeSnippet_frequency();
            case "last":
                return Messages.BadgeSnippet_last();
            case "failures":
                return Messages.BadgeSnippet_failures();
            default:
                return Messages.BadgeSnippet_gate();
        }
    }

    /** Jenkins' root URL ends in {@code /} ({@code Jenkins.getRootUrl()}), a configured one may not. */
    private String badgeUrl(String rootUrl, String name) {
        String root = rootUrl == null ? "" : rootUrl;
        return (root.endsWith("/") ? root : root + "/") + getBadgePath(name);
    }

    /**
     * @param name {@code frequency}, {@code last}, {@code failures} or {@code gate}
     * @return the badge's path relative to the Jenkins root, the job name URL-encoded
     */
    public String getBadgePath(String name) {
        return DeployBadgeRootAction.badgePath(job, name);
    }

    /**
     * Grants a one-time override of the release gate for one candidate: the first gate evaluation of that
     * candidate before the override expires passes and records who overrode it, why, and what for. POST only,
     * CSRF-protected by Jenkins, and only for users with the "DeployOften / Override gate" permission on this job.
     *
     * @param reason why the gate may be passed once; required
     * @param bindTo what identifies the candidate: {@code BUILD}, {@code COMMIT} or {@code ARTIFACT_FINGERPRINT}
     * @param candidate the build number, commit or artifact fingerprint of the candidate
     * @param expiresInHours how long it stays valid; blank for the administrator's default, at most that
     * @return a redirect back to the dashboard, or 400 naming the bad field (then nothing is granted)
     * @throws IOException when the override cannot be stored
     */
    @POST
    public HttpResponse doOverride(
            @QueryParameter String reason,
            @QueryParameter String bindTo,
            @QueryParameter String candidate,
            @QueryParameter String expiresInHours)
            throws IOException {
        job.checkPermission(DeployOftenPermissions.OVERRIDE_GATE);
        User user = User.current();
        GateOverride override;
        try {
            override = OverrideGrant.of(
                    user == null ? "anonymous" : user.getId(),
                    reason,
                    bindTo,
                    candidate,
                    expiresInHours,
                    DeployOftenConfiguration.get().getOverrideExpiryHours(),
                    Instant.now());
        } catch (InvalidValueException e) {
            return HttpResponses.errorWithoutStack(400, FieldProblems.text(e.problem()));
        }
        GateFiles.overridesOf(job).grant(override);
        DeployHealthService.get().invalidate(job);
        return HttpResponses.redirectToDot();
    }

    /**
     * Answers {@code trendChart}: the trend chart as ECharts option JSON, which the job page loads after it has
     * shown, so that a job page with several trends is not held up by this one. It changes nothing; Jenkins routes
     * only users who may read the job to this action, and it checks again.
     *
     * @param response where the JSON goes
     * @throws IOException when the ledger cannot be read or the JSON cannot be written
     */
    @GET
    public void doTrendChart(StaplerResponse2 response) throws IOException {
        job.checkPermission(Item.READ);
        response.setContentType("application/json;charset=UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        response.getWriter().write(getTrendChartJson());
    }

    /** @return the statistics for {@code api/json} and {@code api/xml} */
    public Api getApi() throws IOException {
        return new Api(new DeployStatisticsApi(getHealth()));
    }
}
