package io.jenkins.plugins.deployoften.gate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.deployoften.DisplayNameAssertions;
import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import io.jenkins.plugins.deployoften.model.LedgerRead;
import io.jenkins.plugins.deployoften.model.gate.AuditFindingSamples;
import io.jenkins.plugins.deployoften.model.gate.AuditGoldenEntries;
import io.jenkins.plugins.deployoften.model.gate.CandidateIdentity;
import io.jenkins.plugins.deployoften.model.gate.Finding;
import io.jenkins.plugins.deployoften.model.gate.GateAuditEntry;
import io.jenkins.plugins.deployoften.model.gate.GateAuditLog;
import io.jenkins.plugins.deployoften.model.gate.GateDecision;
import io.jenkins.plugins.deployoften.model.gate.GateMode;
import io.jenkins.plugins.deployoften.model.gate.GateOverride;
import io.jenkins.plugins.deployoften.model.gate.GatePolicy;
import io.jenkins.plugins.deployoften.model.gate.GateRule;
import io.jenkins.plugins.deployoften.model.gate.GateStatus;
import io.jenkins.plugins.deployoften.model.gate.PolicyInForce;
import io.jenkins.plugins.deployoften.model.gate.RuleStatus;
import io.jenkins.plugins.deployoften.model.gate.RuleVerdict;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.jvnet.localizer.LocaleProvider;

/** The gate's decisions in words: the build log's English line, and a page's display names. */
public class GateWordsTest {
    private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");
    private static final EnvironmentName STAGING = EnvironmentName.of("staging");
    private static final CandidateIdentity BUILD_42 = CandidateIdentity.ofBuild(42);
    /** The language of the test translation {@code Messages_qaa.properties}, of some of the gate's words. */
    private static final Locale TEST_LANGUAGE = Locale.of("qaa");

    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();

    private final Locale defaultLocale = Locale.getDefault();
    private final LocaleProvider defaultProvider = LocaleProvider.getProvider();

    @After
    public void restoreLocale() {
        Locale.setDefault(defaultLocale);
        LocaleProvider.setProvider(defaultProvider);
    }

    private static DeployRecord success(int build, Duration ago) {
        return DeployRecord.builder("staging", "folder/app", build)
                .outcome(DeployOutcome.SUCCESS)
                .startedAt(NOW.minus(ago))
                .duration(Duration.ofMinutes(3))
                .build();
    }

    private static LedgerRead history(DeployRecord... records) {
        return new LedgerRead(List.of(records), 0);
    }

    /** Fails only FRESH: the last success, build 42, is 20 days old. */
    private static final LedgerRead STALE = history(success(41, Duration.ofDays(25)), success(42, Duration.ofDays(20)));

    private static GateDecision stale(Optional<GateOverride> override) {
        return GatePolicy.defaults().evaluate(STALE, STAGING, BUILD_42, NOW, override);
    }

    private static GateOverride override(String user, String reason) {
        return new GateOverride(user, reason, NOW.minusSeconds(60), BUILD_42, NOW.plus(Duration.ofHours(24)));
    }

    @Test
    public void theLogLineNamesStatusEnvironmentCandidateModeAndWhatFailedWithItsRemedy() {
        GateDecision passing = GatePolicy.defaults()
                .evaluate(
                        history(success(41, Duration.ofDays(10)), success(42, Duration.ofDays(1))),
                        STAGING,
                        BUILD_42,
                        NOW,
                        Optional.empty());

        assertThat(GateWords.log(passing))
                .isEqualTo(
                        "release gate PASS for staging (candidate build #42, mode ENFORCE): all checked rules passed");
        assertThat(GateWords.log(stale(Optional.empty())))
                .isEqualTo("release gate BLOCK for staging (candidate build #42, mode ENFORCE): FRESH: last successful"
                        + " staging deploy was 20 days ago (limit 14 days): deploy a current build to staging");
    }

    @Test
    public void anOverriddenDecisionSaysWhoWhyForWhatAndWhichRulesFailed() {
        GateDecision decision = stale(Optional.of(override("alice", "hotfix for incident 123")));

        assertThat(GateWords.log(decision))
                .isEqualTo("release gate PASS for staging (candidate build #42, mode ENFORCE): overridden by alice"
                        + " for build #42 (expires 2026-03-03T12:00:00Z): hotfix for incident 123 (failed: FRESH)");
    }

    @Test
    public void everyFailedRuleIsOnOneLineAndSkippedLedgerLinesAreCounted() {
        DeployRecord failed = DeployRecord.builder("staging", "folder/app", 1)
                .outcome(DeployOutcome.FAILURE)
                .startedAt(NOW.minus(Duration.ofDays(1)))
                .duration(Duration.ofMinutes(3))
                .build();
        GateDecision decision = GatePolicy.defaults()
                .evaluate(new LedgerRead(List.of(failed), 3), STAGING, CandidateIdentity.none(), NOW, Optional.empty());

        assertThat(GateWords.log(decision))
                .startsWith("release gate BLOCK for staging (candidate none, mode ENFORCE): FRESH: no successful"
                        + " staging deploy recorded yet: deploy a current build to staging; FREQUENT: 0 successful"
                        + " staging deploys in the last 28 days (at least 2 required): deploy to staging more often:"
                        + " at least 2 successful deploys every 28 days")
                .contains("; CANDIDATE_PRACTISED: the release candidate could not be checked")
                .endsWith(" [3 unreadable ledger lines skipped]")
                .doesNotContain("\n");
    }

    @Test
    public void userTextInTheLineHasNoBidirectionalControlsOrLineBreaks() {
        GateDecision decision = stale(Optional.of(override("al\u202Eice", "hotfix\nrelease gate PASS for prod")));

        assertThat(GateWords.log(decision))
                .doesNotContain("\u202E", "\n")
                .contains("overridden by alice for build #42 (expires 2026-03-03T12:00:00Z): hotfix release gate"
                        + " PASS for prod");
    }

    @Test
    public void theLogTableHasTheDecisionThePolicyAndOneLinePerRule() {
        PolicyInForce policy = PolicyInForce.of(
                GatePolicy.defaults(),
                "global",
                Optional.of(GatePolicy.builder().mode(GateMode.WARN).build()));

        List<String> table = GateWords.forLog().table(stale(Optional.empty()), policy);

        assertThat(table.get(0))
                .isEqualTo("DeployOften release gate for staging: BLOCK (mode ENFORCE, candidate build #42)");
        assertThat(table.get(1))
                .startsWith("  policy: global floor, tightened by the job's policy GatePolicy[mode=ENFORCE")
                .endsWith("; not applied, looser than the floor: the job's mode");
        assertThat(table.get(2))
                .isEqualTo("  FRESH                FAIL        last successful staging deploy was 20 days ago (limit"
                        + " 14 days): deploy a current build to staging");
        assertThat(table).hasSize(6);
    }

    @Test
    public void theLogWordsEveryVerdictAsTheAuditTrailRecordsIt() throws IOException {
        GateAuditLog log = new GateAuditLog(temporary.newFolder().toPath());
        List<GateAuditEntry> entries =
                AuditGoldenEntries.entries(temporary.newFolder().toPath());
        for (GateAuditEntry entry : entries) {
            log.append(entry);
        }

        List<String> lines = Files.readAllLines(log.getFile());
        ObjectMapper json = new ObjectMapper();
        GateWords words = GateWords.forLog();
        for (int i = 0; i < entries.size(); i++) {
            GateDecision decision = entries.get(i).decision();
            JsonNode recorded = json.readTree(lines.get(i)).get("verdicts");
            for (int v = 0; v < decision.getVerdicts().size(); v++) {
                RuleVerdict verdict = decision.getVerdicts().get(v);
                assertThat(words.explanation(verdict, decision.getTrustedSources()))
                        .as("entry %d, %s", i, verdict.getRule())
                        .isEqualTo(recorded.get(v).get("explanation").asText());
                assertThat(words.remedy(verdict))
                        .as("entry %d, %s remedy", i, verdict.getRule())
                        .isEqualTo(Optional.ofNullable(recorded.get(v).get("remedy"))
                                .map(JsonNode::asText));
            }
        }
    }

    @Test
    public void aDecisionReadBackFromTheAuditTrailIsWordedAsTheLiveOneInTheReadersLanguage() throws IOException {
        GateAuditLog log = new GateAuditLog(temporary.newFolder().toPath());
        GateDecision decision = stale(Optional.empty());
        log.append(new GateAuditEntry("folder/app", 7, decision));

        GateDecision read = log.readRecent(1).entries().get(0).decision();

        assertThat(GateWords.log(read)).isEqualTo(GateWords.log(decision));
        assertThat(GateWords.forUser(Locale.ENGLISH).summary(read))
                .isEqualTo(GateWords.forUser(Locale.ENGLISH).summary(decision));
        assertThat(GateWords.forUser(TEST_LANGUAGE).summary(read))
                .isEqualTo(GateWords.forUser(TEST_LANGUAGE).summary(decision))
                .isEqualTo("Freigabe blockiert für staging (Kandidat build #42, Modus erzwingen): Aktualität: letzter"
                        + " erfolgreicher staging-Deploy ist 20 Tage her (Grenze 14 Tage): einen aktuellen Build nach"
                        + " staging deployen");
    }

    @Test
    public void everyKindOfFindingReadBackIsWordedAsTheLiveDecisionInEachLanguage() throws IOException {
        GateAuditLog log = new GateAuditLog(temporary.newFolder().toPath());
        List<GateAuditEntry> written = new ArrayList<>(AuditFindingSamples.entries());
        written.addAll(AuditGoldenEntries.entries(temporary.newFolder().toPath()));
        for (GateAuditEntry entry : written) {
            log.append(entry);
        }

        List<GateAuditEntry> read =
                new ArrayList<>(log.readRecent(Integer.MAX_VALUE).entries());
        Collections.reverse(read);

        assertThat(read).hasSameSizeAs(written);
        for (GateWords words :
                List.of(GateWords.forLog(), GateWords.forUser(Locale.ENGLISH), GateWords.forUser(TEST_LANGUAGE))) {
            for (int i = 0; i < written.size(); i++) {
                GateDecision live = written.get(i).decision();
                GateDecision back = read.get(i).decision();
                assertThat(words.summary(back))
                        .as("%s, entry %d", words.locale(), i)
                        .isEqualTo(words.summary(live));
                for (int v = 0; v < live.getVerdicts().size(); v++) {
                    RuleVerdict verdict = back.getVerdicts().get(v);
                    assertThat(verdict.getFindings()).noneMatch(Finding.Recorded.class::isInstance);
                    assertThat(words.explanation(verdict, back.getTrustedSources()))
                            .as("%s, entry %d, %s", words.locale(), i, verdict.getRule())
                            .isEqualTo(words.explanation(live.getVerdicts().get(v), live.getTrustedSources()));
                    assertThat(words.remedy(verdict))
                            .isEqualTo(words.remedy(live.getVerdicts().get(v)));
                }
            }
        }
    }

    @Test
    public void aLineWrittenBeforeFindingsWereKeptIsShownInItsRecordedEnglish() throws IOException {
        GateAuditLog log = new GateAuditLog(temporary.newFolder().toPath());
        try (InputStream before = AuditGoldenEntries.class.getResourceAsStream("audit-lines-before-findings.jsonl")) {
            Files.write(log.getFile(), before.readAllBytes());
        }
        List<String> lines = Files.readAllLines(log.getFile());
        ObjectMapper json = new ObjectMapper();

        GateDecision stale =
                log.readRecent(lines.size()).entries().get(lines.size() - 2).decision();

        JsonNode fresh = json.readTree(lines.get(1)).get("verdicts").get(0);
        assertThat(fresh.get("findings")).isNull();
        RuleVerdict verdict = stale.getVerdicts().get(0);
        assertThat(verdict.getFindings()).singleElement().isInstanceOf(Finding.Recorded.class);
        assertThat(GateWords.forUser(TEST_LANGUAGE).explanation(verdict, stale.getTrustedSources()))
                .isEqualTo(fresh.get("explanation").asText())
                .isEqualTo("last successful staging deploy was 20 days ago (limit 14 days)");
    }

    @Test
    public void theLogIsEnglishWhateverTheControllersAndTheUsersLanguage() {
        Locale.setDefault(Locale.GERMANY);
        LocaleProvider.setProvider(new LocaleProvider() {
            @Override
            public Locale get() {
                return Locale.FRANCE;
            }
        });

        assertThat(GateWords.forLog().locale()).isEqualTo(Locale.ROOT);
        assertThat(GateWords.forUser().locale()).isEqualTo(Locale.FRANCE);
        assertThat(GateWords.log(stale(Optional.empty()))).contains("last successful staging deploy was 20 days ago");
    }

    @Test
    public void aPageShowsDisplayNamesNotIdentifiers() {
        GateWords words = GateWords.forUser(Locale.ENGLISH);

        assertThat(words.summary(stale(Optional.empty())))
                .isEqualTo("release gate blocked for staging (candidate build #42, mode enforce): freshness: last"
                        + " successful staging deploy was 20 days ago (limit 14 days): deploy a current build to"
                        + " staging");
    }

    @Test
    public void everyStatusModeRuleAndKindHasADisplayName() {
        GateWords words = GateWords.forUser(Locale.ENGLISH);

        DisplayNameAssertions.assertDisplayNames(GateStatus.values(), words::status);
        DisplayNameAssertions.assertDisplayNames(GateMode.values(), words::mode);
        DisplayNameAssertions.assertDisplayNames(GateRule.values(), words::rule);
        DisplayNameAssertions.assertDisplayNames(RuleStatus.values(), words::ruleStatus);
        DisplayNameAssertions.assertDisplayNames(CandidateIdentity.Kind.values(), words::kind);
        assertThat(GateWords.forLog().status(GateStatus.BLOCK)).isEqualTo("BLOCK");
    }
}
