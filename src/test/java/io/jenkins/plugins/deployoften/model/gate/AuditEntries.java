package io.jenkins.plugins.deployoften.model.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deployoften.model.EnvironmentName;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Audit entries for the audit log's reliability tests, each identified by an id held as its first verdict's
 * explanation. Their verdicts are in recorded words, as every verdict read back from the log is. The other fields vary with the build number (mode, status, environment, candidate, second
 * verdict, remedy, override), so a line that lost or swapped a field does not read back equal.
 */
final class AuditEntries {
    static final Instant T0 = Instant.parse("2026-03-02T12:00:00Z");
    static final String JOB = "folder/app";

    private AuditEntries() {}

    /**
     * @param id what the first verdict explains; identifies the entry
     * @param build the build number, at least 1
     */
    static GateAuditEntry entry(String id, int build) {
        GateRule[] rules = GateRule.values();
        GateRule rule = rules[build % rules.length];
        boolean failed = build % 4 == 0;
        RuleVerdict first = failed
                ? RuleVerdict.recorded(rule, RuleStatus.FAIL, id, "remedy ✓ n°" + build)
                : RuleVerdict.recorded(rule, RuleStatus.PASS, id, null);
        List<RuleVerdict> verdicts = build % 3 == 0
                ? List.of(first, RuleVerdict.notChecked(rules[(build + 1) % rules.length]))
                : List.of(first);
        GateMode mode = build % 2 == 0 ? GateMode.ENFORCE : GateMode.WARN;
        GateStatus status = !failed ? GateStatus.PASS : mode == GateMode.ENFORCE ? GateStatus.BLOCK : GateStatus.WARN;
        CandidateIdentity candidate = build % 5 == 0
                ? CandidateIdentity.none()
                : CandidateIdentity.ofBuild(build)
                        .withCommit(Integer.toHexString(0x0a1b2c3 + build))
                        .withArtifactFingerprint(build % 2 == 0 ? "d41d8cd98f00b204e9800998ecf8427e" : null);
        GateOverride override = build % 7 == 0
                ? GateFixtures.overrideFor(CandidateIdentity.ofBuild(build), "user" + build, "hotfix for " + id, T0)
                : null;
        GateDecision decision = new GateDecision(
                status,
                mode,
                EnvironmentName.of(build % 2 == 0 ? "staging" : "production"),
                candidate,
                T0.plusSeconds(build),
                verdicts,
                override,
                build % 3);
        return new GateAuditEntry(JOB, build, decision);
    }

    /** @return the entry's id */
    static String id(GateAuditEntry entry) {
        return GateFixtures.explanation(entry.decision().getVerdicts().get(0));
    }

    /** @return the ids of the entries, in their order */
    static List<String> ids(List<GateAuditEntry> entries) {
        return entries.stream().map(AuditEntries::id).toList();
    }

    /** Every expected entry occurs exactly once, equal to what was appended, and nothing else occurs. */
    static void assertExactlyOnce(List<GateAuditEntry> read, Collection<GateAuditEntry> expected) {
        assertNoIdTwice(read);
        Map<String, GateAuditEntry> byId = byId(read);
        Set<String> missing = expected.stream()
                .map(AuditEntries::id)
                .filter(id -> !byId.containsKey(id))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(missing).as("entries lost").isEmpty();
        for (GateAuditEntry entry : expected) {
            assertThat(byId.get(id(entry))).as("entry %s read back", id(entry)).isEqualTo(entry);
        }
        assertThat(read).hasSameSizeAs(expected);
    }

    static void assertNoIdTwice(List<GateAuditEntry> read) {
        Set<String> duplicated =
                read.stream()
                        .collect(Collectors.groupingBy(AuditEntries::id, Collectors.counting()))
                        .entrySet()
                        .stream()
                        .filter(e -> e.getValue() > 1)
                        .map(Map.Entry::getKey)
                        .collect(Collectors.toCollection(TreeSet::new));
        assertThat(duplicated).as("entries stored more than once").isEmpty();
    }

    static Map<String, GateAuditEntry> byId(List<GateAuditEntry> entries) {
        return entries.stream().collect(Collectors.toMap(AuditEntries::id, Function.identity(), (a, b) -> a));
    }
}
