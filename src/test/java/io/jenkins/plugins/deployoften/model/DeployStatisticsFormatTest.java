package io.jenkins.plugins.deployoften.model;

import static io.jenkins.plugins.deployoften.model.StatisticsFixtures.NOW;
import static io.jenkins.plugins.deployoften.model.StatisticsFixtures.STAGING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.Test;

/** Statistics written and read back are the statistics: every figure, the derived ones computed again alike. */
public class DeployStatisticsFormatTest {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final DeployOutcome[] OUTCOMES = DeployOutcome.values();

    @Test
    public void randomHistoriesReadBackEqualWithEveryFigure() throws IOException {
        Random random = new Random(17);
        for (int history = 0; history < 200; history++) {
            DeployStatistics written =
                    DeployStatistics.compute(randomRecords(random), STAGING, NOW, 1 + random.nextInt(26));
            DeployStatistics read = roundTrip(written);

            assertThat(read).as("history %d", history).isEqualTo(written);
            assertThat(read.getWeeks()).isEqualTo(written.getWeeks());
            assertThat(read.getMedianLeadTime()).isEqualTo(written.getMedianLeadTime());
            assertThat(read.getTimeSinceLastSuccess()).isEqualTo(written.getTimeSinceLastSuccess());
            assertThat(read.getUnrecoveredFailures()).isEqualTo(written.getUnrecoveredFailures());
            assertThat(read.getFrequencyClass()).isEqualTo(written.getFrequencyClass());
            Instant later = NOW.plus(Duration.ofHours(random.nextInt(60)));
            assertThat(read.canMoveTo(later)).isEqualTo(written.canMoveTo(later));
            if (written.canMoveTo(later)) {
                assertThat(read.at(later)).isEqualTo(written.at(later));
            }
        }
    }

    @Test
    public void noHistoryReadsBackEqual() throws IOException {
        DeployStatistics none = DeployStatistics.compute(List.of(), STAGING, NOW, 12);
        assertThat(roundTrip(none)).isEqualTo(none);
        assertThat(roundTrip(none).getStreak().getOutcome()).isEmpty();
    }

    @Test
    public void aStatisticsObjectWithAFieldMissingRenamedOrOutOfRangeIsRefused() throws IOException {
        String written = new String(
                write(DeployStatistics.compute(
                        List.of(StatisticsFixtures.staging(1, DeployOutcome.SUCCESS, NOW.minusSeconds(60))),
                        STAGING,
                        NOW,
                        12)),
                StandardCharsets.UTF_8);
        for (String damaged : List.of(
                written.replace("\"skippedLines\":0,", ""),
                written.replace("\"median\"", "\"mean\""),
                written.replace("\"weeks\":12", "\"weeks\":11"),
                written.replace("\"weeks\":12", "\"weeks\":-1"),
                written.replace("\"recovered\":0", "\"recovered\":-1"),
                written.replace("\"SUCCESS\",1", "\"SKIPPED\",1"),
                written.replace("\"environment\":\"staging\"", "\"environment\":\"no such/env\""))) {
            assertThat(damaged).isNotEqualTo(written);
            assertThatThrownBy(() -> read(damaged.getBytes(StandardCharsets.UTF_8)))
                    .as(damaged)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static List<DeployRecord> randomRecords(Random random) {
        List<DeployRecord> records = new ArrayList<>();
        int count = random.nextInt(60);
        for (int i = 0; i < count; i++) {
            Instant started = NOW.minus(Duration.ofMinutes(random.nextInt(60 * 24 * 7 * 30)))
                    .plus(Duration.ofHours(random.nextInt(10) == 0 ? 30 : 0)); // some after NOW
            DeployRecord.Builder builder = DeployRecord.builder("staging", "app", i + 1)
                    .outcome(OUTCOMES[random.nextInt(OUTCOMES.length)])
                    .startedAt(started)
                    .duration(Duration.ofSeconds(random.nextInt(4000)));
            if (random.nextBoolean()) {
                builder.commitTime(started.minus(Duration.ofMinutes(1 + random.nextInt(5000))));
            }
            records.add(builder.build());
        }
        return records;
    }

    private static DeployStatistics roundTrip(DeployStatistics statistics) throws IOException {
        return read(write(statistics));
    }

    private static byte[] write(DeployStatistics statistics) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            DeployStatisticsFormat.write(json, statistics);
        }
        return out.toByteArray();
    }

    private static DeployStatistics read(byte[] bytes) throws IOException {
        try (JsonParser json = FACTORY.createParser(bytes)) {
            DeployStatistics statistics = DeployStatisticsFormat.read(json);
            assertThat(json.nextToken()).isNull();
            return statistics;
        }
    }
}
