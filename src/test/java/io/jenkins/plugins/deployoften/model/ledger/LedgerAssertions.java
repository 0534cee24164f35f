package io.jenkins.plugins.deployoften.model.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deployoften.model.DeployRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Assertions the reliability tests share: records identified by their message; the stored summary. */
final class LedgerAssertions {
    private LedgerAssertions() {}

    /** @return how often each message occurs among the records */
    static Map<String, Long> countByMessage(List<DeployRecord> records) {
        return records.stream()
                .collect(Collectors.groupingBy(r -> r.getMessage().orElse(""), Collectors.counting()));
    }

    /** Every expected id occurs exactly once, and nothing else occurs. */
    static void assertExactlyOnce(List<DeployRecord> records, Collection<String> expectedIds) {
        Map<String, Long> counts = countByMessage(records);
        Set<String> duplicated = counts.entrySet().stream()
                .filter(e -> e.getValue() > 1)
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(duplicated).as("ids stored more than once").isEmpty();
        Set<String> missing = expectedIds.stream()
                .filter(id -> !counts.containsKey(id))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(missing).as("ids lost").isEmpty();
        assertThat(records).hasSameSizeAs(expectedIds);
    }

    /** Every acknowledged id occurs exactly once; other ids (appended, then killed before the ack) at most once. */
    static void assertAcknowledgedExactlyOnce(List<DeployRecord> records, Collection<String> acknowledged) {
        Map<String, Long> counts = countByMessage(records);
        assertThat(counts.values()).as("no id is stored twice").allMatch(c -> c == 1);
        Set<String> missing = acknowledged.stream()
                .filter(id -> !counts.containsKey(id))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(missing).as("acknowledged ids lost").isEmpty();
    }

    /**
     * The summary file in the directory lags its ledger by at most {@link LedgerSummaryFile#DEFERRED_BYTES} bytes of
     * lines, caught up it equals a rebuild, and once the appends paused (their idle flush ran) it is
     * what a rebuild of its ledger would write: equal to one forward scan (position included), byte for byte.
     *
     * @return the stored summary, after the idle flush
     */
    static LedgerSummary assertStoredSummaryIsARebuild(Path directory) throws IOException {
        LedgerSummaryFile summaries = new LedgerSummaryFile(directory);
        LedgerSummary rebuilt = LedgerSummaryFile.scan(directory.resolve(FileDeployLedger.FILE_NAME));
        // a damaged one is rewritten by the flush; read whole, as the flush may replace the file after its head
        Optional<LedgerSummary> deferred = Files.exists(summaries.getFile())
                ? LedgerSummaryFormat.decode(Files.readAllBytes(summaries.getFile()))
                : Optional.empty();
        if (deferred.isPresent()) {
            assertThat(rebuilt.getPosition().length()
                            - deferred.get().getPosition().length())
                    .as("bytes of lines the stored summary lags behind")
                    .isLessThanOrEqualTo(LedgerSummaryFile.DEFERRED_BYTES);
            assertThat(summaries.catchUp(deferred.get()))
                    .as("stored summary, caught up")
                    .contains(rebuilt);
        }
        LedgerSummaryFile.flushUnwritten();
        LedgerSummary stored = summaries.read().orElseThrow(() -> new AssertionError("no readable summary stored"));
        assertThat(stored).as("stored summary").isEqualTo(rebuilt);
        assertThat(stored.getPosition()).as("stored summary's position").isEqualTo(summaries.ledgerPosition());
        assertThat(Files.readAllBytes(summaries.getFile()))
                .as("stored summary's bytes")
                .isEqualTo(LedgerSummaryFormat.encode(rebuilt));
        return stored;
    }
}
