package io.jenkins.plugins.deployoften.model.gate;

import static io.jenkins.plugins.deployoften.model.gate.GateFixtures.NOW;
import static io.jenkins.plugins.deployoften.model.gate.GateFixtures.STAGING;
import static io.jenkins.plugins.deployoften.model.gate.GateFixtures.days;
import static io.jenkins.plugins.deployoften.model.gate.GateFixtures.history;
import static io.jenkins.plugins.deployoften.model.gate.GateFixtures.stagingSuccess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class GateAuditLogTest {
    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();

    private GateAuditLog log;

    @Before
    public void createLog() throws IOException {
        log = new GateAuditLog(temporary.newFolder("job").toPath());
    }

    private static GateDecision decision(int candidateBuild, Optional<GateOverride> override) {
        return GatePolicy.builder()
                .mode(GateMode.WARN)
                .failureRateEnabled(true)
                .build()
                .evaluate(
                        history(stagingSuccess(41, days(20))),
                        STAGING,
                        CandidateIdentity.ofBuild(candidateBuild)
                                .withCommit("0a1b2c3")
                                .withArtifactFingerprint("d41d8cd98f00b204e9800998ecf8427e"),
                        NOW.plusSeconds(candidateBuild),
                        override);
    }

    @Test
    public void everyFieldSurvivesTheRoundTrip() throws IOException {
        GateOverride override = GateFixtures.overrideFor(
                CandidateIdentity.none().withCommit("0A1B2C3"),
                "al\"ice",
                "hotfix </script>\nline two ✓",
                NOW.minusSeconds(5));
        GateAuditEntry overridden = new GateAuditEntry("folder/app", 7, decision(42, Optional.of(override)));
        GateAuditEntry plain = new GateAuditEntry("folder/app", 8, decision(43, Optional.empty()));

        log.append(overridden);
        log.append(plain);

        GateAuditRead read = log.readRecent(10);
        assertThat(GateFixtures.asLines(read.entries())).isEqualTo(GateFixtures.asLines(plain, overridden));
        assertThat(read.skippedLines()).isZero();
        assertThat(read.entries().get(1).decision().getOverride()).contains(override);
        assertThat(plain.decision().getStatus()).isEqualTo(GateStatus.WARN);
        List<String> lines = Files.readAllLines(log.getFile());
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("{\"v\":1,\"evaluated\":\"2026-03-02T12:00:42Z\",\"job\":\"folder/app\"");
    }

    @Test
    public void lineAndParagraphSeparatorsInTextAreEscapedSoEveryReaderSeesOneLinePerEntry() throws IOException {
        String separators = "a\u2028b\u2029c\u0085d\re\u000bf\u000cg\u001ch";
        GateOverride override =
                GateFixtures.overrideFor42("carol" + separators, "reason " + separators, NOW.minusSeconds(5));
        GateAuditEntry entry = new GateAuditEntry("folder/app" + separators, 7, decision(42, Optional.of(override)));

        log.append(entry);
        log.append(new GateAuditEntry("app", 8, decision(43, Optional.empty())));

        String text = Files.readString(log.getFile(), StandardCharsets.UTF_8);
        // what Python's str.splitlines() breaks at
        assertThat(text.split("\r\n|[\n\r\u000b\u000c\u001c\u001d\u001e\u0085\u2028\u2029]"))
                .hasSize(2);
        assertThat(GateJson.encodeAudit(log.readRecent(2).entries().get(1))).isEqualTo(GateJson.encodeAudit(entry));
    }

    @Test
    public void aCandidateWithoutIdentityRoundTrips() throws IOException {
        GateDecision decision =
                GatePolicy.defaults().evaluate(history(), STAGING, CandidateIdentity.none(), NOW, Optional.empty());

        GateAuditEntry written = new GateAuditEntry("app", 1, decision);
        log.append(written);

        GateAuditEntry read = log.readRecent(1).entries().get(0);
        assertThat(read.decision().getCandidate()).isEqualTo(CandidateIdentity.none());
        // read back in the words it was recorded with, it writes the same line again
        assertThat(GateJson.encodeAudit(read)).isEqualTo(GateJson.encodeAudit(written));
    }

    @Test
    public void readRecentReturnsTheNewestFirstUpToTheLimit() throws IOException {
        for (int build = 1; build <= 5; build++) {
            log.append(new GateAuditEntry("app", build, decision(40 + build, Optional.empty())));
        }

        assertThat(log.readRecent(2).entries())
                .extracting(GateAuditEntry::buildNumber)
                .containsExactly(5, 4);
        assertThatThrownBy(() -> log.readRecent(0)).hasMessage("limit: must be at least 1, was 0");
    }

    @Test
    public void aTornLastLineIsSkippedAndTheNextAppendDoesNotJoinIt() throws IOException {
        log.append(new GateAuditEntry("app", 1, decision(41, Optional.empty())));
        Files.write(
                log.getFile(),
                "{\"v\":1,\"evaluated\":\"2026".getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.APPEND);

        GateAuditRead torn = log.readRecent(10);
        assertThat(torn.entries()).extracting(GateAuditEntry::buildNumber).containsExactly(1);
        assertThat(torn.skippedLines()).isEqualTo(1);

        log.append(new GateAuditEntry("app", 2, decision(42, Optional.empty())));

        GateAuditRead after = log.readRecent(10);
        assertThat(after.entries()).extracting(GateAuditEntry::buildNumber).containsExactly(2, 1);
        assertThat(after.skippedLines()).isEqualTo(1);
    }

    @Test
    public void linesOfANewerVersionAreSkipped() throws IOException {
        Files.write(
                log.getFile(), "{\"v\":2,\"evaluated\":\"2026-01-01T00:00:00Z\"}\n".getBytes(StandardCharsets.UTF_8));

        GateAuditRead read = log.readRecent(10);

        assertThat(read.entries()).isEmpty();
        assertThat(read.skippedLines()).isEqualTo(1);
    }

    @Test
    public void thePolicyInForceSurvivesTheRoundTripAndOlderEntriesSayItWasNotRecorded() throws IOException {
        AuditedPolicy policy = new AuditedPolicy(
                "folder team-a floor, tightened by the job's policy", "GatePolicy[mode=ENFORCE]", List.of("mode"));
        GateAuditEntry older = new GateAuditEntry("folder/app", 7, decision(42, Optional.empty()));
        GateAuditEntry withPolicy = new GateAuditEntry("folder/app", 8, decision(43, Optional.empty()), policy);

        log.append(older);
        log.append(withPolicy);

        List<GateAuditEntry> entries = log.readRecent(10).entries();
        assertThat(GateFixtures.asLines(entries)).isEqualTo(GateFixtures.asLines(withPolicy, older));
        assertThat(entries.get(0).policy()).isEqualTo(policy);
        assertThat(entries.get(1).policy()).isSameAs(AuditedPolicy.NOT_RECORDED);
        assertThat(Files.readAllLines(log.getFile()).get(0)).doesNotContain("\"policy\"");
    }

    @Test
    public void anEntryWhosePolicyIsMalformedIsSkipped() throws IOException {
        log.append(new GateAuditEntry("folder/app", 7, decision(42, Optional.empty()), AuditedPolicy.NOT_RECORDED));
        String line = Files.readAllLines(log.getFile()).get(0);
        String malformed = line.substring(0, line.length() - 1) + ",\"policy\":{\"source\":\"global floor\","
                + "\"rules\":\"r\",\"notApplied\":\"mode\"}}\n";
        Files.write(log.getFile(), malformed.getBytes(StandardCharsets.UTF_8));

        GateAuditRead read = log.readRecent(10);

        assertThat(read.entries()).isEmpty();
        assertThat(read.skippedLines()).isEqualTo(1);
    }

    @Test
    public void anAbsentLogReadsAsEmpty() throws IOException {
        assertThat(log.readRecent(3).entries()).isEmpty();
    }

    @Test
    public void entriesNameTheirBadFields() {
        GateDecision decision = decision(41, Optional.empty());
        assertThatThrownBy(() -> new GateAuditEntry(" ", 1, decision)).hasMessage("jobFullName: must not be empty");
        assertThatThrownBy(() -> new GateAuditEntry("app", 0, decision))
                .hasMessage("buildNumber: must be at least 1, was 0");
    }
}
