package io.jenkins.plugins.deployoften.model;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The deploys of one environment started in one period (a UTC day, or the days of a week), by outcome, with what
 * the statistics need of them that does not depend on their order: the {@link DurationSketch sketch} of the
 * completed deploys' durations, the sketch of the lead times of the successful ones with a commit time, and their
 * {@link BuildNumbers build numbers}. Folding the same records in any order gives equal counts.
 *
 * @param successful SUCCESS records
 * @param failed FAILURE records
 * @param aborted ABORTED records
 * @param skipped SKIPPED records
 * @param durations the durations of the completed (SUCCESS and FAILURE) ones
 * @param leadTimes for the successful ones with a commit time, {@code end - commit time}, 0 when negative
 * @param builds their build numbers
 */
public record DeployCounts(
        int successful,
        int failed,
        int aborted,
        int skipped,
        DurationSketch durations,
        DurationSketch leadTimes,
        BuildNumbers builds) {
    /** No deploys. */
    public static final DeployCounts NONE =
            new DeployCounts(0, 0, 0, 0, DurationSketch.empty(), DurationSketch.empty(), BuildNumbers.none());

    /**
     * @throws IllegalArgumentException when the parts do not fit together: a negative count, a duration sketch
     *     that does not hold one duration per completed deploy, more lead times than successful deploys, or build
     *     numbers that cannot be those of the records (none for some records, more than the records)
     */
    public DeployCounts {
        if (successful < 0 || failed < 0 || aborted < 0 || skipped < 0) {
            throw new IllegalArgumentException("counts: must be 0 or more");
        }
        Objects.requireNonNull(durations, "durations");
        Objects.requireNonNull(leadTimes, "leadTimes");
        Objects.requireNonNull(builds, "builds");
        if (durations.count() != (long) successful + failed) {
            throw new IllegalArgumentException(
                    "durations: " + durations.count() + " for " + (successful + failed) + " completed deploys");
        }
        if (leadTimes.count() > successful) {
            throw new IllegalArgumentException(
                    "leadTimes: " + leadTimes.count() + " for " + successful + " successful deploys");
        }
        long total = (long) successful + failed + aborted + skipped;
        if (builds.isTooMany()
                ? total <= BuildNumbers.MOST_KEPT
                : builds.distinct() > total || (total > 0) != (builds.distinct() > 0)) {
            throw new IllegalArgumentException("builds: " + builds + " for " + total + " records");
        }
    }

    /** @return all records counted */
    public int total() {
        return successful + failed + aborted + skipped;
    }

    /** Counts being summed or folded. Not thread-safe. */
    public static final class Tally {
        private int successful;
        private int failed;
        private int aborted;
        private int skipped;
        private final DurationSketch.Mutable durations = new DurationSketch.Mutable();
        private final DurationSketch.Mutable leadTimes = new DurationSketch.Mutable();
        private BuildNumbers builds = BuildNumbers.none();

        public Tally() {}

        /**
         * @param from counts to start from
         */
        public Tally(DeployCounts from) {
            add(from);
        }

        /**
         * @param counts the counts of another period
         * @return this tally, now of both periods
         */
        public Tally add(DeployCounts counts) {
            successful += counts.successful;
            failed += counts.failed;
            aborted += counts.aborted;
            skipped += counts.skipped;
            durations.addAll(counts.durations);
            leadTimes.addAll(counts.leadTimes);
            builds = builds.union(counts.builds);
            return this;
        }

        /**
         * @param record a record of the period
         * @return this tally
         */
        public Tally add(DeployRecord record) {
            switch (record.getOutcome()) {
                case SUCCESS:
                    successful++;
                    break;
                case FAILURE:
                    failed++;
                    break;
                case ABORTED:
                    aborted++;
                    break;
                default:
                    skipped++;
                    break;
            }
            if (record.getOutcome().isCompleted()) {
                durations.add(record.getDuration());
            }
            leadTime(record).ifPresent(leadTimes::add);
            builds = builds.with(record.getBuildNumber(), record.getOutcome());
            return this;
        }

        /** @return the tally as counts; the tally can go on */
        public DeployCounts toCounts() {
            return new DeployCounts(
                    successful, failed, aborted, skipped, durations.toSketch(), leadTimes.toSketch(), builds);
        }
    }

    /**
     * @param record a deploy record
     * @return for a successful deploy with a commit time, {@code end - commit time} (0 when a clock skew makes it
     *     negative); else empty
     */
    public static Optional<Duration> leadTime(DeployRecord record) {
        if (record.getOutcome() != DeployOutcome.SUCCESS
                || record.getCommitTime().isEmpty()) {
            return Optional.empty();
        }
        Duration lead = Duration.between(record.getCommitTime().get(), record.getEndedAt());
        return Optional.of(lead.isNegative() ? Duration.ZERO : lead);
    }
}
