package io.jenkins.plugins.deployoften.benchmarks;

import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.ledger.FileDeployLedger;
import io.jenkins.plugins.deployoften.model.ledger.LedgerLineFormat;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Deterministic deploy histories of many different jobs for the release-manager page: each job deploys to
 * {@code production} at random times of the working days (08:00 to 18:00 UTC) of the year before
 * {@link DeployHistory#NOW}, so 1,000 records put about 230 into the 12-week window; each job has its own
 * failure rate (3% to 23%), about 2% aborted and 2% skipped deploys. Ledgers are written as whole files
 * through {@link LedgerLineFormat#encode}, each line stamped with its deploy's end as an append would stamp
 * it, which is much faster than millions of appends and gives the same bytes.
 */
final class JobHistories {
    private static final int DAYS_OF_HISTORY = 365;
    private static final long OFFICE_HOURS_MILLIS = Duration.ofHours(10).toMillis();
    private static final String[] TRIGGERS = {"alice", "bob", "carol", "timer", "upstream"};

    private JobHistories() {}

    /**
     * @param job the job's index, which seeds its history
     * @return the job's full name: 50 folders of 100 jobs, {@code team-07/service-0712}
     */
    static String jobName(int job) {
        return String.format(Locale.ROOT, "team-%02d/service-%04d", job / 100, job);
    }

    /**
     * @param job the job's index, which seeds its history
     * @param size how many records
     * @return {@code size} deploys of the year before {@link DeployHistory#NOW}, oldest first, builds 1 to size
     */
    static List<DeployRecord> generate(int job, int size) {
        Random random = new Random(job * 7_919L + size);
        double failureRate = 0.03 + 0.20 * random.nextDouble();
        List<LocalDate> workingDays = workingDaysBefore(DeployHistory.NOW);
        List<Instant> starts = new ArrayList<>(size);
        while (starts.size() < size) {
            LocalDate day = workingDays.get(random.nextInt(workingDays.size()));
            Instant start = day.atTime(8, 0).toInstant(ZoneOffset.UTC).plusMillis((long)
                    (random.nextDouble() * OFFICE_HOURS_MILLIS));
            // leave room for the longest deploy (10 min) before now, so every record has ended by then
            if (start.plus(Duration.ofMinutes(10)).isBefore(DeployHistory.NOW)) {
                starts.add(start);
            }
        }
        starts.sort(Comparator.naturalOrder());
        String name = jobName(job);
        List<DeployRecord> records = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            records.add(record(name, i + 1, starts.get(i), failureRate, random));
        }
        return records;
    }

    /**
     * Writes a ledger file in one buffered stream, each line stamped with its deploy's end time.
     *
     * @return the ledger, whose appends (none in the benchmarks) would stay in the operating system's buffers
     */
    static FileDeployLedger writeLedger(Path directory, List<DeployRecord> records) throws IOException {
        Files.createDirectories(directory);
        try (OutputStream out = new BufferedOutputStream(
                Files.newOutputStream(directory.resolve(FileDeployLedger.FILE_NAME)), 64 * 1024)) {
            for (DeployRecord record : records) {
                out.write(LedgerLineFormat.encode(record, record.getEndedAt()));
            }
        }
        return new FileDeployLedger(
                directory, new SettableClock(DeployHistory.NOW), FileDeployLedger.Durability.OS_BUFFERED);
    }

    private static List<LocalDate> workingDaysBefore(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = today.minusDays(DAYS_OF_HISTORY - 1); !day.isAfter(today); day = day.plusDays(1)) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(day);
            }
        }
        return days;
    }

    private static DeployRecord record(
            String job, int buildNumber, Instant started, double failureRate, Random random) {
        double draw = random.nextDouble();
        DeployOutcome outcome = draw < 0.02
                ? DeployOutcome.SKIPPED
                : draw < 0.04
                        ? DeployOutcome.ABORTED
                        : draw < 0.04 + failureRate ? DeployOutcome.FAILURE : DeployOutcome.SUCCESS;
        String reason = SampleText.reasonFor(outcome, "kubectl rollout status timed out after 300s");
        String service = job.substring(job.indexOf('/') + 1);
        return DeployRecord.builder(DeployHistory.ENVIRONMENT, job, buildNumber)
                .buildUrl("job/" + job.replace("/", "/job/") + "/" + buildNumber + "/")
                .commit(SampleText.hex(random, 40))
                .commitTime(started.minusMillis(20 * 60_000L + random.nextInt(2 * 24 * 3_600_000)))
                .artifactFingerprint(SampleText.hex(random, 32))
                .outcome(outcome)
                .reason(reason)
                .startedAt(started)
                .duration(Duration.ofMillis(60_000L + random.nextInt(9 * 60_000)))
                .trigger(TRIGGERS[random.nextInt(TRIGGERS.length)])
                .message(String.format(Locale.ROOT, "%s 4.%d.0 to production", service, buildNumber))
                .build();
    }
}
