package io.jenkins.plugins.deployoften.model.ledger;

import io.jenkins.plugins.deployoften.model.DeployLedger;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.Rule;

/** The ledger contract for {@link SharedDeployLedger} with the database up: reads come from PostgreSQL. */
public class SharedDeployLedgerContractTest extends DeployLedgerContract {
    @Rule
    public PostgresDatabase database = new PostgresDatabase(true);

    private Path directory;

    @Override
    protected DeployLedger ledger() throws IOException {
        if (directory == null) {
            directory = temporary.newFolder("job").toPath();
        }
        return new SharedDeployLedger(
                new FileDeployLedger(directory, LATE, FileDeployLedger.Durability.FORCED),
                new DeploySpool(directory.resolve(DeploySpool.FOLDER), LATE, true),
                new JdbcDeployLedger(database.dataSource(), JdbcDeployLedgerContractTest.SERVICE, "controller-a", LATE),
                (notice, detail) -> {
                    throw new AssertionError("no warning expected while the database is up: " + notice);
                });
    }

    @Override
    protected ChildJvm startAppender(String prefix, int count) throws IOException {
        // each child is a controller with its own job directory, sharing the database
        return ChildJvm.start(
                JdbcLedgerAppenderProcess.class,
                logs(),
                prefix,
                database.schema(),
                "controller-" + prefix,
                prefix,
                Integer.toString(count),
                temporary.newFolder("controller-" + prefix).toString());
    }

    @Override
    protected String stored(String text) {
        return JdbcDeployLedger.storable(text);
    }
}
