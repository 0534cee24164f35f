package io.jenkins.plugins.deployoften.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deployoften.model.FrequencyClass;
import io.jenkins.plugins.deployoften.model.view.BadgeTexts;
import io.jenkins.plugins.deployoften.model.view.Badges;
import io.jenkins.plugins.deployoften.model.view.EnglishBadgeTexts;
import io.jenkins.plugins.deployoften.model.view.GateBadgeState;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.Test;

/** The badges' words come from Messages and read as the badges always have. */
public class BadgeWordsTest {
    private static final BadgeTexts WORDS = BadgeWords.in(Locale.ROOT);
    private static final BadgeTexts BEFORE = EnglishBadgeTexts.ENGLISH;

    @Test
    public void everyBadgeReadsAsBefore() {
        for (double perWeek : new double[] {0, 0.04, 2.5, 4, 12.4}) {
            assertThat(Badges.frequency(perWeek, FrequencyClass.WEEKLY, WORDS).svg())
                    .isEqualTo(Badges.frequency(perWeek, FrequencyClass.WEEKLY, BEFORE)
                            .svg());
        }
        for (Duration age : new Duration[] {
            Duration.ofSeconds(5),
            Duration.ofMinutes(12),
            Duration.ofHours(2),
            Duration.ofDays(3),
            Duration.ofDays(1234)
        }) {
            assertThat(Badges.lastDeploy("staging", Optional.of(age), WORDS).svg())
                    .isEqualTo(Badges.lastDeploy("staging", Optional.of(age), BEFORE)
                            .svg());
        }
        assertThat(Badges.lastDeploy("staging", Optional.empty(), WORDS).value())
                .isEqualTo("never");
        for (double rate : new double[] {0, 0.001, 0.08, 0.999, 1}) {
            assertThat(Badges.failureRate(OptionalDouble.of(rate), WORDS).svg())
                    .isEqualTo(
                            Badges.failureRate(OptionalDouble.of(rate), BEFORE).svg());
        }
        assertThat(Badges.failureRate(OptionalDouble.empty(), WORDS).value()).isEqualTo("no data");
        for (GateBadgeState state : GateBadgeState.values()) {
            assertThat(Badges.gate(state, WORDS).svg())
                    .isEqualTo(Badges.gate(state, BEFORE).svg());
        }
        assertThat(WORDS.notFound()).isEqualTo(BEFORE.notFound());
    }

    @Test
    public void aBadgeReadsInTheRequestersLanguage() {
        assertThat(BadgeWords.in(Locale.GERMAN).perWeek("2.5")).isEqualTo("2.5/week");
        assertThat(BadgeWords.in(Locale.ROOT).daysAgo(1234)).isEqualTo("1234d ago");
    }
}
