package io.jenkins.plugins.deployoften.model.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.deployoften.model.WeeklyBucket;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The weekly deploy trend as an Apache ECharts option (JSON): per week, stacked bars of successful and failed
 * deploys on the left axis, and a line of the median deploy duration in seconds on the right axis.
 *
 * <p>Why a hand-built option: the Jenkins {@code echarts-api} plugin's Java model ({@code LinesChartModel} of
 * {@code edu.hm.hafner:echarts-build-trends}) only has line series on one value axis, so it cannot express bars
 * with a second axis. The option is built as a Jackson tree (never by string concatenation) and written with
 * {@link HtmlSafeJsonEscapes}, so it is safe to embed in a page; the page hands it to {@code echarts.setOption}
 * with the ECharts library that {@code echarts-api} serves.
 *
 * <p>Axis: one category per week, labelled with the ISO date of its Monday. Weeks missing between the first and
 * the last given week are added with no deploys (and no median, a gap in the line), so the axis is linear in
 * time. With more than {@value #VISIBLE_WEEKS} weeks the chart opens on the latest {@value #VISIBLE_WEEKS} with a
 * zoom slider; with no week at all it shows the "no data" text. Medians are rounded half up to 0.1 s.
 *
 * <p>The {@link #compact compact} chart, for a side panel: the stacked bars only (no duration line, no second
 * axis, no legend, no zoom).
 *
 * <p>Colours: both charts name the Jenkins theme's colours by their CSS variables ({@code --success-color},
 * {@code --error-color}, {@code --blue}), which the page resolves in the current theme, light or dark, with
 * echarts-api's {@code echartsJenkinsApi.resolveJenkinsColors}; the page also gives every text the theme's text
 * colour.
 */
public final class DeployTrendChart {
    /** The most weeks a chart spans, first to last: 20 years. */
    public static final int MAX_WEEKS = 1044;
    /** The weeks shown before zooming out. */
    public static final int VISIBLE_WEEKS = 26;

    static final String SUCCESS_COLOR = "--success-color";
    static final String FAILURE_COLOR = "--error-color";
    static final String DURATION_COLOR = "--blue";
    static final String STACK = "deploys";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectWriter WRITER = MAPPER.writer().with(new HtmlSafeJsonEscapes());
    private static final int MILLIS_PER_SECOND = 1000;

    private final List<WeeklyBucket> weeks;
    private final ChartLabels labels;
    private final boolean compact;

    private DeployTrendChart(List<WeeklyBucket> weeks, ChartLabels labels, boolean compact) {
        this.weeks = weeks;
        this.labels = labels;
        this.compact = compact;
    }

    /**
     * Creates the chart.
     *
     * @param weeks the weeks in ascending order, each week at most once; gaps are allowed
     * @param labels the words to show
     * @return the chart
     * @throws IllegalArgumentException if the weeks are missing, out of order, repeated, or span more than
     *     {@value #MAX_WEEKS} weeks, or the labels are missing
     */
    public static DeployTrendChart of(List<WeeklyBucket> weeks, ChartLabels labels) {
        return create(weeks, labels, false);
    }

    /**
     * Creates the compact chart for a side panel, see the class comment.
     *
     * @param weeks the weeks in ascending order, each week at most once; gaps are allowed
     * @param labels the words to show
     * @return the chart
     * @throws IllegalArgumentException as {@link #of(List, ChartLabels)}
     */
    public static DeployTrendChart compact(List<WeeklyBucket> weeks, ChartLabels labels) {
        return create(weeks, labels, true);
    }

    private static DeployTrendChart create(List<WeeklyBucket> weeks, ChartLabels labels, boolean compact) {
        if (weeks == null || weeks.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("weeks is missing or has a missing week: use a list of weeks");
        }
        if (labels == null) {
            throw new IllegalArgumentException("labels is missing: pass the words to show");
        }
        return new DeployTrendChart(withGapsFilled(weeks), labels, compact);
    }

    private static List<WeeklyBucket> withGapsFilled(List<WeeklyBucket> weeks) {
        if (weeks.isEmpty()) {
            return List.of();
        }
        LocalDate first = weeks.get(0).getWeekStart();
        LocalDate last = weeks.get(weeks.size() - 1).getWeekStart();
        long span = ChronoUnit.WEEKS.between(first, last) + 1;
        if (span > MAX_WEEKS) {
            throw new IllegalArgumentException("weeks span " + span + " weeks from " + first + " to " + last
                    + ": use at most " + MAX_WEEKS + " weeks");
        }
        List<WeeklyBucket> filled = new ArrayList<>((int) Math.max(span, 1));
        LocalDate expected = first;
        for (WeeklyBucket week : weeks) {
            if (!week.getWeekStart().isAfter(expected.minusWeeks(1))) {
                throw new IllegalArgumentException("weeks are not in ascending order without repeats: "
                        + week.getWeekStart() + " comes after " + expected.minusWeeks(1));
            }
            while (expected.isBefore(week.getWeekStart())) {
                filled.add(WeeklyBucket.of(expected, 0, 0, Optional.empty()));
                expected = expected.plusWeeks(1);
            }
            filled.add(week);
            expected = expected.plusWeeks(1);
        }
        return Collections.unmodifiableList(filled);
    }

    /** @return the weeks the chart shows, gaps filled with empty weeks */
    public List<WeeklyBucket> getWeeks() {
        return weeks;
    }

    /** @return the ECharts option as a JSON object tree */
    public ObjectNode toJsonTree() {
        ObjectNode option = MAPPER.createObjectNode();
        if (weeks.isEmpty()) {
            ObjectNode title = option.putObject("title");
            title.put("text", labels.noData());
            title.put("left", "center");
            title.put("top", "middle");
        }
        ObjectNode tooltip = option.putObject("tooltip");
        tooltip.put("trigger", "axis");
        tooltip.putObject("axisPointer").put("type", "shadow");
        if (compact) {
            return compactOption(option);
        }
        ObjectNode legend = option.putObject("legend");
        legend.put("top", 0);
        legend.putArray("data").add(labels.successful()).add(labels.failed()).add(labels.medianDuration());
        ObjectNode grid = option.putObject("grid");
        grid.put("left", 16);
        grid.put("right", 16);
        grid.put("top", 48);
        grid.put("bottom", isZoomed() ? 56 : 16);
        grid.put("containLabel", true);

        ObjectNode xAxis = option.putArray("xAxis").addObject();
        xAxis.put("type", "category");
        xAxis.putObject("axisTick").put("alignWithLabel", true);
        ArrayNode dates = xAxis.putArray("data");
        weeks.forEach(week -> dates.add(week.getWeekStart().toString()));

        ArrayNode yAxes = option.putArray("yAxis");
        ObjectNode countAxis = yAxes.addObject();
        countAxis.put("type", "value");
        countAxis.put("name", labels.countAxis());
        countAxis.put("position", "left");
        // names start at their axis and run inwards, so they are not cut off at the chart's edges
        countAxis.putObject("nameTextStyle").put("align", "left");
        countAxis.put("min", 0);
        countAxis.put("minInterval", 1);
        ObjectNode durationAxis = yAxes.addObject();
        durationAxis.put("type", "value");
        durationAxis.put("name", labels.durationAxis());
        durationAxis.put("position", "right");
        durationAxis.putObject("nameTextStyle").put("align", "right");
        durationAxis.put("min", 0);
        durationAxis.putObject("splitLine").put("show", false);

        if (isZoomed()) {
            ArrayNode zoom = option.putArray("dataZoom");
            for (String type : List.of("slider", "inside")) {
                ObjectNode window = zoom.addObject();
                window.put("type", type);
                window.put("xAxisIndex", 0);
                window.put("startValue", weeks.size() - VISIBLE_WEEKS);
                window.put("endValue", weeks.size() - 1);
            }
        }

        ArrayNode series = option.putArray("series");
        ObjectNode successful = bars(series, labels.successful(), SUCCESS_COLOR);
        ObjectNode failed = bars(series, labels.failed(), FAILURE_COLOR);
        ObjectNode median = series.addObject();
        median.put("name", labels.medianDuration());
        median.put("type", "line");
        median.put("yAxisIndex", 1);
        median.put("connectNulls", false);
        median.put("symbol", "circle");
        median.put("symbolSize", 6);
        median.putObject("itemStyle").put("color", DURATION_COLOR);
        ArrayNode successfulData = successful.putArray("data");
        ArrayNode failedData = failed.putArray("data");
        ArrayNode medianData = median.putArray("data");
        for (WeeklyBucket week : weeks) {
            successfulData.add(week.getSuccessful());
            failedData.add(week.getFailed());
            week.getMedianDuration()
                    .ifPresentOrElse(
                            duration -> medianData.add(BigDecimal.valueOf(duration.toMillis())
                                    .divide(BigDecimal.valueOf(MILLIS_PER_SECOND), 1, RoundingMode.HALF_UP)),
                            medianData::addNull);
        }
        return option;
    }

    private ObjectNode compactOption(ObjectNode option) {
        ObjectNode grid = option.putObject("grid");
        grid.put("left", 4);
        grid.put("right", 4);
        grid.put("top", 8);
        grid.put("bottom", 4);
        grid.put("containLabel", true);
        ObjectNode xAxis = option.putArray("xAxis").addObject();
        xAxis.put("type", "category");
        xAxis.putObject("axisTick").put("show", false);
        xAxis.putObject("axisLabel").put("show", false);
        ArrayNode dates = xAxis.putArray("data");
        weeks.forEach(week -> dates.add(week.getWeekStart().toString()));
        ObjectNode countAxis = option.putArray("yAxis").addObject();
        countAxis.put("type", "value");
        countAxis.put("min", 0);
        countAxis.put("minInterval", 1);
        countAxis.put("splitNumber", 2);
        ArrayNode series = option.putArray("series");
        ArrayNode successfulData =
                bars(series, labels.successful(), SUCCESS_COLOR).putArray("data");
        ArrayNode failedData = bars(series, labels.failed(), FAILURE_COLOR).putArray("data");
        for (WeeklyBucket week : weeks) {
            successfulData.add(week.getSuccessful());
            failedData.add(week.getFailed());
        }
        return option;
    }

    private static ObjectNode bars(ArrayNode series, String name, String color) {
        ObjectNode bars = series.addObject();
        bars.put("name", name);
        bars.put("type", "bar");
        bars.put("stack", STACK);
        bars.put("yAxisIndex", 0);
        bars.put("barMaxWidth", 32);
        bars.putObject("itemStyle").put("color", color);
        return bars;
    }

    private boolean isZoomed() {
        return weeks.size() > VISIBLE_WEEKS;
    }

    /** @return the ECharts option as JSON text, safe to embed in HTML */
    public String toJson() {
        try {
            return WRITER.writeValueAsString(toJsonTree());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree of strings and numbers always serializes", e);
        }
    }
}
