package io.jenkins.plugins.deployoften.model.ledger;

import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Child process of the reliability tests: appends records whose message is {@code <prefix>-<i>} to the
 * ledger in a directory and prints each id on its own line only after {@code append} returned, so every
 * printed id is one the ledger acknowledged.
 *
 * <p>Arguments: {@code directory prefix count durability [await-go | stall-before-summary]}; a count below 0
 * appends until killed. With {@code await-go} it prints {@code ready} and waits for a line on standard input before
 * appending, so that several children start appending at the same moment. With {@code stall-before-summary} it
 * appends {@code count} records, then one more whose line is made durable but whose summary is never written: it
 * prints {@code stalled} there and waits to be killed.
 */
public final class LedgerAppenderProcess {
    static final Instant STARTED = Instant.parse("2026-01-05T09:00:00Z");
    static final String READY = "ready";
    static final String AWAIT_GO = "await-go";
    static final String STALL_BEFORE_SUMMARY = "stall-before-summary";
    static final String STALLED = "stalled";

    private LedgerAppenderProcess() {}

    public static void main(String[] args) throws IOException {
        Path directory = Path.of(args[0]);
        String prefix = args[1];
        long count = Long.parseLong(args[2]);
        FileDeployLedger ledger = new FileDeployLedger(
                directory, Clock.fixed(STARTED, ZoneOffset.UTC), FileDeployLedger.Durability.valueOf(args[3]));
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        if (args.length > 4 && AWAIT_GO.equals(args[4])) {
            out.println(READY);
            out.flush();
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        }
        for (long i = 0; count < 0 || i < count; i++) {
            String id = prefix + "-" + i;
            ledger.append(record(id, (int) (i % Integer.MAX_VALUE) + 1));
            out.println(id);
            out.flush();
        }
        if (args.length > 4 && STALL_BEFORE_SUMMARY.equals(args[4])) {
            LedgerSummaryFile.flushUnwritten(); // the appends paused: the summary file is written, then the next stalls
            LedgerSummaryFile.beforeFold(() -> {
                out.println(STALLED);
                out.flush();
                while (true) {
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        // wait to be killed
                    }
                }
            });
            ledger.append(record(prefix + "-" + count, (int) count + 1));
        }
    }

    static DeployRecord record(String id, int build) {
        return DeployRecord.builder("staging", "folder/app", build)
                .outcome(DeployOutcome.SUCCESS)
                .startedAt(STARTED)
                .message(id)
                .build();
    }
}
