package io.jenkins.plugins.deployoften.model.gate;

import static io.jenkins.plugins.deployoften.model.gate.GateFixtures.NOW;
import static io.jenkins.plugins.deployoften.model.gate.GateFixtures.STAGING;
import static io.jenkins.plugins.deployoften.model.gate.GateFixtures.days;
import static io.jenkins.plugins.deployoften.model.gate.GateFixtures.staging;
import static io.jenkins.plugins.deployoften.model.gate.GateFixtures.stagingSuccess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.jenkins.plugins.deployoften.model.DeployLedger;
import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.LedgerRead;
import io.jenkins.plugins.deployoften.model.ledger.FileDeployLedger;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The evaluator against real and mocked ledgers. */
public class GateEvaluatorLedgerTest {
    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();

    private FileDeployLedger ledgerWith(DeployRecord... records) throws IOException {
        // appended at their end, as a live ledger would, so windowed reads find them
        FileDeployLedger ledger = null;
        Path directory = temporary.newFolder().toPath();
        for (DeployRecord record : records) {
            Clock at = Clock.fixed(record.getEndedAt(), ZoneOffset.UTC);
            ledger = new FileDeployLedger(directory, at, FileDeployLedger.Durability.FORCED);
            ledger.append(record);
        }
        return ledger == null ? new FileDeployLedger(directory) : ledger;
    }

    @Test
    public void theLedgerAndThePureOverloadDecideAlike() throws IOException {
        DeployRecord[] records = {
            stagingSuccess(40, days(20)),
            staging(41, DeployOutcome.FAILURE, NOW.minus(days(5))),
            stagingSuccess(42, days(3)),
        };
        FileDeployLedger ledger = ledgerWith(records);
        CandidateIdentity candidate = CandidateIdentity.ofBuild(42);
        GatePolicy policy = GatePolicy.builder().failureRateEnabled(true).build();

        GateDecision fromLedger = policy.evaluate(ledger, STAGING, candidate, NOW, Optional.empty());
        GateDecision fromRecords =
                policy.evaluate(new LedgerRead(List.of(records), 0), STAGING, candidate, NOW, Optional.empty());

        assertThat(fromLedger).isEqualTo(fromRecords);
        assertThat(fromLedger.getStatus()).isEqualTo(GateStatus.PASS);
        // 1 failure of 3 completed deploys in 28 days = 33.3%
        assertThat(GateFixtures.explanation(fromLedger, GateRule.HEALTHY))
                .contains("33.3% (1 of 3 completed deploys, limit 50%)");
    }

    @Test
    public void anEmptyLedgerFileBlocks() throws IOException {
        GateDecision decision = GatePolicy.defaults()
                .evaluate(ledgerWith(), STAGING, CandidateIdentity.none().withCommit("abc"), NOW, Optional.empty());

        assertThat(decision.getStatus()).isEqualTo(GateStatus.BLOCK);
        assertThat(GateFixtures.explanation(decision, GateRule.FRESH)).isEqualTo("no staging deploy recorded yet");
    }

    @Test
    public void corruptedLedgerLinesAreSkippedAndCounted() throws IOException {
        FileDeployLedger ledger = ledgerWith(stagingSuccess(41, days(10)));
        Files.write(
                ledger.getFile(),
                "{\"v\":1,\"broken\nnot json\n".getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.APPEND);
        new FileDeployLedger(
                        ledger.getFile().getParent(),
                        Clock.fixed(NOW.minus(days(1)), ZoneOffset.UTC),
                        FileDeployLedger.Durability.FORCED)
                .append(stagingSuccess(42, days(1)));

        GateDecision decision =
                GatePolicy.defaults().evaluate(ledger, STAGING, CandidateIdentity.ofBuild(42), NOW, Optional.empty());

        assertThat(decision.getStatus()).isEqualTo(GateStatus.PASS);
        assertThat(decision.getSkippedLedgerLines()).isEqualTo(2);
    }

    @Test
    public void readsOnlyTheLongestWindowAndLooksUpTheRest() throws IOException {
        DeployLedger ledger = mock(DeployLedger.class);
        when(ledger.readSince(any())).thenReturn(new LedgerRead(List.of(), 0));
        when(ledger.findLast(any())).thenReturn(Optional.empty());
        GatePolicy policy = GatePolicy.builder()
                .failureRateEnabled(true)
                .failureRateWindowDays(90)
                .build();

        policy.evaluate(ledger, STAGING, CandidateIdentity.ofBuild(1), NOW, Optional.empty());

        // the failure rate window (90 days) is longer than the frequency window (28 days)
        verify(ledger).readSince(NOW.minus(days(90)));
        verify(ledger, never()).readAll();
    }

    @Test
    public void withoutWindowedRulesNoWindowIsRead() throws IOException {
        DeployLedger ledger = mock(DeployLedger.class);
        when(ledger.findLast(any())).thenReturn(Optional.empty());
        GatePolicy policy = GatePolicy.builder().frequentEnabled(false).build();

        policy.evaluate(ledger, STAGING, CandidateIdentity.ofBuild(1), NOW, Optional.empty());

        verify(ledger, never()).readSince(any());
        verify(ledger, never()).readAll();
    }
}
