package io.jenkins.plugins.deployoften.model.ledger;

import static io.jenkins.plugins.deployoften.model.ledger.SummaryHistories.T0;
import static io.jenkins.plugins.deployoften.model.ledger.SummaryHistories.assertMatchesBruteForce;
import static io.jenkins.plugins.deployoften.model.ledger.SummaryHistories.randomHistory;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.ledger.LedgerSummaryFile.Load;
import io.jenkins.plugins.deployoften.model.ledger.LedgerSummaryFile.State;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A summary of an earlier state of the ledger is caught up by folding only the lines appended since: lines appended
 * by a writer that does not keep the summary (an older version), as these tests append them.
 */
public class LedgerSummaryCatchUpTest {
    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();

    private Path job;
    private FileDeployLedger ledger;
    private LedgerSummaryFile summaries;

    @Before
    public void setUp() throws IOException {
        job = temporary.newFolder("job").toPath();
        ledger = new FileDeployLedger(job, Clock.fixed(T0, ZoneOffset.UTC), FileDeployLedger.Durability.OS_BUFFERED);
        summaries = new LedgerSummaryFile(job);
    }

    @Test
    public void appendsAfterTheSummaryAreFoldedIntoItAsARebuildWould() throws IOException {
        for (int k : new int[] {1, 10, 1000}) {
            List<DeployRecord> records = appendAll(randomHistory(40 + k, 300));
            assertThat(summaries.loadOrRebuild().written()).isTrue();
            records.addAll(appendAll(randomHistory(50 + k, k)));

            Load load = summaries.loadOrRebuild();
            assertThat(load.found()).as("k=" + k).isEqualTo(State.CAUGHT_UP);
            assertThat(load.written()).isTrue();
            assertThat(load.summary()).as("k=" + k).isEqualTo(summaries.rebuild());
            assertThat(load.summary().getPosition()).isEqualTo(summaries.ledgerPosition());
            assertMatchesBruteForce(load.summary(), records);
            assertThat(summaries.read()).contains(load.summary());
            assertThat(summaries.loadOrRebuild().found()).isEqualTo(State.CURRENT);

            Files.delete(ledger.getFile());
            Files.delete(summaries.getFile());
        }
    }

    @Test
    public void aSummaryOfAnEmptyLedgerIsCaughtUp() throws IOException {
        assertThat(summaries.loadOrRebuild().found()).isEqualTo(State.MISSING);
        List<DeployRecord> records = appendAll(randomHistory(60, 25));
        Load load = summaries.loadOrRebuild();
        assertThat(load.found()).isEqualTo(State.CAUGHT_UP);
        assertThat(load.summary()).isEqualTo(summaries.rebuild());
        assertMatchesBruteForce(load.summary(), records);
    }

    @Test
    public void aTornLastLineEndedByTheNextAppendIsCaughtUp() throws IOException {
        List<DeployRecord> records = appendAll(randomHistory(61, 80));
        Files.write(ledger.getFile(), "{\"v\":1,\"torn".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        assertThat(summaries.loadOrRebuild().summary().getSkippedLines()).isEqualTo(1);
        records.addAll(appendAll(randomHistory(62, 10))); // the first append ends the torn line

        Load load = summaries.loadOrRebuild();
        assertThat(load.found()).isEqualTo(State.CAUGHT_UP);
        assertThat(load.summary()).isEqualTo(summaries.rebuild());
        assertThat(load.summary().getSkippedLines()).isEqualTo(1);
        assertMatchesBruteForce(load.summary(), records);
    }

    @Test
    public void aLineReadWhileBeingWrittenAndThenCompletedIsRebuiltNotCaughtUp() throws IOException {
        List<DeployRecord> records = appendAll(randomHistory(63, 80));
        DeployRecord last = randomHistory(64, 1).get(0);
        byte[] line = LedgerLineFormat.encode(last, T0);
        int half = line.length / 2;
        Files.write(ledger.getFile(), Arrays.copyOf(line, half), StandardOpenOption.APPEND);
        Load torn = summaries.loadOrRebuild();
        assertThat(torn.summary().getSkippedLines()).isEqualTo(1);
        assertThat(torn.written()).isTrue();

        // the rest of the same write arrives: the line the summary counted as unreadable is now a record
        Files.write(ledger.getFile(), Arrays.copyOfRange(line, half, line.length), StandardOpenOption.APPEND);
        records.add(last);
        Load load = summaries.loadOrRebuild();
        assertThat(load.found()).isEqualTo(State.STALE);
        assertThat(load.summary()).isEqualTo(summaries.rebuild());
        assertThat(load.summary().getSkippedLines()).isZero();
        assertMatchesBruteForce(load.summary(), records);
    }

    @Test
    public void compactionIsDetectedAndRebuiltOnce() throws IOException {
        List<DeployRecord> records = appendAll(randomHistory(65, 400));
        summaries.loadOrRebuild();
        byte[] before = Files.readAllBytes(summaries.getFile());
        ledger.compact(SummaryHistories.byStart(records).get(200).getStartedAt());
        Files.write(summaries.getFile(), before); // as a compaction that did not keep the summary left it
        List<DeployRecord> kept =
                new ArrayList<>(new FileDeployLedger(job).readAll().records());
        kept.addAll(appendAll(randomHistory(66, 300))); // longer again than before the compaction
        assertThat(Files.size(ledger.getFile()))
                .isGreaterThan(summaries.read().orElseThrow().getPosition().length());

        Load load = summaries.loadOrRebuild();
        assertThat(load.found()).isEqualTo(State.STALE);
        assertMatchesBruteForce(load.summary(), kept);
        assertThat(summaries.loadOrRebuild().found()).isEqualTo(State.CURRENT);
    }

    @Test
    public void theCatchUpReadsOnlyTheLinesAfterTheSummary() throws IOException {
        List<DeployRecord> records = appendAll(randomHistory(67, 200));
        LedgerSummary before = summaries.loadOrRebuild().summary();
        List<DeployRecord> added = appendAll(randomHistory(68, 20));

        // make every line before the summary's last one unreadable, keeping the length: a rebuild would see it
        byte[] bytes = Files.readAllBytes(ledger.getFile());
        int prefixLastLineStart =
                lastNewlineBefore(bytes, (int) before.getPosition().length() - 1) + 1;
        for (int i = 0; i < prefixLastLineStart; i++) {
            if (bytes[i] == '{') {
                bytes[i] = 'x';
            }
        }
        Files.write(ledger.getFile(), bytes);

        Load load = summaries.loadOrRebuild();
        assertThat(load.found()).isEqualTo(State.CAUGHT_UP);
        assertThat(load.summary().getSkippedLines()).isZero();
        assertThat(load.summary().getRecords()).isEqualTo(records.size() + added.size());
        records.addAll(added);
        assertMatchesBruteForce(load.summary(), records);
        assertThat(summaries.rebuild().getSkippedLines()).isEqualTo(records.size() - added.size() - 1);
    }

    @Test
    public void aSummaryThatCannotBeWrittenIsStillCaughtUp() throws IOException {
        List<DeployRecord> records = appendAll(randomHistory(69, 100));
        LedgerSummary before = summaries.loadOrRebuild().summary();
        records.addAll(appendAll(randomHistory(70, 5)));
        Files.delete(summaries.getFile());
        // the temporary file cannot be made: a directory that is not empty stands in its way
        Files.createFile(Files.createDirectory(job.resolve(LedgerSummaryFile.TEMP_FILE_NAME))
                .resolve("in-the-way"));

        Load load = summaries.loadFrom(before);
        assertThat(load.found()).isEqualTo(State.CAUGHT_UP);
        assertThat(load.written()).isFalse();
        assertMatchesBruteForce(load.summary(), records);
        assertThat(Files.exists(summaries.getFile())).isFalse();
    }

    private List<DeployRecord> appendAll(List<DeployRecord> records) throws IOException {
        for (DeployRecord record : records) {
            appendLineOnly(record);
        }
        return new ArrayList<>(records);
    }

    /** Appends as a version that did not keep the summary (or another process's store) would: the line only. */
    private void appendLineOnly(DeployRecord record) throws IOException {
        new JsonLinesFile(job, FileDeployLedger.FILE_NAME, FileDeployLedger.LOCK_FILE_NAME, false)
                .append(LedgerLineFormat.encode(record, T0));
    }

    private static int lastNewlineBefore(byte[] bytes, int from) {
        for (int i = from - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
