package io.jenkins.plugins.deployoften.benchmarks;

import io.jenkins.plugins.deployoften.model.DeployLedger;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.LedgerRead;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Records already in memory, seen through the ledger interface: how the per-build path hands the deploy
 * records it decoded from build.xml files to the very same statistics code the ledger path uses.
 */
final class InMemoryLedger implements DeployLedger {
    private final List<DeployRecord> records;

    /** @param records oldest first; kept, not copied */
    InMemoryLedger(List<DeployRecord> records) {
        this.records = records;
    }

    @Override
    public void append(DeployRecord record) {
        records.add(record);
    }

    @Override
    public LedgerRead readSince(Instant from) {
        List<DeployRecord> window = new ArrayList<>();
        for (DeployRecord record : records) {
            if (!record.getStartedAt().isBefore(from)) {
                window.add(record);
            }
        }
        return new LedgerRead(window, 0);
    }

    @Override
    public LedgerRead readAll() {
        return new LedgerRead(records, 0);
    }

    @Override
    public Optional<DeployRecord> findLast(Predicate<DeployRecord> matching) {
        for (int i = records.size() - 1; i >= 0; i--) {
            if (matching.test(records.get(i))) {
                return Optional.of(records.get(i));
            }
        }
        return Optional.empty();
    }

    @Override
    public List<DeployRecord> readRecent(int skip, int limit) {
        DeployLedger.checkPage(skip, limit);
        List<DeployRecord> page = new ArrayList<>();
        for (int i = records.size() - 1 - skip; i >= 0 && page.size() < limit; i--) {
            page.add(records.get(i));
        }
        return page;
    }

    /** The number of records: this ledger only grows. */
    @Override
    public String version() {
        return Integer.toString(records.size());
    }

    @Override
    public Compaction compact(Instant horizon) {
        throw new UnsupportedOperationException("the per-build path has no history of its own to compact");
    }
}
