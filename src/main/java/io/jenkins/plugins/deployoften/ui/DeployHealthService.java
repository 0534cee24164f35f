package io.jenkins.plugins.deployoften.ui;

import hudson.model.Job;
import io.jenkins.plugins.deployoften.config.DeployOftenConfiguration;
import io.jenkins.plugins.deployoften.gate.GateFiles;
import io.jenkins.plugins.deployoften.model.DeployLedger;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.DeployStatistics;
import io.jenkins.plugins.deployoften.model.DisplayText;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import io.jenkins.plugins.deployoften.model.deploy.EnvironmentStatus;
import io.jenkins.plugins.deployoften.model.gate.GateAuditGlance;
import io.jenkins.plugins.deployoften.model.gate.GateAuditLog;
import io.jenkins.plugins.deployoften.model.gate.GateDecision;
import io.jenkins.plugins.deployoften.model.gate.GateOverride;
import io.jenkins.plugins.deployoften.model.ledger.AtomicFiles;
import io.jenkins.plugins.deployoften.model.view.DeployHealthSnapshot;
import io.jenkins.plugins.deployoften.model.view.DeployHealthTable;
import io.jenkins.plugins.deployoften.model.view.DeployHealthView;
import io.jenkins.plugins.deployoften.model.view.RecentDeploys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * Computes a job's deploy health from its ledger and gate audit trail, never from builds, and caches it per
 * job while the ledger and the audit trail are unchanged and the statistics window has the same start (the
 * Monday 00:00 UTC of the current ISO week: the window moves on Mondays). Midnight does not expire an entry:
 * each request moves the cached view on to its time ({@link DeployHealthView#at(Instant)}), which recomputes
 * the figures that depend on the day (ages such as "2 h ago", the days so far and so the deploys per week)
 * from what was cached, exactly as a fresh computation would. An entry that cannot be moved (the clock went
 * back, or a future-dated record has started since) is recomputed. A badge or a page row served from the
 * cache costs two file look-ups, whatever the history holds. The entry also keeps what ran on each environment
 * ({@link EnvironmentStatus}, for the Deploy health page's "what runs where") and each environment's {@link
 * RecentDeploys recent deploys} (for the Deploy health portlet's environments), read when it is computed: every
 * appended record changes the ledger's version and so recomputes it. Each computed entry is also written to the
 * job's {@value HealthFile#FILE_NAME} ({@link DeployHealthSnapshot}), and a job not in memory (after a restart) is
 * served from that file while the ledger and audit trail are as it says, so the first page after a restart reads
 * one small file per job instead of each ledger's summary.
 */
public final class DeployHealthService {
    /** How many of the gate audit trail's newest lines are searched for the last override. */
    static final int OVERRIDE_LOOKBACK = 20;

    private static final DeployHealthService INSTANCE = new DeployHealthService(Clock.systemUTC());

    private final Clock clock;
    private final ConcurrentMap<String, Cached> cache = new ConcurrentHashMap<>();
    private volatile Week week;

    DeployHealthService(Clock clock) {
        this.clock = clock;
    }

    /** @return the controller-wide service */
    public static DeployHealthService get() {
        return INSTANCE;
    }

    /**
     * @param job the job
     * @return its deploy health for the environment it deploys to, at this moment
     * @throws IOException when the ledger cannot be read
     */
    public DeployHealthView healthOf(Job<?, ?> job) throws IOException {
        return summaryOf(job).view;
    }

    /**
     * @param job the job
     * @return "USER: REASON" of the job's last overridden gate decision among the recent ones, or empty text
     * @throws IOException when the audit trail cannot be read
     */
    public String lastOverrideOf(Job<?, ?> job) throws IOException {
        return summaryOf(job).lastOverride;
    }

    /**
     * @param job the job
     * @return the job as the Deploy health page's table takes it: its health, what runs on each environment and its
     *     last override, from one look-up of the cache
     * @throws IOException when the ledger or the audit trail cannot be read
     */
    public DeployHealthTable.Job tableJobOf(Job<?, ?> job) throws IOException {
        return tableJobOf(
                job.getFullName(),
                job.getUrl(),
                DeployOftenConfiguration.ledgers().of(job),
                new AuditLogSource(GateFiles.auditLogOf(job)),
                HealthFile.ofJob(job));
    }

    private Summary summaryOf(Job<?, ?> job) throws IOException {
        return summaryOf(
                job.getFullName(),
                DeployOftenConfiguration.ledgers().of(job),
                new AuditLogSource(GateFiles.auditLogOf(job)),
                HealthFile.ofJob(job));
    }

    /** As {@link #tableJobOf(Job)}, by the job's full name and URL, ledger, audit trail and health file. */
    DeployHealthTable.Job tableJobOf(
            String fullName, String url, DeployLedger ledger, AuditSource audit, SnapshotStore snapshots)
            throws IOException {
        Summary summary = summaryOf(fullName, ledger, audit, snapshots);
        return new DeployHealthTable.Job(
                fullName, url, summary.view, summary.environments, summary.recent, summary.lastOverride);
    }

    Summary summaryOf(String key, DeployLedger ledger, AuditSource audit, SnapshotStore snapshots) throws IOException {
        Instant now = clock.instant();
        String version = ledger.version() + "|" + audit.version() + "|" + weekTextOf(now);
        Cached cached = cache.get(key);
        if (cached == null || !cached.version.equals(version) || !cached.summary.view.canMoveTo(now)) {
            cached = cached == null ? stored(snapshots, version, now) : null;
            if (cached == null) {
                cached = compute(ledger, audit, now, version);
                store(snapshots, cached);
            }
            cache.put(key, cached);
        }
        return cached.summary.at(now);
    }

    Summary summaryOf(String key, DeployLedger ledger, AuditSource audit) throws IOException {
        return summaryOf(key, ledger, audit, SnapshotStore.NONE);
    }

    /** @return what a snapshot kept of the job for this version, as after a restart; {@code null} when none fits */
    private static Cached stored(SnapshotStore snapshots, String version, Instant now) {
        try {
            Optional<DeployHealthSnapshot> snapshot = snapshots
                    .read()
                    .flatMap(DeployHealthSnapshot::decode)
                    .filter(kept -> kept.getSource().equals(version));
            return snapshot.filter(kept -> kept.getView().canMoveTo(now))
                    .map(kept -> new Cached(
                            version,
                            new Summary(
                                    kept.getView(), kept.getLastOverride(), kept.getEnvironments(), kept.getRecent())))
                    .orElse(null);
        } catch (IOException | RuntimeException e) {
            return null; // a cache: computed afresh
        }
    }

    private static void store(SnapshotStore snapshots, Cached cached) {
        try {
            Summary summary = cached.summary;
            snapshots.write(DeployHealthSnapshot.encode(
                    cached.version, summary.view, summary.lastOverride, summary.environments, summary.recent));
        } catch (IOException | RuntimeException e) {
            // a cache: the next restart computes the job again
        }
    }

    /** @return the Monday of the ISO week of {@code now}, UTC: the statistics window starts on a Monday */
    static LocalDate weekOf(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** @return {@link #weekOf(Instant)} as text, kept for the week so that a look-up does no calendar arithmetic */
    private String weekTextOf(Instant now) {
        Week week = this.week;
        if (week == null || !week.holds(now)) {
            week = Week.of(now);
            this.week = week;
        }
        return week.text();
    }

    /** An ISO week, UTC, from its Monday's start inclusive to the next Monday's exclusive, and its Monday as text. */
    private record Week(Instant start, Instant end, String text) {
        static Week of(Instant now) {
            LocalDate monday = weekOf(now);
            return new Week(
                    monday.atStartOfDay(ZoneOffset.UTC).toInstant(),
                    monday.plusWeeks(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                    monday.toString());
        }

        boolean holds(Instant now) {
            return !now.isBefore(start) && now.isBefore(end);
        }
    }

    private static Cached compute(DeployLedger live, AuditSource audit, Instant now, String version)
            throws IOException {
        DeployLedger ledger = live.pinned(); // the reads below answer from one state, its summary checked once
        EnvironmentName shown = environmentOf(ledger, now);
        DeployStatistics statistics =
                DeployStatistics.compute(ledger, shown, now, DeployStatistics.DEFAULT_WINDOW_WEEKS);
        GateAuditGlance gate = audit.glance(OVERRIDE_LOOKBACK);
        Optional<GateDecision> lastDecision = gate.latest();
        String lastOverride =
                gate.lastOverride().map(DeployHealthService::describe).orElse("");
        List<EnvironmentStatus> environments = new ArrayList<>();
        List<RecentDeploys> recentDeploys = new ArrayList<>();
        for (EnvironmentName environment : ledger.environments()) {
            environments.add(EnvironmentStatus.of(ledger, environment, now));
            // the shown environment's statistics already hold its last weeks
            recentDeploys.add(RecentDeploys.of(
                    environment.equals(shown)
                            ? statistics
                            : DeployStatistics.compute(ledger, environment, now, RecentDeploys.WEEKS)));
        }
        return new Cached(
                version,
                new Summary(
                        DeployHealthView.of(statistics, lastDecision),
                        lastOverride,
                        List.copyOf(environments),
                        List.copyOf(recentDeploys)));
    }

    private static String describe(GateOverride override) {
        return DisplayText.of(override.user()) + ": " + DisplayText.of(override.reason());
    }

    /** Forgets what was computed for a job, for example after an override was granted, here and on disk. */
    public void invalidate(Job<?, ?> job) {
        cache.remove(job.getFullName());
        try {
            HealthFile.ofJob(job).delete();
        } catch (IOException e) {
            // its source no longer matches after the change that invalidated it, so it would not be used
        }
    }

    /**
     * @return the environment of the deploy that ran (not SKIPPED) and started last by {@code now}, in {@link
     *     DeployLedger#START_ORDER} (of equal ones, the environment first by name), else the configured default
     */
    static EnvironmentName environmentOf(DeployLedger ledger, Instant now) throws IOException {
        DeployRecord newest = null;
        for (EnvironmentName environment : ledger.environments()) {
            Optional<DeployRecord> last = ledger.lastAttemptStartedBy(environment, now);
            if (last.isPresent() && (newest == null || DeployLedger.START_ORDER.compare(last.get(), newest) > 0)) {
                newest = last.get();
            }
        }
        if (newest != null) {
            return newest.getEnvironment();
        }
        return EnvironmentName.of(DeployOftenConfiguration.get().getDefaultEnvironment());
    }

    /** A job's gate audit trail, as far as the health needs it. */
    interface AuditSource {
        String version() throws IOException;

        /** @see GateAuditLog#glance(int) */
        GateAuditGlance glance(int lines) throws IOException;
    }

    /** Where a job's computed health is kept across restarts ({@link DeployHealthSnapshot}). */
    interface SnapshotStore {
        /** Keeps nothing: every job not in memory is computed. */
        SnapshotStore NONE = new SnapshotStore() {
            @Override
            public Optional<byte[]> read() {
                return Optional.empty();
            }

            @Override
            public void write(byte[] bytes) {}
        };

        /** @return the bytes last written, empty when none */
        Optional<byte[]> read() throws IOException;

        /** @param bytes replaces what was written, whole or not at all */
        void write(byte[] bytes) throws IOException;
    }

    /** {@value #FILE_NAME} in the job's directory, beside its ledger and gate audit trail. */
    static final class HealthFile implements SnapshotStore {
        static final String FILE_NAME = "deployoften-health.json";

        /** Found only when a look-up misses the memory: a hit stays one map look-up. */
        private final Supplier<Path> file;

        HealthFile(Path file) {
            this(() -> file);
        }

        HealthFile(Supplier<Path> file) {
            this.file = file;
        }

        @Override
        public Optional<byte[]> read() throws IOException {
            try {
                return Optional.of(Files.readAllBytes(file.get()));
            } catch (NoSuchFileException e) {
                return Optional.empty();
            }
        }

        @Override
        public void write(byte[] bytes) throws IOException {
            synchronized (HealthFile.class) { // one temporary file name per directory
                AtomicFiles.replace(file.get(), FILE_NAME + ".tmp", bytes, false);
            }
        }

        /** @return the job's file, in its directory */
        static HealthFile ofJob(Job<?, ?> job) {
            return new HealthFile(() -> job.getRootDir().toPath().resolve(FILE_NAME));
        }

        void delete() throws IOException {
            Files.deleteIfExists(file.get());
        }
    }

    /** The job's audit file. */
    private static final class AuditLogSource implements AuditSource {
        private final GateAuditLog audit;

        AuditLogSource(GateAuditLog audit) {
            this.audit = audit;
        }

        @Override
        public String version() throws IOException {
            return audit.version();
        }

        @Override
        public GateAuditGlance glance(int lines) throws IOException {
            return audit.glance(lines);
        }
    }

    /**
     * What the cache hands out: the view at the time of the request, the last override, and what ran on each
     * environment and its recent deploys when the entry was computed.
     */
    static final class Summary {
        final DeployHealthView view;
        final String lastOverride;
        final List<EnvironmentStatus> environments;
        final List<RecentDeploys> recent;

        Summary(
                DeployHealthView view,
                String lastOverride,
                List<EnvironmentStatus> environments,
                List<RecentDeploys> recent) {
            this.view = view;
            this.lastOverride = lastOverride;
            this.environments = environments;
            this.recent = recent;
        }

        /** @return the same summary with the view moved on to {@code now}, see {@link DeployHealthView#at} */
        Summary at(Instant now) {
            return new Summary(view.at(now), lastOverride, environments, recent);
        }
    }

    /** A computed summary and the version of the ledger, audit trail and week it was computed from. */
    private static final class Cached {
        private final String version;
        private final Summary summary;

        Cached(String version, Summary summary) {
            this.version = version;
            this.summary = summary;
        }
    }
}
