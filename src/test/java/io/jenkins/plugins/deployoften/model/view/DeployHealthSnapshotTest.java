package io.jenkins.plugins.deployoften.model.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.DeployStatistics;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import io.jenkins.plugins.deployoften.model.SignedJson;
import io.jenkins.plugins.deployoften.model.deploy.EnvironmentStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.Test;

/** A job's health kept on disk reads back as it was, or not at all. */
public class DeployHealthSnapshotTest {
    private static final Instant NOW = Instant.parse("2026-03-18T12:00:00Z");
    private static final String SOURCE = "5120@1764000000000@(dev=803,ino=42)|empty|2026-03-16";

    private static final List<EnvironmentStatus> ENVIRONMENTS = List.of(
            EnvironmentStatus.of(
                    EnvironmentName.of("staging"),
                    Optional.of(record(3, DeployOutcome.SUCCESS, NOW.minus(Duration.ofHours(5)))),
                    Optional.of(record(4, DeployOutcome.FAILURE, NOW.minus(Duration.ofHours(1))))),
            EnvironmentStatus.of(
                    EnvironmentName.of("prod"),
                    Optional.empty(),
                    Optional.of(record(2, DeployOutcome.ABORTED, NOW.minus(Duration.ofDays(2))))),
            EnvironmentStatus.of(EnvironmentName.of("qa"), Optional.empty(), Optional.empty()));

    private static DeployHealthView view(GateBadgeState gate) {
        List<DeployRecord> records = List.of(
                record(1, DeployOutcome.SUCCESS, NOW.minus(Duration.ofDays(3))),
                record(2, DeployOutcome.FAILURE, NOW.minus(Duration.ofDays(2))),
                record(3, DeployOutcome.SUCCESS, NOW.minus(Duration.ofHours(5))));
        return DeployHealthView.of(DeployStatistics.compute(records, EnvironmentName.of("staging"), NOW, 12), gate);
    }

    private static DeployRecord record(int build, DeployOutcome outcome, Instant started) {
        return DeployRecord.builder("staging", "folder/app", build)
                .outcome(outcome)
                .startedAt(started)
                .duration(Duration.ofSeconds(40 + build))
                .build();
    }

    @Test
    public void itReadsBackAsWritten() {
        for (GateBadgeState gate : GateBadgeState.values()) {
            DeployHealthView view = view(gate);
            byte[] bytes = DeployHealthSnapshot.encode(SOURCE, view, "alice: hotfix INC-42", ENVIRONMENTS);

            DeployHealthSnapshot read = DeployHealthSnapshot.decode(bytes).orElseThrow();

            assertThat(read.getSource()).isEqualTo(SOURCE);
            assertThat(read.getLastOverride()).isEqualTo("alice: hotfix INC-42");
            assertThat(read.getView().getGateState()).isEqualTo(gate);
            assertThat(read.getView().getStatistics()).isEqualTo(view.getStatistics());
            assertThat(read.getEnvironments()).hasSize(3);
            for (int i = 0; i < ENVIRONMENTS.size(); i++) {
                EnvironmentStatus written = ENVIRONMENTS.get(i);
                assertThat(read.getEnvironments().get(i).getEnvironment()).isEqualTo(written.getEnvironment());
                assertThat(read.getEnvironments().get(i).getCurrent()).isEqualTo(written.getCurrent());
                assertThat(read.getEnvironments().get(i).getLastAttempt()).isEqualTo(written.getLastAttempt());
                assertThat(read.getEnvironments().get(i).isLastAttemptFailed())
                        .isEqualTo(written.isLastAttemptFailed());
            }
            assertThat(read.getView().getLastSuccessAge()).isEqualTo(view.getLastSuccessAge());
            assertThat(read.getView()
                            .badge("frequency", EnglishBadgeTexts.ENGLISH)
                            .orElseThrow()
                            .svg())
                    .isEqualTo(view.badge("frequency", EnglishBadgeTexts.ENGLISH)
                            .orElseThrow()
                            .svg());
        }
    }

    @Test
    public void hostileTextReadsBackExactly() {
        String hostile = "\"},\"sha256\":\"0\"}\n</script><img src=x onerror=alert(1)>\u2028\u0000 ünï ☃ \\";
        byte[] bytes = DeployHealthSnapshot.encode(hostile, view(GateBadgeState.BLOCK), hostile, ENVIRONMENTS);

        DeployHealthSnapshot read = DeployHealthSnapshot.decode(bytes).orElseThrow();

        assertThat(read.getSource()).isEqualTo(hostile);
        assertThat(read.getLastOverride()).isEqualTo(hostile);
        assertThat(new String(bytes, StandardCharsets.UTF_8))
                .doesNotContain("</script>\n")
                .endsWith("\"}\n");
    }

    @Test
    public void everyByteFlipAndEveryTruncationIsUnreadable() {
        byte[] bytes = DeployHealthSnapshot.encode(SOURCE, view(GateBadgeState.PASS), "", ENVIRONMENTS);
        for (int at = 0; at < bytes.length; at++) {
            for (int mask : new int[] {0x01, 0x20, 0x80}) {
                byte[] damaged = bytes.clone();
                damaged[at] ^= (byte) mask;
                assertThat(DeployHealthSnapshot.decode(damaged))
                        .as("flip %x at %d", mask, at)
                        .isEmpty();
            }
        }
        for (int length = 0; length < bytes.length - 1; length++) {
            assertThat(DeployHealthSnapshot.decode(Arrays.copyOf(bytes, length)))
                    .as("first %d bytes", length)
                    .isEmpty();
        }
    }

    @Test
    public void anotherVersionIsUnreadable() {
        String text = new String(
                DeployHealthSnapshot.encode(SOURCE, view(GateBadgeState.PASS), "", ENVIRONMENTS),
                StandardCharsets.UTF_8);
        String otherVersion = text.replace("{\"v\":" + DeployHealthSnapshot.VERSION + ",", "{\"v\":0,");
        String object = otherVersion.substring(0, otherVersion.lastIndexOf(",\"sha256\"")) + "}";
        byte[] resigned = SignedJson.sign(object.getBytes(StandardCharsets.UTF_8));

        assertThat(otherVersion).isNotEqualTo(text);
        assertThat(DeployHealthSnapshot.decode(resigned)).isEqualTo(Optional.empty());
    }
}
