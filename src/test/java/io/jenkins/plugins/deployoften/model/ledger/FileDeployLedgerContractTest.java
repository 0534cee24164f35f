package io.jenkins.plugins.deployoften.model.ledger;

import io.jenkins.plugins.deployoften.model.DeployLedger;
import java.io.IOException;
import java.nio.file.Path;

/** The ledger contract for {@link FileDeployLedger}, appends forced to disk as in production. */
public class FileDeployLedgerContractTest extends DeployLedgerContract {
    private Path directory;

    @Override
    protected DeployLedger ledger() throws IOException {
        if (directory == null) {
            directory = temporary.newFolder("job").toPath();
        }
        return new FileDeployLedger(directory, LATE, FileDeployLedger.Durability.FORCED);
    }

    @Override
    protected ChildJvm startAppender(String prefix, int count) throws IOException {
        ledger();
        return ChildJvm.start(
                LedgerAppenderProcess.class,
                logs(),
                prefix,
                directory.toString(),
                prefix,
                Integer.toString(count),
                FileDeployLedger.Durability.FORCED.name(),
                LedgerAppenderProcess.AWAIT_GO);
    }
}
