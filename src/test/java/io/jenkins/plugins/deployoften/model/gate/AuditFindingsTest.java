package io.jenkins.plugins.deployoften.model.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deployoften.model.DeploySource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The audit trail keeps each verdict's findings as values ({@link FindingJson}) beside its English: a verdict read
 * back is the verdict the gate decided, a line without findings or with findings that do not decode reads in its
 * recorded words, and user text in a finding cannot break the line.
 */
public class AuditFindingsTest {
    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();

    private static String text(byte[] line) {
        return new String(line, StandardCharsets.UTF_8);
    }

    private static GateAuditEntry decode(String line) {
        return GateJson.decodeAudit(line.strip().getBytes(StandardCharsets.UTF_8))
                .orElseThrow(() -> new AssertionError("unreadable: " + line));
    }

    /** @return the line without the {@code findings} of its verdicts, as it was written before they were kept */
    static String withoutFindings(String line) {
        String field = ",\"findings\":";
        StringBuilder out = new StringBuilder();
        int from = 0;
        for (int at = line.indexOf(field); at >= 0; at = line.indexOf(field, from)) {
            out.append(line, from, at);
            from = endOfValue(line, at + field.length());
        }
        return out.append(line.substring(from)).toString();
    }

    /** @return the index after the JSON array or object that starts at {@code start} */
    private static int endOfValue(String json, int start) {
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                depth++;
            } else if ((c == ']' || c == '}') && --depth == 0) {
                return i + 1;
            }
        }
        throw new AssertionError("no end of the value at " + start + " in " + json);
    }

    @Test
    public void everyKindOfFindingButRecordedHasAnAuditFormAndASample() {
        Set<Class<?>> kinds = Arrays.stream(Finding.class.getPermittedSubclasses())
                .filter(kind -> kind != Finding.Recorded.class)
                .collect(Collectors.toSet());

        assertThat(kinds).hasSize(11);
        assertThat(new HashSet<Class<?>>(FindingJson.KINDS.keySet()))
                .as("a new kind of Finding needs an audit form in FindingJson")
                .containsExactlyInAnyOrderElementsOf(kinds);
        assertThat(new HashSet<>(FindingJson.KINDS.values())).hasSameSizeAs(kinds);
        assertThat(AuditFindingSamples.findings().stream().map(Object::getClass).collect(Collectors.toSet()))
                .as("a new kind of Finding needs a sample that round-trips")
                .containsExactlyInAnyOrderElementsOf(kinds);
    }

    @Test
    public void everyFindingReadsBackAsTheVerdictItWasDecidedWith() {
        for (GateAuditEntry entry : AuditFindingSamples.entries()) {
            RuleVerdict verdict = entry.decision().getVerdicts().get(0);
            String line = text(GateJson.encodeAudit(entry));

            GateAuditEntry read = decode(line);

            assertThat(read).as(line).isEqualTo(entry);
            assertThat(read.decision().getVerdicts().get(0).getFindings())
                    .as(line)
                    .containsExactlyElementsOf(verdict.getFindings())
                    .noneMatch(Finding.Recorded.class::isInstance);
            String kind = FindingJson.KINDS.get(verdict.getFindings().get(0).getClass());
            assertThat(line).contains("\"findings\":[{\"kind\":\"" + kind + "\"");
            assertThat(text(GateJson.encodeAudit(read))).isEqualTo(line);
        }
    }

    @Test
    public void theGoldenDecisionsReadBackAsDecidedAndWriteTheGoldenLinesWithFindings() throws IOException {
        List<GateAuditEntry> entries =
                AuditGoldenEntries.entries(temporary.newFolder().toPath());
        StringBuilder written = new StringBuilder();
        for (GateAuditEntry entry : entries) {
            String line = text(GateJson.encodeAudit(entry));
            written.append(line);
            assertThat(decode(line)).as(line).isEqualTo(entry);
        }
        String golden = resource("audit-lines-with-findings.jsonl");

        assertThat(written.toString()).isEqualTo(golden);
        List<GateAuditEntry> read =
                golden.lines().map(AuditFindingsTest::decode).toList();
        assertThat(read).isEqualTo(entries);
    }

    @Test
    public void theLineKeepsFindingsBesideItsUnchangedEnglish() throws IOException {
        String golden = resource("audit-lines-with-findings.jsonl");
        String before = resource("audit-lines-before-findings.jsonl");

        assertThat(golden).contains("\"findings\":[");
        assertThat(golden.lines().map(AuditFindingsTest::withoutFindings).collect(Collectors.joining("\n", "", "\n")))
                .isEqualTo(before);
        assertThat(golden)
                .contains("\"rule\":\"FRESH\",\"status\":\"FAIL\",\"explanation\":\"last successful staging deploy"
                        + " was 20 days ago (limit 14 days)\",\"remedy\":\"deploy a current build to staging\","
                        + "\"findings\":[{\"kind\":\"lastSuccess\",\"environment\":\"staging\",\"age\":\"PT480H\","
                        + "\"maxDays\":14,\"build\":42,\"source\":\"deployToStaging\"}]}");
    }

    @Test
    public void aLineWithoutFindingsReadsInTheWordsItWasRecordedWith() {
        for (GateAuditEntry entry : AuditFindingSamples.entries()) {
            String line = withoutFindings(text(GateJson.encodeAudit(entry)));
            GateDecision decision = entry.decision();

            GateDecision read = decode(line).decision();

            List<RuleVerdict> recorded = decision.getVerdicts().stream()
                    .map(v -> AuditWording.read(
                            v.getRule(),
                            v.getStatus(),
                            AuditWording.explanation(v, decision.getTrustedSources()),
                            AuditWording.remedy(v).orElse(null)))
                    .toList();
            assertThat(read.getVerdicts()).as(line).isEqualTo(recorded);
            assertThat(read.getVerdicts().get(0).getFindings()).singleElement().isInstanceOf(Finding.Recorded.class);
            assertThat(read.getVerdicts().get(1))
                    .isEqualTo(decision.getVerdicts().get(1));
            assertThat(text(GateJson.encodeAudit(new GateAuditEntry(entry.jobFullName(), entry.buildNumber(), read))))
                    .isEqualTo(line);
        }
    }

    @Test
    public void verdictsInRecordedWordsAndRulesSwitchedOffAreWrittenWithoutFindings() {
        GateDecision decision = new GateDecision(
                GateStatus.BLOCK,
                GateMode.ENFORCE,
                AuditFindingSamples.STAGING,
                CandidateIdentity.none(),
                AuditFindingSamples.NOW,
                List.of(
                        RuleVerdict.recorded(GateRule.FRESH, RuleStatus.FAIL, "too old", "deploy"),
                        RuleVerdict.notChecked(GateRule.HEALTHY)),
                null,
                0);

        String line = text(GateJson.encodeAudit(new GateAuditEntry("app", 1, decision)));

        assertThat(line).doesNotContain("findings");
        assertThat(decode(line).decision()).isEqualTo(decision);
    }

    /** A failed FRESH verdict with a finding to damage, and a passed FREQUENT verdict whose finding stays. */
    private static GateAuditEntry twoVerdicts() {
        GateDecision decision = new GateDecision(
                GateStatus.BLOCK,
                GateMode.ENFORCE,
                AuditFindingSamples.STAGING,
                CandidateIdentity.ofBuild(43),
                AuditFindingSamples.NOW,
                List.of(
                        RuleVerdict.fail(
                                GateRule.FRESH,
                                new Finding.LastSuccess(
                                        AuditFindingSamples.STAGING,
                                        Duration.ofDays(20),
                                        14,
                                        42,
                                        DeploySource.DEPLOY_TO_STAGING)),
                        RuleVerdict.pass(
                                GateRule.FREQUENT, new Finding.Frequency(AuditFindingSamples.STAGING, 3, 2, 28))),
                null,
                0);
        return new GateAuditEntry("folder/app", 9, decision);
    }

    @Test
    public void findingsThatDoNotDecodeLeaveTheLineReadableAndTheVerdictInItsRecordedWords() {
        GateAuditEntry entry = twoVerdicts();
        String line = text(GateJson.encodeAudit(entry)).strip();
        String findings = "\"findings\":[{\"kind\":\"lastSuccess\",\"environment\":\"staging\",\"age\":\"PT480H\","
                + "\"maxDays\":14,\"build\":42,\"source\":\"deployToStaging\"}]";
        assertThat(line).contains(findings);
        String good = "{\"kind\":\"lastSuccess\",\"environment\":\"staging\",\"age\":\"PT480H\",\"maxDays\":14,"
                + "\"build\":42,\"source\":\"deployToStaging\"}";
        Map<String, String> malformed = new LinkedHashMap<>();
        malformed.put("an unknown kind", findings.replace("lastSuccess", "lastSuccessSince2030"));
        malformed.put("the kind missing", findings.replace("\"kind\":\"lastSuccess\",", ""));
        malformed.put("the kind a number", findings.replace("\"kind\":\"lastSuccess\"", "\"kind\":4"));
        malformed.put("the kind null", findings.replace("\"kind\":\"lastSuccess\"", "\"kind\":null"));
        malformed.put("an environment name not allowed", findings.replace("\"staging\"", "\"stag ing\""));
        malformed.put("no environment", findings.replace("\"environment\":\"staging\",", ""));
        malformed.put("an age not a duration", findings.replace("PT480H", "20 days"));
        malformed.put("an age in millis", findings.replace("\"PT480H\"", "1728000000"));
        malformed.put("a limit as text", findings.replace("\"maxDays\":14", "\"maxDays\":\"14\""));
        malformed.put("a negative limit", findings.replace("\"maxDays\":14", "\"maxDays\":-14"));
        malformed.put("a fractional limit", findings.replace("\"maxDays\":14", "\"maxDays\":14.5"));
        malformed.put("a limit beyond int", findings.replace("\"maxDays\":14", "\"maxDays\":4294967310"));
        malformed.put("no build", findings.replace("\"build\":42,", ""));
        malformed.put("an unknown source", findings.replace("deployToStaging", "deployToStagingV2"));
        malformed.put("a source in other case", findings.replace("deployToStaging", "DEPLOYTOSTAGING"));
        malformed.put("findings an object", "\"findings\":" + good);
        malformed.put("findings empty", "\"findings\":[]");
        malformed.put("findings null", "\"findings\":null");
        malformed.put("findings text", "\"findings\":\"lastSuccess\"");
        malformed.put("a finding that is text", "\"findings\":[\"lastSuccess\"]");
        malformed.put("a good finding and a bad one", "\"findings\":[" + good + ",{\"kind\":\"frequency\"}]");
        malformed.put(
                "a finding of another rule's kind made bad",
                "\"findings\":[{\"kind\":\"failureStreak\",\"environment\":\"staging\",\"lastDeploys\":3,"
                        + "\"failedInARow\":3,\"successAmongThem\":\"false\"}]");
        malformed.put(
                "an override without its user",
                "\"findings\":[{\"kind\":\"overridden\",\"override\":{\"reason\":\"r\","
                        + "\"granted\":\"2026-03-02T11:00:00Z\"}}]");
        malformed.put(
                "a candidate that is not one",
                "\"findings\":[{\"kind\":\"candidateNeverDeployed\",\"environment\":\"staging\","
                        + "\"candidate\":{\"build\":0}}]");
        RuleVerdict recorded = AuditWording.read(
                GateRule.FRESH,
                RuleStatus.FAIL,
                "last successful staging deploy was 20 days ago (limit 14 days)",
                "deploy a current build to staging");
        RuleVerdict frequent = entry.decision().getVerdicts().get(1);

        for (Map.Entry<String, String> form : malformed.entrySet()) {
            String damaged = line.replace(findings, form.getValue());
            assertThat(damaged).as(form.getKey()).isNotEqualTo(line);

            GateDecision read = decode(damaged).decision();

            assertThat(read.getVerdicts()).as(form.getKey()).containsExactly(recorded, frequent);
        }
        // a rule switched off has no findings; given some, it reads in its recorded words
        String off =
                line.replace("\"rule\":\"FRESH\",\"status\":\"FAIL\"", "\"rule\":\"FRESH\",\"status\":\"NOT_CHECKED\"");
        assertThat(decode(off).decision().getVerdicts().get(0))
                .isEqualTo(RuleVerdict.recorded(
                        GateRule.FRESH,
                        RuleStatus.NOT_CHECKED,
                        "last successful staging deploy was 20 days ago (limit 14 days)",
                        "deploy a current build to staging"));
        // unknown fields in a finding are ignored, as anywhere in the line
        assertThat(decode(line.replace("\"maxDays\":14,", "\"maxDays\":14,\"since\":\"2030\","))
                        .decision())
                .isEqualTo(entry.decision());
    }

    @Test
    public void aFindingThatIsNotStrictJsonMakesTheLineUnreadableAsAnywhereInTheLine() {
        String line = text(GateJson.encodeAudit(twoVerdicts())).strip();

        String keyTwice = line.replace("\"maxDays\":14,", "\"maxDays\":14,\"maxDays\":15,");
        String withoutExplanation =
                line.replace("\"explanation\":\"last successful staging deploy was 20 days ago (limit 14 days)\",", "");

        assertThat(keyTwice).isNotEqualTo(line);
        assertThat(withoutExplanation).isNotEqualTo(line);
        assertThat(GateJson.decodeAudit(keyTwice.getBytes(StandardCharsets.UTF_8)))
                .as("a key twice")
                .isEmpty();
        assertThat(GateJson.decodeAudit(withoutExplanation.getBytes(StandardCharsets.UTF_8)))
                .as("findings without the explanation older readers need")
                .isEmpty();
    }

    @Test
    public void userTextInFindingsRoundTripsExactlyAndStaysOnOneLine() throws IOException {
        GateOverride hostile = AuditFindingSamples.hostileOverride();
        assertThat(hostile.user()).isEqualTo(AuditFindingSamples.HOSTILE_USER);
        assertThat(hostile.reason()).isEqualTo(AuditFindingSamples.HOSTILE_REASON);
        GateAuditLog log = new GateAuditLog(temporary.newFolder().toPath());
        List<GateAuditEntry> entries = AuditFindingSamples.entries();
        for (GateAuditEntry entry : entries) {
            log.append(entry);
        }

        String file = Files.readString(log.getFile(), StandardCharsets.UTF_8);
        // what Python's str.splitlines() breaks at
        assertThat(file.split("\r\n|[\n\r\u000b\u000c\u001c\u001d\u001e\u0085\u2028\u2029]"))
                .hasSize(entries.size());
        GateAuditRead read = log.readRecent(Integer.MAX_VALUE);
        assertThat(read.skippedLines()).isZero();
        List<GateAuditEntry> oldestFirst = new ArrayList<>(read.entries());
        Collections.reverse(oldestFirst);
        assertThat(oldestFirst).isEqualTo(entries);
        List<Finding> overrides = oldestFirst.stream()
                .flatMap(e -> e.decision().getVerdicts().stream())
                .flatMap(v -> v.getFindings().stream())
                .filter(Finding.Overridden.class::isInstance)
                .toList();
        assertThat(overrides).hasSize(1).allSatisfy(f -> {
            GateOverride override = ((Finding.Overridden) f).override();
            assertThat(override.user()).isEqualTo(AuditFindingSamples.HOSTILE_USER);
            assertThat(override.reason()).isEqualTo(AuditFindingSamples.HOSTILE_REASON);
            assertThat(override.candidate().getCommit()).contains(AuditFindingSamples.HOSTILE_COMMIT);
        });
        assertThat(oldestFirst.stream()
                        .flatMap(e -> e.decision().getVerdicts().stream())
                        .flatMap(v -> v.getFindings().stream())
                        .filter(Finding.CandidateNeverDeployed.class::isInstance)
                        .map(f ->
                                ((Finding.CandidateNeverDeployed) f).candidate().getCommit()))
                .contains(Optional.of(AuditFindingSamples.HOSTILE_COMMIT));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = AuditFindingsTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new AssertionError("no resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
