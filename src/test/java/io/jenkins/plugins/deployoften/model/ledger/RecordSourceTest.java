package io.jenkins.plugins.deployoften.model.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.DeploySource;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import io.jenkins.plugins.deployoften.model.SuccessfulDeploy;
import io.jenkins.plugins.deployoften.model.TrustedSources;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Every record keeps the step that made it: in ledger lines, spooled lines and the summary's index. */
public class RecordSourceTest {
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-06T00:00:00Z"), ZoneOffset.UTC);
    private static final EnvironmentName STAGING = EnvironmentName.of("staging");

    /** A line as every version before sources wrote it. */
    private static final String LINE_WITHOUT_SOURCE = "{\"v\":1,\"recorded\":\"2026-01-05T09:01:00Z\","
            + "\"environment\":\"staging\",\"job\":\"folder/app\",\"build\":7,\"commit\":\"abc\",\"outcome\":\"SUCCESS\","
            + "\"started\":\"2026-01-05T09:00:00Z\",\"durationMs\":30000}";

    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();

    private static DeployRecord record(int build, String commit, DeploySource source) {
        return DeployRecord.builder("staging", "folder/app", build)
                .outcome(DeployOutcome.SUCCESS)
                .startedAt(T0.plusSeconds(60L * build))
                .duration(Duration.ofSeconds(30))
                .commit(commit)
                .source(source)
                .build();
    }

    private static Optional<LedgerLineFormat.Line> decode(String line) {
        return LedgerLineFormat.decode(line.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    public void aLineWithoutSourceIsARecordOfUnknownSourceAndIsWrittenBackTheSame() {
        DeployRecord old = decode(LINE_WITHOUT_SOURCE).orElseThrow().getRecord();

        assertThat(old.getSource()).isEqualTo(DeploySource.UNKNOWN);
        assertThat(new String(
                        LedgerLineFormat.encode(old, Instant.parse("2026-01-05T09:01:00Z")), StandardCharsets.UTF_8))
                .isEqualTo(LINE_WITHOUT_SOURCE + "\n");
    }

    @Test
    public void everySourceRoundTripsThroughALine() {
        for (DeploySource source : DeploySource.values()) {
            DeployRecord record = record(1, "abc", source);
            String line = new String(LedgerLineFormat.encode(record, T0), StandardCharsets.UTF_8);

            assertThat(line.contains("\"source\":\"" + source.id() + "\""))
                    .as(line)
                    .isEqualTo(source != DeploySource.UNKNOWN);
            assertThat(decode(line.strip()).orElseThrow().getRecord()).isEqualTo(record);
        }
        // the source is part of the record: the same deploy from another step is another record
        assertThat(record(1, "abc", DeploySource.RECORD_DEPLOY))
                .isNotEqualTo(record(1, "abc", DeploySource.DEPLOY_OFTEN));
    }

    @Test
    public void aSourceThisVersionDoesNotKnowOrThatIsNotTextIsUnreadable() {
        String withSource = LINE_WITHOUT_SOURCE.replace("}", ",\"source\":\"%s\"}");

        assertThat(decode(String.format(withSource, "deployToStaging"))).isPresent();
        assertThat(decode(String.format(withSource, "unknown"))
                        .orElseThrow()
                        .getRecord()
                        .getSource())
                .isEqualTo(DeploySource.UNKNOWN);
        for (String bad : List.of("DeployToStaging", "forged", "", " recordDeploy")) {
            assertThat(decode(String.format(withSource, bad))).as(bad).isEmpty();
        }
        assertThat(decode(LINE_WITHOUT_SOURCE.replace("}", ",\"source\":null}")))
                .isEmpty();
        assertThat(decode(LINE_WITHOUT_SOURCE.replace("}", ",\"source\":1}"))).isEmpty();
        assertThat(decode(LINE_WITHOUT_SOURCE.replace("}", ",\"source\":\"recordDeploy\",\"source\":\"deployOften\"}")))
                .isEmpty();
    }

    @Test
    public void aSpooledRecordKeepsItsSourceAndAnOldSpooledLineReadsAsUnknown() throws IOException {
        Path folder = temporary.newFolder("spool").toPath();
        DeploySpool spool = new DeploySpool(folder, CLOCK, true);
        DeployRecord forged = record(8, "abc", DeploySource.RECORD_DEPLOY);
        spool.append(forged, "payments");
        Files.writeString(
                spool.getFile(),
                LINE_WITHOUT_SOURCE + "\n",
                StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);

        List<DeployRecord> drained = new ArrayList<>();
        DeploySpool.Drain drain = spool.drainTo((record, service) -> drained.add(record));

        assertThat(drain.stored()).isEqualTo(2);
        assertThat(drained)
                .containsExactly(
                        forged, decode(LINE_WITHOUT_SOURCE).orElseThrow().getRecord());
        assertThat(drained)
                .extracting(DeployRecord::getSource)
                .containsExactly(DeploySource.RECORD_DEPLOY, DeploySource.UNKNOWN);
    }

    @Test
    public void theFileLedgerAnswersTheCandidateBySourceFromItsSummaryAndAfterARebuild() throws IOException {
        Path directory = temporary.newFolder("job").toPath();
        FileDeployLedger ledger = new FileDeployLedger(directory, CLOCK, FileDeployLedger.Durability.FORCED);
        ledger.append(record(1, "abc", DeploySource.DEPLOY_TO_STAGING));
        ledger.append(record(2, "abc", DeploySource.RECORD_DEPLOY));
        TrustedSources stagingOnly = TrustedSources.of(Set.of(DeploySource.DEPLOY_TO_STAGING));
        TrustedSources deployOftenOnly = TrustedSources.of(Set.of(DeploySource.DEPLOY_OFTEN));

        for (int pass = 0; pass < 2; pass++) {
            assertThat(ledger.lastSuccessOfCandidate(
                            STAGING, Optional.empty(), Optional.of("ABC"), OptionalInt.empty()))
                    .contains(new SuccessfulDeploy(
                            SuccessfulDeploy.MatchedBy.COMMIT, 2, T0.plusSeconds(120), DeploySource.RECORD_DEPLOY));
            assertThat(ledger.lastSuccessOfCandidate(
                            STAGING, Optional.empty(), Optional.of("abc"), OptionalInt.empty(), stagingOnly))
                    .contains(new SuccessfulDeploy(
                            SuccessfulDeploy.MatchedBy.COMMIT, 1, T0.plusSeconds(60), DeploySource.DEPLOY_TO_STAGING));
            assertThat(ledger.lastSuccessOfCandidate(
                            STAGING, Optional.empty(), Optional.of("abc"), OptionalInt.of(2), deployOftenOnly))
                    .isEmpty();
            // the summary is a cache: without it the ledger rebuilds it from the lines, sources included
            assertThat(Files.deleteIfExists(directory.resolve(LedgerSummaryFile.FILE_NAME)))
                    .isEqualTo(pass == 0);
            ledger = new FileDeployLedger(directory, CLOCK, FileDeployLedger.Durability.FORCED);
        }
    }
}
