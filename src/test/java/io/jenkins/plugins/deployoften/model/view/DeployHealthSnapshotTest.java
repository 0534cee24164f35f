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

    private static final List<RecentDeploys> RECENT = List.of(
            new RecentDeploys(EnvironmentName.of("staging"), 7, 2),
            new RecentDeploys(EnvironmentName.of("prod"), 0, 0),
            new RecentDeploys(EnvironmentName.of("qa"), 0, 0));

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
            byte[] bytes = DeployHealthSnapshot.encode(SOURCE, view, "alice: hotfix INC-42", ENVIRONMENTS, RECENT);

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
            assertThat(read.getRecent()).isEqualTo(RECENT);
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
        byte[] bytes = DeployHealthSnapshot.encode(hostile, view(GateBadgeState.BLOCK), hostile, ENVIRONMENTS, RECENT);

        DeployHealthSnapshot read = DeployHealthSnapshot.decode(bytes).orElseThrow();

        assertThat(read.getSource()).isEqualTo(hostile);
        assertThat(read.getLastOverride()).isEqualTo(hostile);
        assertThat(new String(bytes, StandardCharsets.UTF_8))
                .doesNotContain("</script>\n")
                .endsWith("\"}\n");
    }

    @Test
    public void everyByteFlipAndEveryTruncationIsUnreadable() {
        byte[] bytes = DeployHealthSnapshot.encode(SOURCE, view(GateBadgeState.PASS), "", ENVIRONMENTS, RECENT);
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

    /** @return a snapshot's text, of this version */
    private static String snapshotText() {
        return new String(
                DeployHealthSnapshot.encode(SOURCE, view(GateBadgeState.PASS), "", ENVIRONMENTS, RECENT),
                StandardCharsets.UTF_8);
    }

    /** @return the text as another version: its version number replaced, signed again */
    private static byte[] asVersion(int version, String text) {
        String changed = text.replace("{\"v\":" + DeployHealthSnapshot.VERSION + ",", "{\"v\":" + version + ",");
        assertThat(changed).isNotEqualTo(text);
        String object = changed.substring(0, changed.lastIndexOf(",\"sha256\"")) + "}";
        return SignedJson.sign(object.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    public void anotherVersionIsUnreadable() {
        assertThat(DeployHealthSnapshot.decode(asVersion(0, snapshotText()))).isEqualTo(Optional.empty());
    }

    @Test
    public void aFileOfVersionOneWithoutRecentDeploysIsUnreadable() {
        String text = snapshotText();
        // as version 1 wrote it: no recent deploys; the job is computed afresh rather than shown without them
        String withoutRecent =
                text.substring(0, text.indexOf(",\"recent\":")) + text.substring(text.indexOf(",\"statistics\":"));

        assertThat(withoutRecent).doesNotContain("\"recent\"").contains("\"environments\"", "\"statistics\"");
        assertThat(DeployHealthSnapshot.decode(asVersion(1, withoutRecent))).isEqualTo(Optional.empty());
    }
}
