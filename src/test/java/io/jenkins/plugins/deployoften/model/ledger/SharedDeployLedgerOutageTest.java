package io.jenkins.plugins.deployoften.model.ledger;

import static io.jenkins.plugins.deployoften.model.ledger.DeployLedgerContract.LATE;
import static io.jenkins.plugins.deployoften.model.ledger.DeployLedgerContract.T0;
import static io.jenkins.plugins.deployoften.model.ledger.DeployLedgerContract.at;
import static io.jenkins.plugins.deployoften.model.ledger.DeployLedgerContract.builds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.DeploySource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The shared ledger while the database is unreachable (a data source that refuses connections on demand):
 * appends never fail the build, records wait in the spool and reach the database once, in order.
 */
public class SharedDeployLedgerOutageTest {
    @Rule
    public PostgresDatabase database = new PostgresDatabase(true);

    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();

    private final List<SharedLedgerNotice> warnings = new ArrayList<>();
    private final List<String> details = new ArrayList<>();
    private final SharedLedgerNotice.Listener told = (notice, detail) -> {
        warnings.add(notice);
        details.add(detail);
    };
    private SwitchableDataSource switchable;
    private JdbcDeployLedger jdbc;
    private FileDeployLedger local;
    private DeploySpool spool;
    private SharedDeployLedger ledger;

    @Before
    public void createLedger() throws IOException {
        Path directory = temporary.newFolder("job").toPath();
        switchable = new SwitchableDataSource(database.dataSource());
        jdbc = new JdbcDeployLedger(switchable, "payments", "controller-a", LATE);
        local = new FileDeployLedger(directory, LATE, FileDeployLedger.Durability.FORCED);
        spool = new DeploySpool(directory.resolve(DeploySpool.FOLDER), LATE, true);
        ledger = new SharedDeployLedger(local, spool, jdbc, told);
    }

    @Test
    public void importingTheJobFolderHistoryStoresEachRecordOnceHoweverOftenItIsRepeated() throws Exception {
        // deployed while the history was kept in the job folder only
        local.append(at(1, T0));
        local.append(at(2, T0.plusSeconds(60)));
        ledger.append(at(3, T0.plusSeconds(120)));
        assertThat(builds(jdbc.readAll().records())).containsExactly(3);

        SharedDeployLedger.ImportResult first = ledger.importLocalHistory();
        SharedDeployLedger.ImportResult again = ledger.importLocalHistory();

        assertThat(first.getRead()).isEqualTo(3);
        assertThat(first.getStored()).isEqualTo(2);
        assertThat(again.getRead()).isEqualTo(3);
        assertThat(again.getStored()).isZero();
        assertThat(builds(jdbc.readAll().records())).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(builds(local.readAll().records())).containsExactly(1, 2, 3);
    }

    @Test
    public void importedRecordsKeepTheSourceOfTheStepThatMadeThem() throws Exception {
        DeployRecord staged =
                at(1, T0).toBuilder().source(DeploySource.DEPLOY_TO_STAGING).build();
        DeployRecord reported = at(2, T0.plusSeconds(60)).toBuilder()
                .source(DeploySource.RECORD_DEPLOY)
                .build();
        DeployRecord old = at(3, T0.plusSeconds(120)); // recorded before sources were kept
        local.append(staged);
        local.append(reported);
        local.append(old);

        assertThat(ledger.importLocalHistory().getStored()).isEqualTo(3);

        assertThat(jdbc.readAll().records()).containsExactly(staged, reported, old);
        assertThat(jdbc.readAll().records())
                .extracting(DeployRecord::getSource)
                .containsExactly(DeploySource.DEPLOY_TO_STAGING, DeploySource.RECORD_DEPLOY, DeploySource.UNKNOWN);
    }

    @Test
    public void theDatabaseHealthIsToldOfAnOutageAndOfTheFirstAnswerAfterIt() throws Exception {
        List<String> health = new ArrayList<>();
        SharedDeployLedger watched =
                new SharedDeployLedger(local, spool, jdbc, told, new SharedDeployLedger.DatabaseHealth() {
                    @Override
                    public void answered() {
                        health.add("answered");
                    }

                    @Override
                    public void failed(String problem) {
                        health.add("failed: " + problem);
                    }
                });
        watched.append(at(1, T0));
        switchable.down = true;
        watched.append(at(2, T0.plusSeconds(60)));
        watched.readAll();
        switchable.down = false;
        watched.append(at(3, T0.plusSeconds(120)));

        assertThat(health).hasSize(4);
        assertThat(health.get(0)).isEqualTo("answered");
        assertThat(health.get(1)).startsWith("failed: ").contains("refused");
        assertThat(health.get(2)).startsWith("failed: ");
        assertThat(health.get(3)).isEqualTo("answered");
    }

    @Test
    public void anImportDuringAnOutageFailsAndStoresNothing() throws Exception {
        local.append(at(1, T0));
        switchable.down = true;

        assertThatThrownBy(ledger::importLocalHistory).isInstanceOf(IOException.class);

        switchable.down = false;
        assertThat(jdbc.readAll().records()).isEmpty();
    }

    @Test
    public void duringAnOutageAppendsAreKeptLocallyAndSpooledWithAWarning() throws Exception {
        ledger.append(at(1, T0));
        switchable.down = true;

        ledger.append(at(2, T0.plusSeconds(60)));
        ledger.append(at(3, T0.plusSeconds(120)));

        assertThat(builds(local.readAll().records())).containsExactly(1, 2, 3);
        assertThat(builds(spool.read().records())).containsExactly(2, 3);
        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0))
                .isInstanceOfSatisfying(
                        SharedLedgerNotice.Spooled.class,
                        spooled -> assertThat(spooled.record().getBuildNumber()).isEqualTo(2));
        // reads fall back to the local ledger and say so
        assertThat(builds(ledger.readAll().records())).containsExactly(1, 2, 3);
        assertThat(ledger.isStale()).isTrue();
        assertThat(ledger.version()).startsWith("local:");
        assertThatThrownBy(ledger::replaySpool).isInstanceOf(IOException.class);
        assertThat(builds(spool.read().records())).containsExactly(2, 3);
    }

    @Test
    public void whenTheDatabaseIsBackTheNextAppendReplaysTheSpoolFirst() throws Exception {
        ledger.append(at(1, T0));
        switchable.down = true;
        ledger.append(at(2, T0.plusSeconds(60)));
        ledger.append(at(3, T0.plusSeconds(120)));
        switchable.down = false;

        ledger.append(at(4, T0.plusSeconds(180)));

        assertThat(builds(jdbc.readAll().records())).containsExactly(1, 2, 3, 4);
        assertThat(spool.hasPending()).isFalse();
        assertThat(builds(ledger.readAll().records())).containsExactly(1, 2, 3, 4);
        assertThat(ledger.isStale()).isFalse();
        assertThat(ledger.version()).startsWith("shared:");
    }

    @Test
    public void replaySpoolOnDemandSendsTheWaitingRecordsOnce() throws Exception {
        switchable.down = true;
        ledger.append(at(1, T0));
        ledger.append(at(2, T0.plusSeconds(60)));
        switchable.down = false;

        assertThat(ledger.replaySpool()).isEqualTo(2);
        assertThat(ledger.replaySpool()).isZero();

        assertThat(builds(jdbc.readAll().records())).containsExactly(1, 2);
        assertThat(Files.size(spool.getFile())).isZero();
    }

    @Test
    public void aCrashBetweenStoringARecordAndRewritingTheSpoolStoresNothingTwice() throws Exception {
        switchable.down = true;
        ledger.append(at(1, T0));
        ledger.append(at(2, T0.plusSeconds(60)));
        switchable.down = false;

        // record 1 reaches the database, then the process "dies" before the spool is rewritten
        DeploySpool.Drain drain = spool.drainTo((record, service) -> {
            jdbc.append(record);
            throw new IOException("killed before the spool was rewritten");
        });
        assertThat(drain.stored()).isZero();
        assertThat(drain.waiting()).isEqualTo(2);
        assertThat(builds(spool.read().records())).containsExactly(1, 2);
        ledger.append(at(3, T0.plusSeconds(120)));

        assertThat(builds(jdbc.readAll().records())).containsExactly(1, 2, 3);
        assertThat(spool.hasPending()).isFalse();
    }

    @Test
    public void aRecordTheDatabaseRefusesIsDeadLetteredAndTheRecordsAfterItFlowOn() throws Exception {
        switchable.down = true;
        ledger.append(at(1, T0));
        ledger.append(at(2, T0.plusSeconds(60)));
        ledger.append(at(3, T0.plusSeconds(120)));
        switchable.down = false;
        // a row the check constraint refuses: the database answers, and refuses this record for its content
        database.execute("ALTER TABLE deployoften_deploy ADD CONSTRAINT no_build_2 CHECK (build_number <> 2)");
        warnings.clear();

        assertThat(ledger.replaySpool()).isEqualTo(2);

        assertThat(builds(jdbc.readAll().records())).containsExactly(1, 3);
        assertThat(spool.hasPending()).isFalse();
        assertThat(ledger.deadLettered()).isEqualTo(1);
        List<String> deadLetters = Files.readAllLines(spool.getDeadLetterFile());
        assertThat(LedgerLineFormat.decode(deadLetters.get(0).getBytes(StandardCharsets.UTF_8)))
                .map(line -> line.getRecord().getBuildNumber())
                .contains(2);
        assertThat(warnings).singleElement().isInstanceOfSatisfying(SharedLedgerNotice.Refused.class, refused -> {
            assertThat(refused.record().getBuildNumber()).isEqualTo(2);
            assertThat(refused.deadLetterFile()).isEqualTo(spool.getDeadLetterFile());
        });
        // and later records, appended while the database is healthy, reach it
        ledger.append(at(4, T0.plusSeconds(180)));
        ledger.append(at(2, T0.plusSeconds(240)));
        assertThat(builds(jdbc.readAll().records())).containsExactly(1, 3, 4);
        assertThat(ledger.deadLettered()).isEqualTo(2);
        assertThat(builds(local.readAll().records())).containsExactly(1, 2, 3, 4, 2);
    }

    @Test
    public void aSpooledRecordIsReplayedUnderTheServiceItWasSpooledFor() throws Exception {
        switchable.down = true;
        ledger.append(at(1, T0));
        switchable.down = false;
        // the job's next build names another service, and the same job folder holds the spool
        JdbcDeployLedger billing = new JdbcDeployLedger(switchable, "billing", "controller-a", LATE);
        SharedDeployLedger next = new SharedDeployLedger(local, spool, billing, told);

        next.append(at(2, T0.plusSeconds(60)));

        assertThat(builds(jdbc.readAll().records())).containsExactly(1);
        assertThat(builds(billing.readAll().records())).containsExactly(2);
    }

    @Test
    public void whileTheDatabaseIsDownADrainStopsAtTheFirstRecord() throws Exception {
        switchable.down = true;
        for (int build = 1; build <= 500; build++) {
            ledger.append(at(build, T0.plusSeconds(build)));
        }
        int[] offered = {0};

        DeploySpool.Drain drain = spool.drainTo((record, service) -> {
            offered[0]++;
            jdbc.append(record);
        });

        assertThat(offered[0]).isEqualTo(1);
        assertThat(drain.waiting()).isEqualTo(500);
        assertThat(spool.read().records()).hasSize(500);
    }

    @Test
    public void aRecordLeftInTheJobFolderByAProcessKilledBeforeTheDatabaseIsSentByReconciliationOnce()
            throws Exception {
        ledger.append(at(1, T0));
        // the state a process killed after the local append, before the database and the spool, leaves behind
        local.append(at(2, T0.plusSeconds(60)));
        Instant now = T0.plus(Duration.ofDays(1));

        assertThat(ledger.reconcile(now)).isEqualTo(new SharedDeployLedger.Reconciliation(2, 1));
        assertThat(builds(jdbc.readAll().records())).containsExactly(1, 2);
        // from the position reconciled up to: only what was appended since is looked at
        assertThat(ledger.reconcile(now)).isEqualTo(new SharedDeployLedger.Reconciliation(0, 0));
        local.append(at(3, T0.plusSeconds(120)));
        assertThat(ledger.reconcile(now)).isEqualTo(new SharedDeployLedger.Reconciliation(1, 1));
        assertThat(builds(jdbc.readAll().records())).containsExactly(1, 2, 3);
    }

    @Test
    public void reconciliationLooksBackAWeekWhenTheJobFolderLedgerWasCompactedSince() throws Exception {
        ledger.append(at(1, T0));
        ledger.reconcile(T0);
        local.append(at(2, T0.plus(Duration.ofDays(9))));
        local.compact(T0.plus(Duration.ofDays(1)));

        assertThat(ledger.reconcile(T0.plus(Duration.ofDays(10))))
                .isEqualTo(new SharedDeployLedger.Reconciliation(1, 1));
        assertThat(builds(jdbc.readAll().records())).containsExactly(1, 2);
    }

    @Test
    public void reconciliationNeverStoresASpooledRecordAgainUnderAnotherService() throws Exception {
        switchable.down = true;
        ledger.append(at(1, T0)); // spooled for payments
        switchable.down = false;
        JdbcDeployLedger billing = new JdbcDeployLedger(switchable, "billing", "controller-a", LATE);
        SharedDeployLedger next = new SharedDeployLedger(local, spool, billing, told);

        assertThat(next.reconcile(T0.plus(Duration.ofDays(1))).stored()).isZero();

        assertThat(builds(jdbc.readAll().records())).containsExactly(1);
        assertThat(billing.readAll().records()).isEmpty();
    }

    @Test
    public void theFirstAppendAfterAnOutageAlsoSendsWhatAKilledProcessLeftInTheJobFolder() throws Exception {
        Instant recent = Instant.now().minus(Duration.ofHours(3));
        ledger.append(at(1, recent));
        switchable.down = true;
        ledger.append(at(2, recent.plusSeconds(60)));
        local.append(at(3, recent.plusSeconds(120))); // killed before the spool
        switchable.down = false;
        warnings.clear();

        ledger.append(at(4, recent.plusSeconds(180)));

        // the record the killed process left behind arrives last, once
        assertThat(builds(jdbc.readAll().records())).containsExactly(1, 2, 4, 3);
        assertThat(warnings).containsExactly(new SharedLedgerNotice.Reconciled(1));
        assertThat(spool.hasPending()).isFalse();
    }

    @Test
    public void noticesForTheBuildLogNeverCarryTheDatabasesHostPortOrWordsTheirDetailsForTheControllerLogDo()
            throws Exception {
        switchable.down = true;
        ledger.append(at(1, T0));
        switchable.down = false;
        database.execute("ALTER TABLE deployoften_deploy ADD CONSTRAINT no_build_2 CHECK (build_number <> 2)");
        ledger.append(at(2, T0.plusSeconds(60)));

        assertThat(warnings)
                .hasSize(2)
                .allSatisfy(notice -> assertThat(String.valueOf(notice))
                        .doesNotContain("127.0.0.1", "54329", "no_build_2", "violates"));
        assertThat(details).doesNotContainNull();
        assertThat(String.join("\n", details)).contains("127.0.0.1:54329", "no_build_2");
    }

    /** Refuses connections while {@link #down}, as an unreachable server does. */
    static final class SwitchableDataSource extends DelegatingDataSource {
        volatile boolean down;

        SwitchableDataSource(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (down) {
                throw new SQLException("Connection to 127.0.0.1:54329 refused (test outage)", "08001");
            }
            return super.getConnection();
        }
    }
}
