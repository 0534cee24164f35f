package io.jenkins.plugins.deployoften.model.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deployoften.model.DeployRecord;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Assertions the reliability tests share: records identified by their message. */
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
}
