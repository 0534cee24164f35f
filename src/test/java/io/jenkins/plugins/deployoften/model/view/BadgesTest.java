package io.jenkins.plugins.deployoften.model.view;

import static io.jenkins.plugins.deployoften.model.FrequencyClass.DAILY;
import static io.jenkins.plugins.deployoften.model.FrequencyClass.MONTHLY;
import static io.jenkins.plugins.deployoften.model.FrequencyClass.NO_DATA;
import static io.jenkins.plugins.deployoften.model.FrequencyClass.WEEKLY;
import static io.jenkins.plugins.deployoften.model.FrequencyClass.YEARLY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.Test;

public class BadgesTest {
    @Test
    public void frequencyTexts() {
        assertThat(Badges.frequency(4.0, WEEKLY, EnglishBadgeTexts.ENGLISH).value())
                .isEqualTo("4/week");
        assertThat(Badges.frequency(4.2, WEEKLY, EnglishBadgeTexts.ENGLISH).value())
                .isEqualTo("4.2/week");
        assertThat(Badges.frequency(2.45, WEEKLY, EnglishBadgeTexts.ENGLISH).value())
                .isEqualTo("2.5/week"); // half up
        assertThat(Badges.frequency(9.96, DAILY, EnglishBadgeTexts.ENGLISH).value())
                .isEqualTo("10/week");
        assertThat(Badges.frequency(12.5, DAILY, EnglishBadgeTexts.ENGLISH).value())
                .isEqualTo("13/week"); // whole numbers from 10 on
        assertThat(Badges.frequency(0.05, YEARLY, EnglishBadgeTexts.ENGLISH).value())
                .isEqualTo("0.1/week");
        assertThat(Badges.frequency(0.04, YEARLY, EnglishBadgeTexts.ENGLISH).value())
                .isEqualTo("<0.1/week");
        assertThat(Badges.frequency(0, NO_DATA, EnglishBadgeTexts.ENGLISH).value())
                .isEqualTo("0/week");
        assertThat(Badges.frequency(4, WEEKLY, EnglishBadgeTexts.ENGLISH).label())
                .isEqualTo("deploys");
    }

    @Test
    public void frequencyColourSpeaksTheFrequencyClassNotItsOwnThresholds() {
        assertThat(Badges.frequency(7, DAILY, EnglishBadgeTexts.ENGLISH).color())
                .isEqualTo(BadgeColor.BRIGHTGREEN);
        assertThat(Badges.frequency(3, WEEKLY, EnglishBadgeTexts.ENGLISH).color())
                .isEqualTo(BadgeColor.GREEN);
        assertThat(Badges.frequency(0.3, MONTHLY, EnglishBadgeTexts.ENGLISH).color())
                .isEqualTo(BadgeColor.YELLOW);
        assertThat(Badges.frequency(0.3, YEARLY, EnglishBadgeTexts.ENGLISH).color())
                .isEqualTo(BadgeColor.ORANGE);
        assertThat(Badges.frequency(0, NO_DATA, EnglishBadgeTexts.ENGLISH).color())
                .isEqualTo(BadgeColor.RED);
        // the same rate takes the colour of its class: a new job with 3 deploys today is weekly, not monthly
        assertThat(Badges.frequency(21, WEEKLY, EnglishBadgeTexts.ENGLISH).color())
                .isEqualTo(BadgeColor.GREEN);
    }

    @Test
    public void frequencyRejectsImpossibleRatesAndAMissingClass() {
        for (double bad : new double[] {-0.1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> Badges.frequency(bad, WEEKLY, EnglishBadgeTexts.ENGLISH))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("successfulPerWeek is " + bad);
        }
        assertThatThrownBy(() -> Badges.frequency(1, null, EnglishBadgeTexts.ENGLISH))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("frequencyClass");
    }

    @Test
    public void lastDeployTextsTruncateToTheLargestWholeUnit() {
        assertThat(age(Duration.ofSeconds(59))).isEqualTo("just now");
        assertThat(age(Duration.ofSeconds(60))).isEqualTo("1m ago");
        assertThat(age(Duration.ofMinutes(59).plusSeconds(59))).isEqualTo("59m ago");
        assertThat(age(Duration.ofHours(1))).isEqualTo("1h ago");
        assertThat(age(Duration.ofMinutes(135))).isEqualTo("2h ago");
        assertThat(age(Duration.ofHours(23).plusMinutes(59))).isEqualTo("23h ago");
        assertThat(age(Duration.ofHours(24))).isEqualTo("1d ago");
        assertThat(age(Duration.ofDays(3).plusHours(23))).isEqualTo("3d ago");
        assertThat(age(Duration.ofSeconds(-30))).isEqualTo("just now");
    }

    private static String age(Duration age) {
        return Badges.lastDeploy("staging", Optional.of(age), EnglishBadgeTexts.ENGLISH)
                .value();
    }

    @Test
    public void lastDeployColoursAtTheirBoundaries() {
        assertThat(ageColor(Duration.ofHours(23))).isEqualTo(BadgeColor.BRIGHTGREEN);
        assertThat(ageColor(Duration.ofDays(1))).isEqualTo(BadgeColor.GREEN);
        assertThat(ageColor(Duration.ofDays(7).minusSeconds(1))).isEqualTo(BadgeColor.GREEN);
        assertThat(ageColor(Duration.ofDays(7))).isEqualTo(BadgeColor.YELLOW);
        assertThat(ageColor(Duration.ofDays(14))).isEqualTo(BadgeColor.ORANGE);
        assertThat(ageColor(Duration.ofDays(30))).isEqualTo(BadgeColor.RED);
        assertThat(ageColor(Duration.ofSeconds(-5))).isEqualTo(BadgeColor.BRIGHTGREEN);
    }

    private static BadgeColor ageColor(Duration age) {
        return Badges.lastDeploy("staging", Optional.of(age), EnglishBadgeTexts.ENGLISH)
                .color();
    }

    @Test
    public void lastDeployOfANeverDeployedEnvironment() {
        Badge badge = Badges.lastDeploy("production", Optional.empty(), EnglishBadgeTexts.ENGLISH);

        assertThat(badge.label()).isEqualTo("production");
        assertThat(badge.value()).isEqualTo("never");
        assertThat(badge.color()).isEqualTo(BadgeColor.LIGHTGREY);
        assertThatThrownBy(() -> Badges.lastDeploy("production", null, EnglishBadgeTexts.ENGLISH))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("age is missing");
    }

    @Test
    public void failureRateTexts() {
        assertThat(rate(0.08)).isEqualTo("8%");
        assertThat(rate(8.0 / 99.0)).isEqualTo("8%"); // 8.08%
        assertThat(rate(0.125)).isEqualTo("13%"); // half up
        assertThat(rate(0)).isEqualTo("0%");
        assertThat(rate(0.004)).isEqualTo("<1%");
        assertThat(rate(0.005)).isEqualTo("1%");
        assertThat(rate(0.996)).isEqualTo(">99%");
        assertThat(rate(1)).isEqualTo("100%");
        assertThat(Badges.failureRate(OptionalDouble.empty(), EnglishBadgeTexts.ENGLISH)
                        .value())
                .isEqualTo("no data");
        assertThat(Badges.failureRate(OptionalDouble.of(0.08), EnglishBadgeTexts.ENGLISH)
                        .label())
                .isEqualTo("deploy failures");
    }

    private static String rate(double rate) {
        return Badges.failureRate(OptionalDouble.of(rate), EnglishBadgeTexts.ENGLISH)
                .value();
    }

    @Test
    public void failureRateColoursAtTheirBoundaries() {
        assertThat(rateColor(0.05)).isEqualTo(BadgeColor.BRIGHTGREEN);
        assertThat(rateColor(0.0501)).isEqualTo(BadgeColor.GREEN);
        assertThat(rateColor(0.15)).isEqualTo(BadgeColor.GREEN);
        assertThat(rateColor(0.1501)).isEqualTo(BadgeColor.YELLOW);
        assertThat(rateColor(0.30)).isEqualTo(BadgeColor.YELLOW);
        assertThat(rateColor(0.45)).isEqualTo(BadgeColor.ORANGE);
        assertThat(rateColor(0.4501)).isEqualTo(BadgeColor.RED);
        assertThat(Badges.failureRate(OptionalDouble.empty(), EnglishBadgeTexts.ENGLISH)
                        .color())
                .isEqualTo(BadgeColor.LIGHTGREY);
    }

    private static BadgeColor rateColor(double rate) {
        return Badges.failureRate(OptionalDouble.of(rate), EnglishBadgeTexts.ENGLISH)
                .color();
    }

    @Test
    public void failureRateRejectsRatesOutsideZeroToOne() {
        for (double bad : new double[] {-0.01, 1.01, Double.NaN}) {
            assertThatThrownBy(() -> Badges.failureRate(OptionalDouble.of(bad), EnglishBadgeTexts.ENGLISH))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("rate is " + bad)
                    .hasMessageContaining("from 0 to 1");
        }
    }

    @Test
    public void gateBadges() {
        assertThat(Badges.gate(GateBadgeState.PASS, EnglishBadgeTexts.ENGLISH))
                .extracting(Badge::label, Badge::value, Badge::color)
                .containsExactly("release gate", "passing", BadgeColor.BRIGHTGREEN);
        assertThat(Badges.gate(GateBadgeState.WARN, EnglishBadgeTexts.ENGLISH))
                .extracting(Badge::value, Badge::color)
                .containsExactly("warning", BadgeColor.YELLOW);
        assertThat(Badges.gate(GateBadgeState.BLOCK, EnglishBadgeTexts.ENGLISH))
                .extracting(Badge::value, Badge::color)
                .containsExactly("blocked", BadgeColor.RED);
        assertThat(Badges.gate(GateBadgeState.UNKNOWN, EnglishBadgeTexts.ENGLISH))
                .extracting(Badge::value, Badge::color)
                .containsExactly("unknown", BadgeColor.LIGHTGREY);
        assertThatThrownBy(() -> Badges.gate(null, EnglishBadgeTexts.ENGLISH))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PASS, WARN, BLOCK or UNKNOWN");
    }

    @Test
    public void paletteIsTheShieldsHexValues() {
        assertThat(BadgeColor.values())
                .extracting(BadgeColor::hex)
                .containsExactly("#4c1", "#97ca00", "#dfb317", "#fe7d37", "#e05d44", "#9f9f9f");
    }
}
