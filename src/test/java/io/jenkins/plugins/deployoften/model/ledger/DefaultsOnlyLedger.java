package io.jenkins.plugins.deployoften.model.ledger;

import io.jenkins.plugins.deployoften.model.DeployLedger;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.LedgerRead;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A ledger that answers its look-ups through the {@link DeployLedger} defaults only (the full scans), to compare
 * with what a ledger's own answers (the summary's) give.
 */
class DefaultsOnlyLedger implements DeployLedger {

    final DeployLedger ledger;

    DefaultsOnlyLedger(DeployLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void append(DeployRecord record) throws IOException {
        ledger.append(record);
    }

    @Override
    public LedgerRead readSince(Instant from) throws IOException {
        return ledger.readSince(from);
    }

    @Override
    public LedgerRead readAll() throws IOException {
        return ledger.readAll();
    }

    @Override
    public Optional<DeployRecord> findLast(Predicate<DeployRecord> matching) throws IOException {
        return ledger.findLast(matching);
    }

    @Override
    public List<DeployRecord> readRecent(int skip, int limit) throws IOException {
        return ledger.readRecent(skip, limit);
    }

    @Override
    public String version() throws IOException {
        return ledger.version();
    }

    @Override
    public Compaction compact(Instant horizon) throws IOException {
        return ledger.compact(horizon);
    }
}
