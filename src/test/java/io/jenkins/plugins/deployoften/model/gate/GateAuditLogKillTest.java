package io.jenkins.plugins.deployoften.model.gate;

import static io.jenkins.plugins.deployoften.model.gate.AuditEntries.assertNoIdTwice;
import static io.jenkins.plugins.deployoften.model.gate.AuditEntries.id;
import static io.jenkins.plugins.deployoften.model.gate.AuditEntries.ids;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deployoften.model.ledger.ChildJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A child JVM appends audit entries in a loop and is killed with SIGKILL at random moments, again and again on the
 * same log. An entry counts as acknowledged once the child printed its id, which it does only after {@link
 * GateAuditLog#append} returned. After each kill this JVM appends an entry of its own, as the next build would.
 */
public class GateAuditLogKillTest {
    private static final int KILLS = 15;
    /** Fixed so a failure can be replayed; {@code -Ddeployoften.killSeed=...} tries another. */
    private static final long SEED = Long.getLong("deployoften.killSeed", 20260302L);
    /** Build numbers of round {@code r} start at {@code r * BUILDS + 1}. */
    private static final int BUILDS = 100_000;

    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();

    @Test(timeout = 240_000)
    public void everyAcknowledgedEntrySurvivesSigkillAndATornLineCostsAtMostOneLine() throws Exception {
        System.out.println("GateAuditLogKillTest seed " + SEED);
        Random random = new Random(SEED);
        Path directory = temporary.newFolder("job").toPath();
        GateAuditLog log = new GateAuditLog(directory);
        // what the log must hold, oldest first: everything stored by earlier rounds stays exactly as it was
        List<GateAuditEntry> stored = new ArrayList<>();
        int acknowledgedInAll = 0;
        int skippedBefore = 0;

        for (int kill = 1; kill <= KILLS; kill++) {
            String prefix = "k" + kill;
            int firstBuild = kill * BUILDS + 1;
            List<String> acknowledged = appendUntilKilled(directory, prefix, firstBuild, random.nextInt(150));
            assertThat(acknowledged).as("acknowledged in round %d", kill).isNotEmpty();
            acknowledgedInAll += acknowledged.size();

            GateAuditRead read = log.readRecent(Integer.MAX_VALUE);
            List<GateAuditEntry> oldestFirst = reversed(read.entries());
            assertNoIdTwice(oldestFirst);
            assertThat(oldestFirst.subList(0, Math.min(stored.size(), oldestFirst.size())))
                    .as("entries of earlier rounds after kill %d", kill)
                    .isEqualTo(stored);
            List<GateAuditEntry> storedNow = oldestFirst.subList(stored.size(), oldestFirst.size());
            // the child appends, then prints: a kill between the two leaves one stored but unacknowledged entry
            List<String> expectedIds = new ArrayList<>(acknowledged);
            if (storedNow.size() > acknowledged.size()) {
                expectedIds.add(prefix + "-" + acknowledged.size());
            }
            assertThat(ids(storedNow)).as("entries stored in round %d", kill).isEqualTo(expectedIds);
            for (int i = 0; i < storedNow.size(); i++) {
                assertThat(storedNow.get(i)).isEqualTo(AuditEntries.entry(prefix + "-" + i, firstBuild + i));
            }
            int skippedThisKill = read.skippedLines() - skippedBefore;
            assertThat(skippedThisKill).as("lines torn by kill %d", kill).isBetween(0, 1);
            stored.addAll(storedNow);

            // the next build appends: whole, readable first, and the torn line (if any) stays one skipped line
            GateAuditEntry next = AuditEntries.entry("after-" + kill, kill * BUILDS);
            log.append(next);
            stored.add(next);
            GateAuditRead newest = log.readRecent(1);
            assertThat(newest.entries()).as("newest after kill %d", kill).containsExactly(next);
            assertThat(newest.skippedLines()).isZero();
            GateAuditRead afterAppend = log.readRecent(Integer.MAX_VALUE);
            assertThat(afterAppend.entries()).isEqualTo(reversed(stored));
            assertThat(afterAppend.skippedLines()).isEqualTo(read.skippedLines());
            int limit = 1 + random.nextInt(stored.size());
            assertThat(log.readRecent(limit).entries())
                    .as("limit %d", limit)
                    .isEqualTo(reversed(stored).subList(0, limit));
            skippedBefore = read.skippedLines();
        }

        GateAuditRead end = new GateAuditLog(directory).readRecent(Integer.MAX_VALUE);
        assertThat(end.skippedLines()).as("torn lines in all").isLessThanOrEqualTo(KILLS);
        assertThat(end.entries()).isEqualTo(reversed(stored));
        System.out.println("GateAuditLogKillTest: " + KILLS + " kills, " + acknowledgedInAll + " acknowledged, "
                + (end.entries().size() - KILLS) + " stored by the child, " + end.skippedLines() + " torn lines");
    }

    /** @return the ids the child acknowledged before it was killed, in order */
    private List<String> appendUntilKilled(Path directory, String prefix, int firstBuild, int killAfterMillis)
            throws Exception {
        try (ChildJvm child = appender(directory, prefix, firstBuild, -1)) {
            // wait for the first acknowledged append, so the kill lands in the append loop, not in JVM start-up
            child.awaitLine(line -> line.startsWith(prefix + "-"), 60_000);
            Thread.sleep(killAfterMillis);
            child.kill();
            List<String> output = child.output();
            for (int i = 0; i < output.size(); i++) {
                // consecutive ids, so nothing acknowledged went unprinted or was printed twice
                assertThat(output.get(i)).isEqualTo(prefix + "-" + i);
            }
            return output;
        }
    }

    private ChildJvm appender(Path directory, String prefix, int firstBuild, int count) throws IOException {
        return ChildJvm.start(
                GateAuditAppenderProcess.class,
                temporary.getRoot().toPath(),
                prefix,
                directory.toString(),
                prefix,
                Integer.toString(firstBuild),
                Integer.toString(count));
    }

    @Test(timeout = 120_000)
    public void aLineTornByAKilledProcessIsEndedByTheNextProcessAndCostsOnlyItself() throws Exception {
        // what a kill between two bytes of one write leaves (power loss leaves the same)
        Path directory = temporary.newFolder("torn").toPath();
        GateAuditLog log = new GateAuditLog(directory);
        GateAuditEntry before = AuditEntries.entry("before", 1);
        log.append(before);
        byte[] whole = GateJson.encodeAudit(AuditEntries.entry("torn", 2));
        Files.write(log.getFile(), Arrays.copyOf(whole, whole.length / 2), StandardOpenOption.APPEND);

        try (ChildJvm child = appender(directory, "next", 3, 2)) {
            child.awaitSuccess(60);
            assertThat(child.output()).containsExactly("next-0", "next-1");
        }

        GateAuditRead read = log.readRecent(Integer.MAX_VALUE);
        assertThat(read.entries())
                .containsExactly(AuditEntries.entry("next-1", 4), AuditEntries.entry("next-0", 3), before);
        assertThat(read.skippedLines()).isEqualTo(1);
        assertThat(Files.readAllLines(log.getFile())).hasSize(4);
        assertThat(id(log.readRecent(1).entries().get(0))).isEqualTo("next-1");
    }

    private static List<GateAuditEntry> reversed(List<GateAuditEntry> entries) {
        List<GateAuditEntry> copy = new ArrayList<>(entries);
        Collections.reverse(copy);
        return copy;
    }
}
