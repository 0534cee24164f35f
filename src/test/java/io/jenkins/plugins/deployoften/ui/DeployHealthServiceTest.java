package io.jenkins.plugins.deployoften.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.FileDeployLedger;
import io.jenkins.plugins.deployoften.model.view.DeployHealthView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The cache that makes badges O(1): kept while the ledger is unchanged and fresh, recomputed otherwise. */
public class DeployHealthServiceTest {
    private static final Instant T0 = Instant.parse("2026-06-04T12:00:00Z");

    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();

    private Instant now = T0;

    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    private static DeployRecord success(int build, Instant started) {
        return DeployRecord.builder("staging", "app", build)
                .outcome(DeployOutcome.SUCCESS)
                .startedAt(started)
                .build();
    }

    @Test
    public void servesTheCachedViewUntilTheLedgerChangesOrTheMinuteIsOver() throws Exception {
        FileDeployLedger ledger = new FileDeployLedger(temporary.getRoot().toPath());
        ledger.append(success(1, T0.minus(Duration.ofHours(1))));
        DeployHealthService service = new DeployHealthService(clock);
        int[] gateLookups = {0};
        DeployHealthService.GateLookup gate = () -> {
            gateLookups[0]++;
            return Optional.empty();
        };

        DeployHealthView first = service.healthOf("app", ledger, gate);
        now = T0.plusSeconds(30);
        DeployHealthView cached = service.healthOf("app", ledger, gate);

        assertThat(cached).isSameAs(first);
        assertThat(gateLookups[0]).isEqualTo(1);

        ledger.append(success(2, T0.plusSeconds(10)));
        DeployHealthView afterAppend = service.healthOf("app", ledger, gate);
        assertThat(afterAppend).isNotSameAs(first);
        assertThat(afterAppend.getStatistics().getSuccessful()).isEqualTo(2);

        now = T0.plusSeconds(30).plus(DeployHealthService.FRESHNESS);
        assertThat(service.healthOf("app", ledger, gate)).isNotSameAs(afterAppend);
        assertThat(gateLookups[0]).isEqualTo(3);
    }

    @Test
    public void theEnvironmentIsTheOneOfTheLastDeployThatRan() throws Exception {
        FileDeployLedger ledger = new FileDeployLedger(temporary.getRoot().toPath());
        ledger.append(DeployRecord.builder("qa-eu", "app", 1)
                .outcome(DeployOutcome.FAILURE)
                .startedAt(T0)
                .build());
        ledger.append(DeployRecord.builder("staging", "app", 2)
                .outcome(DeployOutcome.SKIPPED)
                .startedAt(T0)
                .build());

        assertThat(DeployHealthService.environmentOf(ledger).value()).isEqualTo("qa-eu");
    }
}
