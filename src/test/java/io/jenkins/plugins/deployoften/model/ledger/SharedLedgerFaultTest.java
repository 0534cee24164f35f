package io.jenkins.plugins.deployoften.model.ledger;

import static io.jenkins.plugins.deployoften.model.ledger.DeployLedgerContract.LATE;
import static io.jenkins.plugins.deployoften.model.ledger.DeployLedgerContract.T0;
import static io.jenkins.plugins.deployoften.model.ledger.DeployLedgerContract.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deployoften.model.DeployRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The real outage: the PostgreSQL server is stopped in the middle of a stream of appends and started again
 * (through {@code DEPLOYOFTEN_PG_CTL}); afterwards every record is in the database exactly once, in order.
 */
public class SharedLedgerFaultTest {
    private static final int RECORDS = 300;
    private static final int STOP_AT = 100;
    private static final int START_AT = 200;

    @Rule
    public PostgresDatabase database = new PostgresDatabase(true);

    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();

    @Test(timeout = 300_000)
    public void recordsAppendedWhileTheServerIsDownReachItExactlyOnceInOrder() throws Exception {
        PostgresDatabase.require(PostgresDatabase.CTL);
        Path directory = temporary.newFolder("job").toPath();
        List<SharedLedgerNotice> warnings = new CopyOnWriteArrayList<>();
        JdbcDeployLedger jdbc = new JdbcDeployLedger(database.dataSource(), "payments", "controller-a", LATE);
        SharedDeployLedger ledger = new SharedDeployLedger(
                new FileDeployLedger(directory, LATE, FileDeployLedger.Durability.FORCED),
                new DeploySpool(directory.resolve(DeploySpool.FOLDER), LATE, true),
                jdbc,
                (notice, detail) -> warnings.add(notice));
        List<DeployRecord> appended = new ArrayList<>();
        boolean stopped = false;
        try {
            for (int i = 1; i <= RECORDS; i++) {
                if (i == STOP_AT) {
                    PostgresDatabase.serverControl("stop");
                    stopped = true;
                } else if (i == START_AT) {
                    PostgresDatabase.serverControl("start");
                    stopped = false;
                }
                DeployRecord record = at(i, T0.plusSeconds(i));
                ledger.append(record);
                appended.add(record);
            }
        } finally {
            if (stopped) {
                PostgresDatabase.serverControl("start");
            }
        }
        ledger.replaySpool();

        // records STOP_AT to START_AT - 1 (100) went to the spool, one warning each
        assertThat(warnings).hasSize(START_AT - STOP_AT);
        assertThat(jdbc.readAll().records()).isEqualTo(appended);
        assertThat(ledger.readAll().records()).isEqualTo(appended);
        assertThat(ledger.isStale()).isFalse();
    }
}
