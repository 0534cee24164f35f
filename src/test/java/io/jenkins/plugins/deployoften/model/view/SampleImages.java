package io.jenkins.plugins.deployoften.model.view;

import io.jenkins.plugins.deployoften.model.WeeklyBucket;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Writes sample badges (SVG) and trend charts (ECharts option JSON) for a realistic team, which
 * {@code central/render/render-samples.sh} turns into the PNGs under {@code images/}. Test scope only.
 */
public final class SampleImages {
    /** Twelve weeks of a team that deploys most working days, from Monday 2026-09-07. */
    static final LocalDate FIRST_MONDAY = LocalDate.of(2026, 9, 7);

    private static final int[] SUCCESSFUL = {3, 4, 2, 5, 4, 6, 0, 5, 7, 6, 4, 8};
    private static final int[] FAILED = {1, 0, 1, 2, 0, 1, 0, 0, 1, 0, 2, 0};
    private static final int[] MEDIAN_SECONDS = {412, 398, 455, 520, 371, 366, -1, 349, 330, 342, 388, 317};

    private SampleImages() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: SampleImages OUTPUT_DIRECTORY");
        }
        Path out = Paths.get(args[0]);
        Files.createDirectories(out);
        write(
                out.resolve("badge-frequency.svg"),
                Badges.frequency(
                                4.2,
                                io.jenkins.plugins.deployoften.model.FrequencyClass.WEEKLY,
                                EnglishBadgeTexts.ENGLISH)
                        .svg());
        write(
                out.resolve("badge-last-deploy.svg"),
                Badges.lastDeploy("staging", Optional.of(Duration.ofMinutes(135)), EnglishBadgeTexts.ENGLISH)
                        .svg());
        write(
                out.resolve("badge-failure-rate.svg"),
                Badges.failureRate(OptionalDouble.of(8.0 / 99.0), EnglishBadgeTexts.ENGLISH)
                        .svg());
        write(
                out.resolve("badge-gate-pass.svg"),
                Badges.gate(GateBadgeState.PASS, EnglishBadgeTexts.ENGLISH).svg());
        write(
                out.resolve("badge-gate-block.svg"),
                Badges.gate(GateBadgeState.BLOCK, EnglishBadgeTexts.ENGLISH).svg());
        write(
                out.resolve("badge-long-label.svg"),
                Badges.lastDeploy(
                                "production-eu-west-1-blue-green-canary-rollout-2026",
                                Optional.empty(),
                                EnglishBadgeTexts.ENGLISH)
                        .svg());
        write(
                out.resolve("badge-unicode.svg"),
                Badge.of("Zürich · Ωmega", "Привет Tōkyō AVA", BadgeColor.GREEN).svg());
        write(
                out.resolve("badge-hostile.svg"),
                Badge.of("<script>alert(1)</script>\" onload=\"x", "&amp;#x3C; ]]> \u202Eevil\u0000", BadgeColor.ORANGE)
                        .svg());
        write(
                out.resolve("deploy-trend.json"),
                DeployTrendChart.of(twelveWeeks(), EnglishChartLabels.ENGLISH).toJson());
        write(
                out.resolve("deploy-trend-empty.json"),
                DeployTrendChart.of(List.of(), EnglishChartLabels.ENGLISH).toJson());
        write(
                out.resolve("deploy-trend-1-week.json"),
                DeployTrendChart.of(twelveWeeks().subList(11, 12), EnglishChartLabels.ENGLISH)
                        .toJson());
        write(
                out.resolve("deploy-trend-520.json"),
                DeployTrendChart.of(weeks(520), EnglishChartLabels.ENGLISH).toJson());
    }

    static List<WeeklyBucket> twelveWeeks() {
        List<WeeklyBucket> weeks = new ArrayList<>();
        for (int i = 0; i < SUCCESSFUL.length; i++) {
            Optional<Duration> median =
                    MEDIAN_SECONDS[i] < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(MEDIAN_SECONDS[i]));
            weeks.add(WeeklyBucket.of(FIRST_MONDAY.plusWeeks(i), SUCCESSFUL[i], FAILED[i], median));
        }
        return weeks;
    }

    /** A long, made-up but varied history: counts and medians follow a fixed pattern, no randomness. */
    static List<WeeklyBucket> weeks(int count) {
        List<WeeklyBucket> weeks = new ArrayList<>();
        LocalDate start = FIRST_MONDAY.minusWeeks(count - SUCCESSFUL.length);
        for (int i = 0; i < count; i++) {
            int successful = (i * 7) % 11;
            int failed = i % 5 == 0 ? 2 : i % 3 == 0 ? 1 : 0;
            Optional<Duration> median =
                    successful + failed == 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(300 + (i * 37) % 240));
            weeks.add(WeeklyBucket.of(start.plusWeeks(i), successful, failed, median));
        }
        return weeks;
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
