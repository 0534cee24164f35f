package io.jenkins.plugins.deployoften.model.gate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Child process of the audit log's reliability tests: appends entries with ids {@code <prefix>-<i>} and build
 * numbers {@code firstBuild + i} to the audit log in a directory, and prints each id on its own line only after
 * {@link GateAuditLog#append} returned, so every printed id is one the log acknowledged.
 *
 * <p>Arguments: {@code directory prefix firstBuild count [await-go]}; a count below 0 appends until killed. With
 * {@code await-go} it prints {@code ready} and waits for a line on standard input before appending, so that
 * several children start appending at the same moment.
 */
public final class GateAuditAppenderProcess {
    static final String READY = "ready";
    static final String AWAIT_GO = "await-go";

    private GateAuditAppenderProcess() {}

    public static void main(String[] args) throws IOException {
        GateAuditLog log = new GateAuditLog(Path.of(args[0]));
        String prefix = args[1];
        int firstBuild = Integer.parseInt(args[2]);
        long count = Long.parseLong(args[3]);
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        if (args.length > 4 && AWAIT_GO.equals(args[4])) {
            out.println(READY);
            out.flush();
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        }
        for (long i = 0; count < 0 || i < count; i++) {
            String id = prefix + "-" + i;
            log.append(AuditEntries.entry(id, firstBuild + (int) i));
            out.println(id);
            out.flush();
        }
    }
}
