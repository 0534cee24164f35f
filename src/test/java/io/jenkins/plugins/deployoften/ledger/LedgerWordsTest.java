package io.jenkins.plugins.deployoften.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.ledger.SharedLedgerNotice;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.Test;

/** What the shared ledger tells a build, in the build log's English; the database's own words only in the controller's log. */
public class LedgerWordsTest {
    private static final DeployRecord RECORD = DeployRecord.builder("staging", "app", 2)
            .outcome(DeployOutcome.SUCCESS)
            .startedAt(Instant.parse("2026-03-02T12:00:00Z"))
            .duration(Duration.ofMinutes(1))
            .build();
    private static final Path DEAD_LETTERS = Path.of("deployoften-spool", "deployoften-dead-letter.jsonl");

    @Test
    public void everyNoticeReadsAsABuildLogLine() {
        assertThat(LedgerWords.log(new SharedLedgerNotice.Spooled(RECORD)))
                .isEqualTo("DeployOften: the shared deploy ledger is unavailable; " + RECORD
                        + " is recorded locally and spooled, to be sent when the database is back");
        assertThat(LedgerWords.log(new SharedLedgerNotice.NotSpooled(RECORD, "disk full")))
                .isEqualTo("DeployOften: the shared deploy ledger is unavailable and the spool cannot be written (disk"
                        + " full); " + RECORD + " is recorded locally only");
        assertThat(LedgerWords.log(new SharedLedgerNotice.Refused("payments", RECORD, DEAD_LETTERS, true)))
                .isEqualTo("DeployOften: the shared deploy ledger of 'payments' refused " + RECORD
                        + "; the record is kept in " + DEAD_LETTERS
                        + " and in the job folder's ledger, and the records after it were sent on");
        assertThat(LedgerWords.log(new SharedLedgerNotice.Refused("payments", RECORD, DEAD_LETTERS, false)))
                .endsWith("; the record is kept in " + DEAD_LETTERS + " and in the job folder's ledger");
        assertThat(LedgerWords.log(new SharedLedgerNotice.RefusedKeptLocally("payments", RECORD, "read-only")))
                .endsWith("; the record is kept in the job folder's ledger only (read-only)");
        assertThat(LedgerWords.log(new SharedLedgerNotice.UnreadableMoved(3, DEAD_LETTERS)))
                .isEqualTo("DeployOften: 3 unreadable lines of the spool were moved to " + DEAD_LETTERS
                        + "; the records are in the job folder's ledger");
        assertThat(LedgerWords.log(new SharedLedgerNotice.NotCompacted()))
                .isEqualTo("DeployOften: the shared deploy ledger could not be compacted");
        assertThat(LedgerWords.log(new SharedLedgerNotice.Reconciled(1234)))
                .isEqualTo("DeployOften: 1234 records of the job folder that had not reached the shared deploy"
                        + " ledger were sent to it");
        assertThat(LedgerWords.log(new SharedLedgerNotice.UnreadableMoved(1, DEAD_LETTERS)))
                .startsWith("DeployOften: 1 unreadable line of the spool was moved to ");
    }

    @Test
    public void theDatabasesWordsGoToTheControllerLogOnly() {
        Logger logger = Logger.getLogger(LedgerWords.class.getName());
        List<String> logged = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record.getMessage());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        logger.addHandler(handler);
        List<String> buildLog = new ArrayList<>();
        try {
            LedgerWords.tell(
                    new SharedLedgerNotice.NotCompacted(), "connection to 127.0.0.1:5432 refused", buildLog::add);
            LedgerWords.tell(new SharedLedgerNotice.Reconciled(1), null, buildLog::add);
        } finally {
            logger.removeHandler(handler);
        }

        assertThat(buildLog)
                .containsExactly(
                        "DeployOften: the shared deploy ledger could not be compacted (the controller log has the"
                                + " details)",
                        "DeployOften: 1 record of the job folder that had not reached the shared deploy ledger"
                                + " was sent to it");
        assertThat(logged)
                .containsExactly(
                        "DeployOften: the shared deploy ledger could not be compacted: connection to 127.0.0.1:5432"
                                + " refused",
                        "DeployOften: 1 record of the job folder that had not reached the shared deploy ledger"
                                + " was sent to it");
    }
}
