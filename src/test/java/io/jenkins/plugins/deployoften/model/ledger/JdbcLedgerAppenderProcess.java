package io.jenkins.plugins.deployoften.model.ledger;

import io.jenkins.plugins.deployoften.model.DeployLedger;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Child process of the shared-ledger contract tests: like {@link LedgerAppenderProcess}, but appends to the
 * PostgreSQL server of the environment ({@code DEPLOYOFTEN_PG_*}, inherited), in the given schema, as its own
 * controller, so two children are two controllers deploying one service.
 *
 * <p>Arguments: {@code schema controller prefix count [local-directory]}; with a local directory it appends
 * through a {@link SharedDeployLedger} keeping its local ledger and spool there. It prints {@code ready},
 * waits for a line on standard input, then prints each id after {@code append} returned.
 */
public final class JdbcLedgerAppenderProcess {
    private JdbcLedgerAppenderProcess() {}

    public static void main(String[] args) throws IOException {
        JdbcDeployLedger jdbc = new JdbcDeployLedger(
                new PostgresDatabase.PooledDataSource(PostgresDatabase.plain(args[0])),
                JdbcDeployLedgerContractTest.SERVICE,
                args[1],
                DeployLedgerContract.LATE);
        DeployLedger ledger = jdbc;
        if (args.length > 4) {
            Path local = Path.of(args[4]);
            ledger = new SharedDeployLedger(
                    new FileDeployLedger(local, DeployLedgerContract.LATE, FileDeployLedger.Durability.FORCED),
                    new DeploySpool(local.resolve(DeploySpool.FOLDER), DeployLedgerContract.LATE, true),
                    jdbc,
                    (notice, detail) -> System.err.println(notice + ": " + detail));
        }
        String prefix = args[2];
        int count = Integer.parseInt(args[3]);
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        out.println(LedgerAppenderProcess.READY);
        out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        for (int i = 0; i < count; i++) {
            String id = prefix + "-" + i;
            ledger.append(LedgerAppenderProcess.record(id, i + 1));
            out.println(id);
            out.flush();
        }
    }
}
