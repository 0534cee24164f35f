package io.jenkins.plugins.deployoften.benchmarks;

import io.jenkins.plugins.deployoften.model.DeployLedger;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.LedgerRead;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A {@link DeployHistory} seen through the ledger interface without a file and without holding it in memory: each
 * read generates the records it walks over from their build numbers and slots, and every look-up the interface
 * has a default for ({@link DeployLedger#lastSuccessOfCandidate}, {@link DeployLedger#lastAttemptStartedBy},
 * {@link DeployLedger#environments()} and the others) is that default: a scan with {@link #findLast}. So it is the
 * reference the benchmarks check the file ledger and its summary against, at any history size (a scan of
 * 1,000,000 generated records takes a few seconds, once per fork).
 */
final class GeneratedHistory implements DeployLedger {
    private final DeployHistory.Kind kind;
    private final List<Instant> slots;

    /**
     * @param size how many records
     * @param kind their outcomes
     */
    GeneratedHistory(int size, DeployHistory.Kind kind) {
        this.kind = kind;
        this.slots = DeployHistory.slots(size);
    }

    /** @return how many records */
    int size() {
        return slots.size();
    }

    /**
     * @param index 0 for the oldest
     * @return the record, build {@code index + 1}
     */
    DeployRecord record(int index) {
        return DeployHistory.record(index + 1, slots.get(index), kind);
    }

    @Override
    public void append(DeployRecord record) {
        throw new UnsupportedOperationException("a generated history does not grow");
    }

    /** Generates the records back to the last slot that can start at or after {@code from}. */
    @Override
    public LedgerRead readSince(Instant from) {
        Instant lastSlotThatCanStartThen = from.minus(DeployHistory.LATEST_START_AFTER_SLOT);
        List<DeployRecord> newestFirst = new ArrayList<>();
        for (int i = slots.size() - 1; i >= 0 && !slots.get(i).isBefore(lastSlotThatCanStartThen); i--) {
            DeployRecord record = record(i);
            if (!record.getStartedAt().isBefore(from)) {
                newestFirst.add(record);
            }
        }
        Collections.reverse(newestFirst);
        return new LedgerRead(newestFirst, 0);
    }

    @Override
    public LedgerRead readAll() {
        List<DeployRecord> all = new ArrayList<>(slots.size());
        for (int i = 0; i < slots.size(); i++) {
            all.add(record(i));
        }
        return new LedgerRead(all, 0);
    }

    @Override
    public Optional<DeployRecord> findLast(Predicate<DeployRecord> matching) {
        for (int i = slots.size() - 1; i >= 0; i--) {
            DeployRecord record = record(i);
            if (matching.test(record)) {
                return Optional.of(record);
            }
        }
        return Optional.empty();
    }

    @Override
    public List<DeployRecord> readRecent(int skip, int limit) {
        DeployLedger.checkPage(skip, limit);
        List<DeployRecord> page = new ArrayList<>();
        for (int i = slots.size() - 1 - skip; i >= 0 && page.size() < limit; i--) {
            page.add(record(i));
        }
        return page;
    }

    @Override
    public String version() {
        return kind + " " + slots.size();
    }

    @Override
    public Compaction compact(Instant horizon) {
        throw new UnsupportedOperationException("a generated history is not compacted");
    }
}
