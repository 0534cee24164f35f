package io.jenkins.plugins.deployoften.benchmarks;

import io.jenkins.plugins.deployoften.model.DeployStatistics;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import io.jenkins.plugins.deployoften.model.ledger.FileDeployLedger;
import io.jenkins.plugins.deployoften.model.ledger.SummariesInMemory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Not a JMH benchmark: the heap a ledger summary keeps once read back from its file, as after a controller restart.
 * Writes {@code JOBS} job directories of 1,000 records each ({@link JobHistories}, kept for the next run), builds and
 * stores every summary, forgets them, reads each back by one statistics computation, and prints the used heap after
 * garbage collection divided by the summaries; then the same after one candidate look-up each, which reads the rest
 * of the file. Usage: {@code java -Xmx2g -cp benchmarks.jar io.jenkins.plugins.deployoften.benchmarks.SummaryFootprint
 * DIRECTORY [JOBS]}.
 */
public final class SummaryFootprint {
    private static final EnvironmentName PRODUCTION = EnvironmentName.of("production");

    private SummaryFootprint() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        Path root = Path.of(args[0]);
        int jobs = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        List<FileDeployLedger> ledgers = new ArrayList<>();
        for (int job = 0; job < jobs; job++) {
            Path directory = root.resolve(JobHistories.jobName(job));
            FileDeployLedger ledger = Files.exists(directory.resolve(FileDeployLedger.FILE_NAME))
                    ? new FileDeployLedger(directory)
                    : JobHistories.writeLedger(directory, JobHistories.generate(job, 1000));
            statistics(ledger); // builds and stores its summary
            ledgers.add(ledger);
        }
        Thread.sleep(1500); // the summaries' idle flushes
        SummariesInMemory.forget();
        long before = usedHeap();
        for (FileDeployLedger ledger : ledgers) {
            statistics(ledger);
        }
        long read = usedHeap();
        for (FileDeployLedger ledger : ledgers) {
            ledger.lastSuccessOfCandidate(
                    PRODUCTION, Optional.empty(), Optional.of("never-deployed"), OptionalInt.empty());
        }
        long lookedUp = usedHeap();
        System.out.printf(
                Locale.ROOT,
                "%d summaries read back: %,d bytes kept a summary; after a candidate look-up each: %,d%n",
                ledgers.size(),
                (read - before) / ledgers.size(),
                (lookedUp - before) / ledgers.size());
    }

    private static void statistics(FileDeployLedger ledger) throws IOException {
        DeployStatistics.compute(ledger, PRODUCTION, DeployHistory.NOW, DeployStatistics.DEFAULT_WINDOW_WEEKS);
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
