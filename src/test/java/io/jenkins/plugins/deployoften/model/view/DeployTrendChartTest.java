package io.jenkins.plugins.deployoften.model.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.deployoften.model.WeeklyBucket;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.Test;

public class DeployTrendChartTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final LocalDate MONDAY = LocalDate.of(2026, 9, 7);

    private static JsonNode json(List<WeeklyBucket> weeks) throws Exception {
        return MAPPER.readTree(
                DeployTrendChart.of(weeks, EnglishChartLabels.ENGLISH).toJson());
    }

    private static WeeklyBucket week(int index, int successful, int failed, Long medianMillis) {
        return WeeklyBucket.of(
                MONDAY.plusWeeks(index),
                successful,
                failed,
                Optional.ofNullable(medianMillis).map(Duration::ofMillis));
    }

    @Test
    public void stackedBarsForSuccessfulAndFailedAndAMedianLineOnTheSecondAxis() throws Exception {
        JsonNode chart = json(List.of(week(0, 3, 1, 412_000L), week(1, 4, 0, 398_040L), week(2, 0, 0, null)));

        JsonNode series = chart.get("series");
        assertThat(series).hasSize(3);
        assertThat(series.get(0).get("name").asText()).isEqualTo("Successful");
        assertThat(series.get(0).get("type").asText()).isEqualTo("bar");
        assertThat(series.get(0).get("stack").asText()).isEqualTo("deploys");
        assertThat(series.get(0).get("yAxisIndex").asInt()).isZero();
        assertThat(series.get(1).get("name").asText()).isEqualTo("Failed");
        assertThat(series.get(1).get("type").asText()).isEqualTo("bar");
        assertThat(series.get(1).get("stack").asText()).isEqualTo("deploys");
        assertThat(series.get(2).get("name").asText()).isEqualTo("Median duration");
        assertThat(series.get(2).get("type").asText()).isEqualTo("line");
        assertThat(series.get(2).has("stack")).isFalse();
        assertThat(series.get(2).get("yAxisIndex").asInt()).isEqualTo(1);

        assertThat(series.get(0).get("data").toString()).isEqualTo("[3,4,0]");
        assertThat(series.get(1).get("data").toString()).isEqualTo("[1,0,0]");
        // 412000 ms = 412.0 s, 398040 ms = 398.04 s -> 398.0 (0.1 s), no deploys -> null (a gap in the line)
        assertThat(series.get(2).get("data").toString()).isEqualTo("[412.0,398.0,null]");
    }

    @Test
    public void axesAreIsoMondaysAndTwoValueAxes() throws Exception {
        JsonNode chart = json(List.of(week(0, 1, 0, 1000L), week(1, 1, 0, 1000L)));

        assertThat(chart.get("xAxis")).hasSize(1);
        assertThat(chart.get("xAxis").get(0).get("type").asText()).isEqualTo("category");
        assertThat(chart.get("xAxis").get(0).get("data").toString()).isEqualTo("[\"2026-09-07\",\"2026-09-14\"]");
        JsonNode yAxis = chart.get("yAxis");
        assertThat(yAxis).hasSize(2);
        assertThat(yAxis.get(0).get("name").asText()).isEqualTo("Deploys per week");
        assertThat(yAxis.get(0).get("position").asText()).isEqualTo("left");
        assertThat(yAxis.get(0).get("minInterval").asInt()).isEqualTo(1);
        assertThat(yAxis.get(1).get("name").asText()).isEqualTo("Median duration (s)");
        assertThat(yAxis.get(1).get("position").asText()).isEqualTo("right");
        assertThat(chart.get("legend").get("data").toString())
                .isEqualTo("[\"Successful\",\"Failed\",\"Median duration\"]");
        assertThat(chart.has("dataZoom")).isFalse();
        assertThat(chart.has("title")).isFalse();
    }

    @Test
    public void roundsMediansHalfUpToATenthOfASecond() throws Exception {
        JsonNode chart = json(List.of(week(0, 1, 0, 1249L), week(1, 1, 0, 1250L), week(2, 1, 0, 0L)));

        assertThat(chart.get("series").get(2).get("data").toString()).isEqualTo("[1.2,1.3,0.0]");
    }

    @Test
    public void fillsMissingWeeksWithEmptyOnes() throws Exception {
        // weeks 0 and 3 given: weeks 1 and 2 are added with no deploys and no median
        DeployTrendChart chart =
                DeployTrendChart.of(List.of(week(0, 2, 1, 5000L), week(3, 1, 0, 7000L)), EnglishChartLabels.ENGLISH);

        assertThat(chart.getWeeks()).hasSize(4);
        JsonNode json = MAPPER.readTree(chart.toJson());
        assertThat(json.get("xAxis").get(0).get("data").toString())
                .isEqualTo("[\"2026-09-07\",\"2026-09-14\",\"2026-09-21\",\"2026-09-28\"]");
        assertThat(json.get("series").get(0).get("data").toString()).isEqualTo("[2,0,0,1]");
        assertThat(json.get("series").get(1).get("data").toString()).isEqualTo("[1,0,0,0]");
        assertThat(json.get("series").get(2).get("data").toString()).isEqualTo("[5.0,null,null,7.0]");
    }

    @Test
    public void noWeeksShowsTheNoDataTitleAndEmptySeries() throws Exception {
        JsonNode chart = json(List.of());

        assertThat(chart.get("title").get("text").asText()).isEqualTo("No deploys yet");
        assertThat(chart.get("xAxis").get(0).get("data")).isEmpty();
        for (JsonNode series : chart.get("series")) {
            assertThat(series.get("data")).isEmpty();
        }
    }

    @Test
    public void oneWeek() throws Exception {
        JsonNode chart = json(List.of(week(0, 5, 2, 60_000L)));

        assertThat(chart.get("xAxis").get(0).get("data").toString()).isEqualTo("[\"2026-09-07\"]");
        assertThat(chart.get("series").get(0).get("data").toString()).isEqualTo("[5]");
        assertThat(chart.get("series").get(1).get("data").toString()).isEqualTo("[2]");
        assertThat(chart.get("series").get(2).get("data").toString()).isEqualTo("[60.0]");
    }

    @Test
    public void tenYearsOpenOnTheLatestHalfYearWithAZoomSlider() throws Exception {
        List<WeeklyBucket> weeks = new ArrayList<>();
        for (int i = 0; i < 520; i++) {
            weeks.add(week(i, i % 9, i % 2, (long) i * 1000));
        }

        JsonNode chart = json(weeks);

        assertThat(chart.get("xAxis").get(0).get("data")).hasSize(520);
        assertThat(chart.get("xAxis").get(0).get("data").get(519).asText())
                .isEqualTo(MONDAY.plusWeeks(519).toString());
        for (JsonNode series : chart.get("series")) {
            assertThat(series.get("data")).hasSize(520);
        }
        assertThat(chart.get("series").get(0).get("data").get(517).asInt()).isEqualTo(517 % 9);
        assertThat(chart.get("series").get(2).get("data").get(517).asDouble()).isEqualTo(517.0);
        // 520 - 26 = 494: the window shows categories 494..519
        JsonNode zoom = chart.get("dataZoom");
        assertThat(zoom).hasSize(2);
        assertThat(zoom.get(0).get("type").asText()).isEqualTo("slider");
        assertThat(zoom.get(0).get("startValue").asInt()).isEqualTo(494);
        assertThat(zoom.get(0).get("endValue").asInt()).isEqualTo(519);
        assertThat(zoom.get(1).get("type").asText()).isEqualTo("inside");
    }

    @Test
    public void rejectsUnorderedRepeatedOrTooLongHistories() {
        assertThatThrownBy(() -> DeployTrendChart.of(
                        List.of(week(1, 1, 0, null), week(0, 1, 0, null)), EnglishChartLabels.ENGLISH))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ascending");
        assertThatThrownBy(() -> DeployTrendChart.of(
                        List.of(week(0, 1, 0, null), week(0, 2, 0, null)), EnglishChartLabels.ENGLISH))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("without repeats");
        assertThatThrownBy(() -> DeployTrendChart.of(
                        List.of(week(0, 1, 0, null), week(DeployTrendChart.MAX_WEEKS, 1, 0, null)),
                        EnglishChartLabels.ENGLISH))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("span " + (DeployTrendChart.MAX_WEEKS + 1) + " weeks");
        assertThat(DeployTrendChart.of(
                                List.of(week(0, 1, 0, null), week(DeployTrendChart.MAX_WEEKS - 1, 1, 0, null)),
                                EnglishChartLabels.ENGLISH)
                        .getWeeks())
                .hasSize(DeployTrendChart.MAX_WEEKS);
        assertThatThrownBy(() -> DeployTrendChart.of(null, EnglishChartLabels.ENGLISH))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("weeks is missing");
    }

    @Test
    public void weeksMustStartOnMondayAndCountsMustNotBeNegative() {
        assertThatThrownBy(() -> WeeklyBucket.of(MONDAY.plusDays(1), 1, 0, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("weekStart is 2026-09-08")
                .hasMessageContaining("Monday");
        assertThatThrownBy(() -> WeeklyBucket.of(MONDAY, -1, 0, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("successful is -1");
        assertThatThrownBy(() -> WeeklyBucket.of(MONDAY, 0, -2, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("failed is -2");
        assertThatThrownBy(() -> WeeklyBucket.of(MONDAY, 0, 0, Optional.of(Duration.ofSeconds(-1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("medianDuration is PT-1S");
    }

    @Test
    public void bothChartsNameTheThemesColoursSoTheyFollowTheLightAndTheDarkTheme() throws Exception {
        List<WeeklyBucket> weeks = List.of(week(0, 3, 1, 412_000L));
        JsonNode full = json(weeks);
        JsonNode compact = MAPPER.readTree(
                DeployTrendChart.compact(weeks, EnglishChartLabels.ENGLISH).toJson());

        assertThat(full.get("series"))
                .extracting(series -> series.get("itemStyle").get("color").asText())
                .containsExactly("--success-color", "--error-color", "--blue");
        assertThat(compact.get("series"))
                .extracting(series -> series.get("itemStyle").get("color").asText())
                .containsExactly("--success-color", "--error-color");
        // no colour of its own anywhere, which the dark theme could not change
        assertThat(full.toString() + compact).doesNotContainPattern("#[0-9a-fA-F]{3,6}\\b|rgb\\(");
    }
}
