package io.jenkins.plugins.deployoften.model.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deployoften.model.BuildNumbers;
import io.jenkins.plugins.deployoften.model.DeployCounts;
import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.DeploySource;
import io.jenkins.plugins.deployoften.model.DeployStatistics;
import io.jenkins.plugins.deployoften.model.DurationSketch;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import io.jenkins.plugins.deployoften.model.TrustedSources;
import io.jenkins.plugins.deployoften.model.ledger.LedgerSummary.Environment;
import io.jenkins.plugins.deployoften.model.ledger.LedgerSummary.Ref;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Random deploy histories for the summary tests, and the brute force every summary is checked against. */
final class SummaryHistories {
    static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    static final List<String> ENVIRONMENTS = List.of("production", "staging", "qa", "dev");

    private SummaryHistories() {}

    /**
     * A history with out-of-order starts, equal starts (with different build numbers), every outcome, repeated
     * commits and fingerprints in either case, and durations from 0 ms to days. No two records of one
     * environment share both start and build number, so the fold must not depend on append order at all.
     */
    static List<DeployRecord> randomHistory(long seed, int size) {
        Random random = new Random(seed);
        Random commitTimes = new Random(~seed); // apart, so the other draws stay what they were
        Random sources = new Random(seed * 31 + 7); // apart too: mixed sources, the other draws unchanged
        List<DeployRecord> records = new ArrayList<>();
        List<Instant> starts = new ArrayList<>();
        Set<String> used = new HashSet<>();
        DeployOutcome[] outcomes = DeployOutcome.values();
        while (records.size() < size) {
            String environment = ENVIRONMENTS.get(random.nextInt(ENVIRONMENTS.size()));
            Instant start;
            if (!starts.isEmpty() && random.nextInt(8) == 0) {
                start = starts.get(random.nextInt(starts.size())); // an equal start
            } else {
                // mostly forwards in time, sometimes far back: two years of history, to the millisecond
                long minutes = random.nextInt(8) == 0
                        ? random.nextInt(2 * 365 * 24 * 60)
                        : (records.size() * 400L / Math.max(1, size)) * 24 * 60 + random.nextInt(24 * 60 * 3);
                start = T0.plus(Duration.ofMinutes(minutes)).plusMillis(random.nextInt(1000));
            }
            int build = 1 + random.nextInt(Math.max(10, size / 4));
            if (!used.add(environment + "|" + start + "|" + build)) {
                continue;
            }
            starts.add(start);
            DeployOutcome outcome = outcomes[random.nextInt(random.nextInt(3) == 0 ? 4 : 2)];
            DeployRecord.Builder record = DeployRecord.builder(environment, "folder/app", build)
                    .outcome(outcome)
                    .startedAt(start)
                    .duration(duration(random))
                    .message("r" + records.size());
            if (random.nextInt(5) != 0) {
                String commit = "c0ffee" + random.nextInt(60);
                record.commit(random.nextBoolean() ? commit : commit.toUpperCase(Locale.ROOT));
            }
            if (random.nextInt(3) != 0) {
                String fingerprint = "ab" + random.nextInt(40) + "cd";
                record.artifactFingerprint(random.nextBoolean() ? fingerprint : fingerprint.toUpperCase(Locale.ROOT));
            }
            if (commitTimes.nextBoolean()) {
                // mostly before the start, sometimes after the end (a skewed clock: the lead time is 0)
                record.commitTime(start.minus(Duration.ofMinutes(commitTimes.nextInt(3 * 24 * 60) - 60)));
            }
            record.source(DeploySource.values()[sources.nextInt(DeploySource.values().length)]);
            records.add(record.build());
        }
        return records;
    }

    private static Duration duration(Random random) {
        switch (random.nextInt(6)) {
            case 0:
                return Duration.ZERO;
            case 1:
                return Duration.ofMillis(random.nextInt(1000));
            case 2:
                return Duration.ofDays(1 + random.nextInt(3)).plusMillis(random.nextInt(1000));
            default:
                return Duration.ofMillis(1000 + random.nextInt(600_000));
        }
    }

    static LedgerSummary fold(List<DeployRecord> records) {
        LedgerSummary.Builder builder = LedgerSummary.builder();
        records.forEach(builder::add);
        return builder.build();
    }

    /** The brute-force order: by start, then build number, then append order (a stable sort keeps it). */
    static List<DeployRecord> byStart(List<DeployRecord> records) {
        List<DeployRecord> sorted = new ArrayList<>(records);
        sorted.sort(Comparator.comparing(DeployRecord::getStartedAt).thenComparingInt(DeployRecord::getBuildNumber));
        return sorted;
    }

    private static boolean completed(DeployRecord record) {
        return record.getOutcome() == DeployOutcome.SUCCESS || record.getOutcome() == DeployOutcome.FAILURE;
    }

    /** Checks every field of the summary against a recomputation from the whole list, in append order. */
    static void assertMatchesBruteForce(LedgerSummary summary, List<DeployRecord> appended) {
        boolean inStartOrder = byStart(appended).equals(appended);
        assertThat(summary.getRecords()).isEqualTo(appended.size());
        Map<EnvironmentName, List<DeployRecord>> byEnvironment =
                appended.stream().collect(Collectors.groupingBy(DeployRecord::getEnvironment));
        assertThat(summary.getEnvironments().keySet()).isEqualTo(new TreeSet<>(byEnvironment.keySet()));
        for (Map.Entry<EnvironmentName, List<DeployRecord>> entry : byEnvironment.entrySet()) {
            assertEnvironment(
                    summary.environment(entry.getKey()).orElseThrow(), byStart(entry.getValue()), inStartOrder);
        }
    }

    private static void assertEnvironment(Environment environment, List<DeployRecord> sorted, boolean inStartOrder) {
        String name = environment.getName().value();
        assertThat(environment.getRecords()).as(name + " records").isEqualTo(sorted.size());
        assertThat(environment.getFirst()).as(name + " first").isEqualTo(sorted.get(0));
        assertThat(environment.getLast()).as(name + " last").isEqualTo(sorted.get(sorted.size() - 1));
        List<DeployRecord> successes = sorted.stream()
                .filter(r -> r.getOutcome() == DeployOutcome.SUCCESS)
                .collect(Collectors.toList());
        assertThat(environment.getLastSuccess())
                .as(name + " last success")
                .isEqualTo(successes.isEmpty() ? Optional.empty() : Optional.of(successes.get(successes.size() - 1)));
        List<DeployRecord> completed =
                sorted.stream().filter(SummaryHistories::completed).collect(Collectors.toList());
        List<DeployRecord> lastCompleted =
                completed.subList(Math.max(0, completed.size() - LedgerSummary.COMPLETED_KEPT), completed.size());
        assertThat(environment.getLastCompleted()).as(name + " last completed").isEqualTo(lastCompleted);
        assertStreak(environment, completed, inStartOrder);
        assertRecoveries(environment, sorted, inStartOrder);
        assertDays(environment, sorted);
        assertIndex(environment, successes);
    }

    /**
     * The streak: its outcome and breaker always those of the brute force; its length the brute force's whenever
     * the summary says it is exact (always, for a fold in start order).
     */
    private static void assertStreak(Environment environment, List<DeployRecord> completed, boolean inStartOrder) {
        LedgerSummary.Streak streak = environment.getStreak();
        if (completed.isEmpty()) {
            assertThat(streak).isEqualTo(LedgerSummary.Streak.NONE);
            return;
        }
        DeployOutcome outcome = completed.get(completed.size() - 1).getOutcome();
        int run = 0;
        int i = completed.size() - 1;
        for (; i >= 0 && completed.get(i).getOutcome() == outcome; i--) {
            run++;
        }
        String name = environment.getName() + " streak";
        assertThat(streak.outcome()).as(name).contains(outcome);
        assertThat(streak.breaker())
                .as(name + " breaker")
                .isEqualTo(i < 0 ? Optional.empty() : Optional.of(Ref.of(completed.get(i))));
        if (streak.exact()) {
            assertThat(streak.length()).as(name).isEqualTo(run);
        } else {
            assertThat(streak.length()).as(name).isZero();
        }
        if (inStartOrder) {
            assertThat(streak.exact()).as(name + " folded in start order").isTrue();
        }
    }

    /**
     * The recovery times: for the failures that started after the summary's {@code recoveriesInexactThrough},
     * per day exactly the brute force's (each failure paired with the next success by start), and the pending
     * ones exactly those not followed by a success; in a fold in start order, every failure is exact.
     */
    private static void assertRecoveries(Environment environment, List<DeployRecord> sorted, boolean inStartOrder) {
        Optional<Instant> inexact = environment.getRecoveriesInexactThrough();
        TreeMap<LocalDate, List<Duration>> expected = new TreeMap<>();
        List<LedgerSummary.Pending> unrecovered = new ArrayList<>();
        DeployRecord nextSuccess = null;
        for (int i = sorted.size() - 1; i >= 0; i--) {
            DeployRecord record = sorted.get(i);
            if (record.getOutcome() == DeployOutcome.SUCCESS) {
                nextSuccess = record;
            } else if (record.getOutcome() == DeployOutcome.FAILURE
                    && (inexact.isEmpty() || record.getStartedAt().isAfter(inexact.get()))) {
                if (nextSuccess == null) {
                    unrecovered.add(0, new LedgerSummary.Pending(record.getStartedAt(), record.getEndedAt()));
                } else {
                    expected.computeIfAbsent(dayOf(record.getStartedAt()), d -> new ArrayList<>())
                            .add(DeployStatistics.recoveryTime(record.getEndedAt(), nextSuccess.getEndedAt()));
                }
            }
        }
        String name = environment.getName() + " recoveries";
        LocalDate exactFrom = inexact.map(t -> dayOf(t).plusDays(1)).orElse(LocalDate.MIN);
        for (Map.Entry<LocalDate, List<Duration>> day : expected.entrySet()) {
            if (!day.getKey().isBefore(exactFrom)) {
                assertThat(environment.getRecoveries().get(day.getKey()))
                        .as(name + " on " + day.getKey())
                        .isEqualTo(DurationSketch.of(day.getValue()));
            }
        }
        assertThat(environment.getRecoveries().tailMap(exactFrom).keySet())
                .as(name + " days")
                .isEqualTo(expected.tailMap(exactFrom).keySet());
        List<LedgerSummary.Pending> pendingAfter = environment.getPendingFailures().stream()
                .filter(p -> inexact.isEmpty() || p.startedAt().isAfter(inexact.get()))
                .collect(Collectors.toList());
        assertThat(pendingAfter).as(name + " pending").isEqualTo(unrecovered);
        if (inStartOrder && unrecovered.size() <= LedgerSummary.PENDING_KEPT) {
            assertThat(inexact).as(name + " folded in start order").isEmpty();
        }
    }

    private static void assertDays(Environment environment, List<DeployRecord> sorted) {
        TreeMap<LocalDate, List<DeployRecord>> days = new TreeMap<>();
        for (DeployRecord record : sorted) {
            days.computeIfAbsent(dayOf(record.getStartedAt()), d -> new ArrayList<>())
                    .add(record);
        }
        assertThat(environment.getDays().keySet()).isEqualTo(days.keySet());
        for (Map.Entry<LocalDate, List<DeployRecord>> day : days.entrySet()) {
            assertThat(environment.getDays().get(day.getKey()))
                    .as(environment.getName() + " " + day.getKey())
                    .isEqualTo(countsOf(day.getValue()));
        }
        // ISO weeks (Monday 00:00 UTC) from the first record's week to the last's, and one empty week after
        LocalDate monday = days.firstKey().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        for (; !monday.isAfter(days.lastKey().plusWeeks(1)); monday = monday.plusWeeks(1)) {
            Instant from = monday.atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant to = monday.plusWeeks(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            List<DeployRecord> week = sorted.stream()
                    .filter(r ->
                            !r.getStartedAt().isBefore(from) && r.getStartedAt().isBefore(to))
                    .collect(Collectors.toList());
            assertThat(environment.week(monday)).as("week of " + monday).isEqualTo(countsOf(week));
        }
    }

    static DeployCounts countsOf(List<DeployRecord> records) {
        List<Duration> durations = new ArrayList<>();
        List<Duration> leadTimes = new ArrayList<>();
        TreeMap<Integer, Integer> flags = new TreeMap<>();
        int[] counts = new int[4];
        for (DeployRecord record : records) {
            counts[record.getOutcome().ordinal()]++;
            if (completed(record)) {
                durations.add(record.getDuration());
            }
            if (record.getOutcome() == DeployOutcome.SUCCESS
                    && record.getCommitTime().isPresent()) {
                Duration lead = Duration.between(record.getCommitTime().get(), record.getEndedAt());
                leadTimes.add(lead.isNegative() ? Duration.ZERO : lead);
            }
            int flag = completed(record)
                    ? BuildNumbers.COMPLETED
                    : record.getOutcome() == DeployOutcome.SKIPPED ? BuildNumbers.SKIPPED : 0;
            flags.merge(record.getBuildNumber(), flag, (a, b) -> a | b);
        }
        return new DeployCounts(
                counts[0],
                counts[1],
                counts[2],
                counts[3],
                DurationSketch.of(durations),
                DurationSketch.of(leadTimes),
                buildNumbersOf(flags));
    }

    /** The canonical runs of build numbers with their flags, built the obvious way. */
    static BuildNumbers buildNumbersOf(TreeMap<Integer, Integer> flags) {
        if (flags.size() > BuildNumbers.MOST_KEPT) {
            return BuildNumbers.tooMany();
        }
        List<Integer> runs = new ArrayList<>();
        for (Map.Entry<Integer, Integer> build : flags.entrySet()) {
            int n = runs.size();
            if (n > 0
                    && runs.get(n - 2) + 1 == build.getKey()
                    && runs.get(n - 1).equals(build.getValue())) {
                runs.set(n - 2, build.getKey());
            } else {
                runs.add(build.getKey());
                runs.add(build.getKey());
                runs.add(build.getValue());
            }
        }
        return BuildNumbers.ofRuns(runs.stream().mapToInt(Integer::intValue).toArray());
    }

    private static void assertIndex(Environment environment, List<DeployRecord> successes) {
        Set<String> commitClasses = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        Set<String> fingerprintClasses = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        Set<Integer> builds = new HashSet<>();
        for (DeployRecord record : successes) {
            record.getCommit().ifPresent(commit -> {
                commitClasses.add(commit);
                assertThat(environment.lastSuccessWithCommit(commit))
                        .as("commit " + commit)
                        .isEqualTo(newest(
                                successes,
                                r -> r.getCommit()
                                        .filter(commit::equalsIgnoreCase)
                                        .isPresent()));
            });
            record.getArtifactFingerprint().ifPresent(fingerprint -> {
                fingerprintClasses.add(fingerprint);
                assertThat(environment.lastSuccessWithArtifactFingerprint(fingerprint))
                        .as("fingerprint " + fingerprint)
                        .isEqualTo(newest(
                                successes,
                                r -> r.getArtifactFingerprint()
                                        .filter(fingerprint::equalsIgnoreCase)
                                        .isPresent()));
            });
            builds.add(record.getBuildNumber());
            assertThat(environment.lastSuccessOfBuild(record.getBuildNumber()))
                    .isEqualTo(newest(successes, r -> r.getBuildNumber() == record.getBuildNumber()));
        }
        assertThat(environment.getCommitIndex()).hasSameSizeAs(commitClasses);
        assertThat(environment.getArtifactFingerprintIndex()).hasSameSizeAs(fingerprintClasses);
        assertThat(environment.getBuildIndex().keySet()).isEqualTo(builds);
        assertThat(environment.lastSuccessWithCommit("never-deployed")).isEmpty();
        assertThat(environment.lastSuccessOfBuild(Integer.MAX_VALUE)).isEmpty();
        assertSourcedIndex(environment, successes);
    }

    /** The index by source and identity: per source, the newest success with that identity, as brute force. */
    private static void assertSourcedIndex(Environment environment, List<DeployRecord> successes) {
        Set<String> keys = new HashSet<>();
        for (DeployRecord record : successes) {
            DeploySource source = record.getSource();
            TrustedSources only = TrustedSources.of(Set.of(source));
            record.getCommit().ifPresent(commit -> {
                keys.add(source + " C " + LedgerSummary.identityKey(commit));
                assertThat(environment
                                .lastSuccessOfCandidate(
                                        Optional.empty(), Optional.of(commit), OptionalInt.empty(), only)
                                .map(found -> new Ref(found.startedAt(), found.buildNumber())))
                        .as("commit %s of %s", commit, source)
                        .isEqualTo(newest(
                                successes,
                                r -> r.getSource() == source
                                        && r.getCommit()
                                                .filter(commit::equalsIgnoreCase)
                                                .isPresent()));
            });
            record.getArtifactFingerprint()
                    .ifPresent(fingerprint -> keys.add(source + " A " + LedgerSummary.identityKey(fingerprint)));
            keys.add(source + " B " + record.getBuildNumber());
            assertThat(environment
                            .lastSuccessOfCandidate(
                                    Optional.empty(), Optional.empty(), OptionalInt.of(record.getBuildNumber()), only)
                            .map(found -> new Ref(found.startedAt(), found.buildNumber())))
                    .as("build %d of %s", record.getBuildNumber(), source)
                    .isEqualTo(newest(
                            successes, r -> r.getSource() == source && r.getBuildNumber() == record.getBuildNumber()));
        }
        assertThat(environment.getSourcedIndex().keySet()).isEqualTo(keys);
    }

    /** @return the last of the sorted successes that matches, as a reference */
    private static Optional<Ref> newest(
            List<DeployRecord> sortedSuccesses, java.util.function.Predicate<DeployRecord> matching) {
        DeployRecord found = null;
        for (DeployRecord record : sortedSuccesses) {
            if (matching.test(record)) {
                found = record;
            }
        }
        return Optional.ofNullable(found).map(r -> new Ref(r.getStartedAt(), r.getBuildNumber()));
    }

    static LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
