package io.jenkins.plugins.deployoften.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.deployoften.model.ledger.FileDeployLedger;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class LedgerRetentionTest {
    private static final Instant NOW = Instant.parse("2026-11-27T00:00:00Z");

    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();

    @Test
    public void theDefaultKeepsTwoYears() {
        assertThat(LedgerRetention.ofDays(LedgerRetention.DEFAULT_DAYS).horizon(NOW))
                .isEqualTo(Instant.parse("2024-11-27T00:00:00Z"));
    }

    @Test
    public void outOfRangeRetentionNamesTheField() {
        assertThatThrownBy(() -> LedgerRetention.ofDays(29)).hasMessage("retentionDays: must be 30 to 3650, was 29");
        assertThatThrownBy(() -> LedgerRetention.ofDays(3651)).hasMessageStartingWith("retentionDays: ");
        assertThat(LedgerRetention.ofDays(30).getDays()).isEqualTo(30);
    }

    @Test
    public void compactingAtTheHorizonKeepsEveryRecordInsideIt() throws IOException {
        FileDeployLedger ledger = new FileDeployLedger(temporary.getRoot().toPath());
        Instant horizon = LedgerRetention.ofDays(30).horizon(NOW);
        for (Instant started : new Instant[] {horizon.minusMillis(1), horizon, horizon.plus(Duration.ofDays(1))}) {
            ledger.append(DeployRecord.builder("staging", "app", 1)
                    .outcome(DeployOutcome.SUCCESS)
                    .startedAt(started)
                    .build());
        }

        DeployLedger.Compaction compaction = ledger.compact(horizon);

        assertThat(compaction.getDropped()).isEqualTo(1);
        assertThat(ledger.readAll().records())
                .extracting(DeployRecord::getStartedAt)
                .containsExactly(horizon, horizon.plus(Duration.ofDays(1)));
    }
}
