package io.jenkins.plugins.deployoften.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockStatic;
import static org.mockito.Mockito.when;

import hudson.model.FreeStyleProject;
import io.jenkins.plugins.deployoften.model.DeployLedger;
import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.ledger.DeploySpool;
import io.jenkins.plugins.deployoften.model.ledger.FileDeployLedger;
import io.jenkins.plugins.deployoften.model.ledger.HistoryScope;
import io.jenkins.plugins.deployoften.model.ledger.SharedDeployLedger;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jenkinsci.plugins.database.Database;
import org.jenkinsci.plugins.database.GlobalDatabaseConfiguration;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.mockito.MockedStatic;

/** The shared ledger over the Database plugin when the database is down before the pool was ever created. */
public class SharedLedgersTest {
    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();

    @Test
    public void aDatabaseDownAtFirstUseStillGetsASharedLedgerWhoseRecordsWaitInTheSpool() throws Exception {
        Path directory = temporary.getRoot().toPath();
        FreeStyleProject job = mock(FreeStyleProject.class);
        when(job.getRootDir()).thenReturn(temporary.getRoot());
        when(job.getFullName()).thenReturn("app");
        // the Database plugin creates its pool on first use, and fails while the database is down
        Database down = mock(Database.class);
        when(down.getDataSource()).thenThrow(new SQLException("Connection to 127.0.0.1:5432 refused"));
        GlobalDatabaseConfiguration configuration = mock(GlobalDatabaseConfiguration.class);
        when(configuration.getDatabase()).thenReturn(down);
        List<String> warnings = new ArrayList<>();

        try (MockedStatic<GlobalDatabaseConfiguration> global = mockStatic(GlobalDatabaseConfiguration.class)) {
            global.when(GlobalDatabaseConfiguration::get).thenReturn(configuration);
            Optional<DeployLedger> ledger =
                    SharedLedgers.of(job, HistoryScope.ofJob("app", "controller-a"), "controller-a", warnings::add);

            assertThat(ledger).containsInstanceOf(SharedDeployLedger.class);
            ledger.get()
                    .append(DeployRecord.builder("staging", "app", 2)
                            .outcome(DeployOutcome.SUCCESS)
                            .startedAt(Instant.parse("2026-12-01T21:00:00Z"))
                            .duration(Duration.ofSeconds(3))
                            .build());

            assertThat(SharedLedgers.problem()).get().asString().contains("does not answer", "refused");
        }
        assertThat(new FileDeployLedger(directory).readAll().records()).hasSize(1);
        assertThat(new DeploySpool(directory.resolve(DeploySpool.FOLDER), Clock.systemUTC(), false)
                        .read()
                        .records())
                .extracting(DeployRecord::getBuildNumber)
                .containsExactly(2);
        assertThat(warnings).anyMatch(warning -> warning.contains("spooled"));
    }
}
