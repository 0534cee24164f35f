package io.jenkins.plugins.deployoften.benchmarks;

import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import io.jenkins.plugins.deployoften.model.StatisticsWindow;
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
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A deterministic, realistic deploy history of one job, about 85% successful, ending just before {@link #NOW}:
 * inside the 12-week window, five production deploys per working day (Monday to Friday, office hours, UTC), so
 * the window always holds the same {@value #RECORDS_IN_WINDOW} records whatever the history size; before it,
 * {@value #DENSE_SLOTS_PER_DAY} deploys a day, every day, so that a longer history only reaches further back and
 * a million records still start after 1970 (the earliest instant a record may hold). Each record depends only on its build
 * number and its slot, so a history too large to hold in memory can be written and read back one record at a
 * time ({@link #writeLedgerFile}, {@link GeneratedHistory}).
 */
final class DeployHistory {
    /** Which outcomes the history's deploys have. */
    enum Kind {
        /** About 85% successful, 10% failed, 3% aborted, 2% skipped. */
        MIXED,
        /**
         * Every deploy successful (the same records otherwise): the current streak reaches back through the whole
         * history.
         */
        ALWAYS_GREEN
    }

    /** A record starts at most this long after its slot. */
    static final Duration LATEST_START_AFTER_SLOT = Duration.ofMinutes(20);

    /** The "now" of every benchmark: a Friday evening. */
    static final Instant NOW = Instant.parse("2026-11-27T18:00:00Z");

    static final String ENVIRONMENT = "production";
    static final EnvironmentName ENVIRONMENT_NAME = EnvironmentName.of(ENVIRONMENT);
    static final String JOB = "shop/checkout-service";
    static final int WINDOW_WEEKS = 12;
    /** Monday 7 September 2026, 00:00 UTC: the statistics window is the current ISO week and the 11 before. */
    static final Instant WINDOW_START =
            StatisticsWindow.ending(NOW, WINDOW_WEEKS).getStart();

    /** 12 weeks x 5 working days x 5 deploys: the window ends on a Friday evening, after the last deploy. */
    static final int RECORDS_IN_WINDOW = WINDOW_WEEKS * 5 * 5;

    private static final LocalTime[] DEPLOY_SLOTS = {
        LocalTime.of(9, 20), LocalTime.of(10, 45), LocalTime.of(12, 10), LocalTime.of(14, 30), LocalTime.of(16, 5)
    };
    /** Deploys per day before the window. */
    static final int DENSE_SLOTS_PER_DAY = 60;

    private static final Duration DENSE_SLOT_SPACING = Duration.ofDays(1).dividedBy(DENSE_SLOTS_PER_DAY);
    private static final String[] TRIGGERS = {"alice", "bob", "carol", "timer", "upstream shop/checkout-build"};

    private DeployHistory() {}

    /**
     * @param size how many records
     * @return the newest {@code size} deploys before {@link #NOW}, oldest first, numbered from build 1
     */
    static List<DeployRecord> generate(int size) {
        return generate(size, Kind.MIXED);
    }

    /**
     * @param size how many records
     * @param kind their outcomes
     * @return the newest {@code size} deploys before {@link #NOW}, oldest first, numbered from build 1
     */
    static List<DeployRecord> generate(int size, Kind kind) {
        List<Instant> slots = slots(size);
        List<DeployRecord> records = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            records.add(record(i + 1, slots.get(i), kind));
        }
        return records;
    }

    /**
     * Writes a history straight into a ledger file, one record at a time, each line stamped with its deploy's end
     * as an append would stamp it: the same bytes as {@link #writeLedger} would append, without holding the
     * history in memory, and much faster than a million appends.
     *
     * @return the ledger, which leaves appends (none in the benchmarks) to the operating system's buffers
     */
    static FileDeployLedger writeLedgerFile(Path directory, int size, Kind kind) throws IOException {
        Files.createDirectories(directory);
        List<Instant> slots = slots(size);
        try (OutputStream out = new BufferedOutputStream(
                Files.newOutputStream(directory.resolve(FileDeployLedger.FILE_NAME)), 1 << 20)) {
            for (int i = 0; i < size; i++) {
                DeployRecord record = record(i + 1, slots.get(i), kind);
                out.write(LedgerLineFormat.encode(record, record.getEndedAt()));
            }
        }
        return new FileDeployLedger(directory, new SettableClock(NOW), FileDeployLedger.Durability.OS_BUFFERED);
    }

    /**
     * @param size how many records
     * @return {@link #generate(int, Kind)} of {@link Kind#ALWAYS_GREEN}
     */
    static List<DeployRecord> generateAlwaysGreen(int size) {
        return generate(size, Kind.ALWAYS_GREEN);
    }

    /**
     * @param size the history's size
     * @param count how many of its newest records
     * @param alwaysGreen whether of {@link Kind#ALWAYS_GREEN} rather than {@link Kind#MIXED}
     * @return the newest {@code count} records of that history, oldest first, without generating the others
     */
    static List<DeployRecord> newest(int size, int count, boolean alwaysGreen) {
        List<Instant> slots = slots(size);
        List<DeployRecord> records = new ArrayList<>(count);
        for (int i = Math.max(0, size - count); i < size; i++) {
            records.add(record(i + 1, slots.get(i), alwaysGreen ? Kind.ALWAYS_GREEN : Kind.MIXED));
        }
        return records;
    }

    /** @return {@link #writeLedgerFile} of the history of that kind */
    static FileDeployLedger writeLedger(Path directory, int size, boolean alwaysGreen) throws IOException {
        return writeLedgerFile(directory, size, alwaysGreen ? Kind.ALWAYS_GREEN : Kind.MIXED);
    }

    /** @return the ledger already written in a directory (by an earlier fork) */
    static FileDeployLedger ledgerIn(Path directory) {
        return new FileDeployLedger(directory, new SettableClock(NOW), FileDeployLedger.Durability.OS_BUFFERED);
    }

    /**
     * Appends a history to a ledger as the deploys would have: in order, each stamped with its end time.
     *
     * @return the ledger, which leaves appends to the operating system's buffers (setup speed only)
     */
    static FileDeployLedger writeLedger(Path directory, List<DeployRecord> records) throws IOException {
        SettableClock clock = new SettableClock(NOW);
        FileDeployLedger ledger = new FileDeployLedger(directory, clock, FileDeployLedger.Durability.OS_BUFFERED);
        for (DeployRecord record : records) {
            clock.set(record.getEndedAt());
            ledger.append(record);
        }
        clock.set(NOW);
        return ledger;
    }

    /** @return how many of the records started inside the window */
    static long countInWindow(List<DeployRecord> records) {
        return records.stream()
                .filter(r -> !r.getStartedAt().isBefore(WINDOW_START))
                .count();
    }

    /**
     * @param size how many records
     * @return the slots of the newest {@code size} deploys before {@link #NOW}, oldest first: record {@code i}
     *     (build {@code i + 1}) starts up to {@link #LATEST_START_AFTER_SLOT} after slot {@code i}
     */
    static List<Instant> slots(int size) {
        List<Instant> newestFirst = new ArrayList<>(size);
        LocalDate windowStart = LocalDate.ofInstant(WINDOW_START, ZoneOffset.UTC);
        LocalDate day = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
        while (newestFirst.size() < size) {
            if (!day.isBefore(windowStart)) {
                addWorkingDaySlots(day, newestFirst, size);
            } else {
                addDenseSlots(day, newestFirst, size);
            }
            day = day.minusDays(1);
        }
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    private static void addWorkingDaySlots(LocalDate day, List<Instant> newestFirst, int size) {
        if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return;
        }
        for (int slot = DEPLOY_SLOTS.length - 1; slot >= 0 && newestFirst.size() < size; slot--) {
            Instant start = day.atTime(DEPLOY_SLOTS[slot]).toInstant(ZoneOffset.UTC);
            if (start.isBefore(NOW)) {
                newestFirst.add(start);
            }
        }
    }

    /*
     * Before the window, slots follow each other every DENSE_SLOT_SPACING all day long: a million records then
     * reach back to 1981, inside DeployRecord's instant range. The spacing is at least the start jitter, so starts
     * stay in build order.
     */
    private static void addDenseSlots(LocalDate day, List<Instant> newestFirst, int size) {
        Instant dayStart = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        for (int slot = DENSE_SLOTS_PER_DAY - 1; slot >= 0 && newestFirst.size() < size; slot--) {
            newestFirst.add(dayStart.plus(DENSE_SLOT_SPACING.multipliedBy(slot)));
        }
    }

    /**
     * @param buildNumber the record's build number, which seeds everything random about it
     * @param slot its slot (see {@link #slots})
     * @param kind which outcomes the history has
     * @return the record
     */
    static DeployRecord record(int buildNumber, Instant slot, Kind kind) {
        Random random = new Random(buildNumber);
        Instant started = slot.plusMillis(random.nextInt((int) LATEST_START_AFTER_SLOT.toMillis()))
                .truncatedTo(ChronoUnit.MILLIS);
        double draw = random.nextDouble();
        DeployOutcome outcome = kind == Kind.ALWAYS_GREEN || draw < 0.85
                ? DeployOutcome.SUCCESS
                : draw < 0.95 ? DeployOutcome.FAILURE : draw < 0.98 ? DeployOutcome.ABORTED : DeployOutcome.SKIPPED;
        String reason = SampleText.reasonFor(
                outcome, "kubectl rollout status deployment/checkout-service timed out after 300s");
        return DeployRecord.builder(ENVIRONMENT, JOB, buildNumber)
                .buildUrl("job/shop/job/checkout-service/" + buildNumber + "/")
                .commit(SampleText.hex(random, 40))
                .commitTime(started.minusMillis(20 * 60_000L + random.nextInt(2 * 24 * 3_600_000)))
                .artifactFingerprint(SampleText.hex(random, 32))
                .outcome(outcome)
                .reason(reason)
                .startedAt(started)
                .duration(Duration.ofMillis(60_000L + random.nextInt(9 * 60_000)))
                .trigger(TRIGGERS[random.nextInt(TRIGGERS.length)])
                .message(String.format(Locale.ROOT, "checkout-service 4.%d.0 to production", buildNumber))
                .build();
    }
}
