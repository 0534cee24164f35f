package io.jenkins.plugins.deployoften.model.view;

import io.jenkins.plugins.deployoften.model.FrequencyClass;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The four DeployOften badges, made from plain figures, with their health colours; the words come from the
 * {@link BadgeTexts} given (below as in English).
 *
 * <table>
 *   <caption>Badge texts and colours</caption>
 *   <tr><th>badge</th><th>value</th><th>colour</th></tr>
 *   <tr><td>{@code deploys}</td><td>successful deploys per week, e.g. {@code 4/week}</td>
 *       <td>by the {@link FrequencyClass}, the vocabulary every page uses: daily bright green, weekly green,
 *       monthly yellow, yearly orange, no data red</td></tr>
 *   <tr><td>environment name</td><td>age of the last successful deploy: {@code just now}, {@code 12m ago},
 *       {@code 2h ago}, {@code 3d ago}, or {@code never}</td>
 *       <td>&lt; 1 day bright green, &lt; 7 days green, &lt; 14 days yellow, &lt; 30 days orange, older red,
 *       never light grey</td></tr>
 *   <tr><td>{@code deploy failures}</td><td>failed / completed deploys, e.g. {@code 8%}, or {@code no data}</td>
 *       <td>≤ 5% bright green, ≤ 15% green, ≤ 30% yellow, ≤ 45% orange, more red, no data light grey</td></tr>
 *   <tr><td>{@code release gate}</td><td>{@code passing}, {@code warning}, {@code blocked}, {@code unknown}</td>
 *       <td>see {@link GateBadgeState}</td></tr>
 * </table>
 *
 * Colours are decided on the exact figure, texts are rounded: see each method.
 */
public final class Badges {
    private static final int TWO_DIGITS = 10;
    private static final int PERCENT = 100;

    private Badges() {}

    /**
     * The deploy frequency badge: {@code deploys | 4/week}. The value is rounded half up to one decimal below 10
     * ({@code 2.5/week}, {@code 4/week}) and to a whole number from 10 on ({@code 12/week}); a rate above 0 that
     * rounds to 0 shows as {@code <0.1/week}.
     *
     * @param successfulPerWeek successful deploys per week, finite and ≥ 0
     * @param frequencyClass the environment's frequency class, which decides the colour
     * @param texts the words
     * @return the badge
     * @throws IllegalArgumentException if the rate is negative, NaN or infinite, or the class is missing
     */
    public static Badge frequency(double successfulPerWeek, FrequencyClass frequencyClass, BadgeTexts texts) {
        if (!Double.isFinite(successfulPerWeek) || successfulPerWeek < 0) {
            throw new IllegalArgumentException(
                    "successfulPerWeek is " + successfulPerWeek + ": use a finite number of deploys per week >= 0");
        }
        if (frequencyClass == null) {
            throw new IllegalArgumentException(
                    "frequencyClass is missing: use DAILY, WEEKLY, MONTHLY, YEARLY or NO_DATA");
        }
        return Badge.of(texts.frequencyLabel(), perWeekText(successfulPerWeek, texts), frequencyColor(frequencyClass));
    }

    static String perWeekText(double perWeek, BadgeTexts texts) {
        int scale = perWeek < TWO_DIGITS ? 1 : 0;
        BigDecimal rounded = BigDecimal.valueOf(perWeek).setScale(scale, RoundingMode.HALF_UP);
        if (rounded.signum() == 0 && perWeek > 0) {
            return texts.belowATenthPerWeek();
        }
        return texts.perWeek(rounded.stripTrailingZeros().toPlainString());
    }

    static BadgeColor frequencyColor(FrequencyClass frequencyClass) {
        switch (frequencyClass) {
            case DAILY:
                return BadgeColor.BRIGHTGREEN;
            case WEEKLY:
                return BadgeColor.GREEN;
            case MONTHLY:
                return BadgeColor.YELLOW;
            case YEARLY:
                return BadgeColor.ORANGE;
            default:
                return BadgeColor.RED;
        }
    }

    /**
     * The last deploy badge: {@code staging | 2h ago}. The age is shown truncated to its largest whole unit:
     * under a minute {@code just now}, under an hour minutes ({@code 59m ago}), under a day hours
     * ({@code 23h ago}), else days ({@code 3d ago}). A negative age (a deploy stamped slightly in the future by a
     * skewed agent clock) shows as {@code just now}.
     *
     * @param environment the environment name, the label; user-controlled text is fine
     * @param age time since the last successful deploy, or empty when there was none
     * @param texts the words
     * @return the badge
     * @throws IllegalArgumentException if the environment or age is missing
     */
    public static Badge lastDeploy(String environment, Optional<Duration> age, BadgeTexts texts) {
        if (age == null) {
            throw new IllegalArgumentException("age is missing: use Optional.empty() for never deployed");
        }
        if (age.isEmpty()) {
            return Badge.of(environment, texts.never(), BadgeColor.LIGHTGREY);
        }
        Duration clamped = age.get().isNegative() ? Duration.ZERO : age.get();
        return Badge.of(environment, ageText(clamped, texts), ageColor(clamped));
    }

    static String ageText(Duration age, BadgeTexts texts) {
        if (age.toMinutes() < 1) {
            return texts.justNow();
        }
        if (age.toHours() < 1) {
            return texts.minutesAgo(age.toMinutes());
        }
        if (age.toDays() < 1) {
            return texts.hoursAgo(age.toHours());
        }
        return texts.daysAgo(age.toDays());
    }

    static BadgeColor ageColor(Duration age) {
        if (age.compareTo(Duration.ofDays(1)) < 0) {
            return BadgeColor.BRIGHTGREEN;
        }
        if (age.compareTo(Duration.ofDays(7)) < 0) {
            return BadgeColor.GREEN;
        }
        if (age.compareTo(Duration.ofDays(14)) < 0) {
            return BadgeColor.YELLOW;
        }
        return age.compareTo(Duration.ofDays(30)) < 0 ? BadgeColor.ORANGE : BadgeColor.RED;
    }

    /**
     * The failure rate badge: {@code deploy failures | 8%}. The percentage is rounded half up to a whole number,
     * except that a rate above 0 never shows as {@code 0%} ({@code <1%}) and one below 1 never as {@code 100%}
     * ({@code >99%}).
     *
     * @param rate failed deploys / completed deploys, in [0, 1], or empty when no deploy completed
     * @param texts the words
     * @return the badge
     * @throws IllegalArgumentException if the rate is missing or outside [0, 1]
     */
    public static Badge failureRate(OptionalDouble rate, BadgeTexts texts) {
        if (rate == null) {
            throw new IllegalArgumentException("rate is missing: use OptionalDouble.empty() for no data");
        }
        if (rate.isEmpty()) {
            return Badge.of(texts.failureRateLabel(), texts.noData(), BadgeColor.LIGHTGREY);
        }
        double r = rate.getAsDouble();
        if (!(r >= 0 && r <= 1)) {
            throw new IllegalArgumentException("rate is " + r + ": use a fraction from 0 to 1");
        }
        return Badge.of(texts.failureRateLabel(), percentText(r, texts), failureRateColor(r));
    }

    static String percentText(double rate, BadgeTexts texts) {
        int percent = BigDecimal.valueOf(rate)
                .multiply(BigDecimal.valueOf(PERCENT))
                .setScale(0, RoundingMode.HALF_UP)
                .intValueExact();
        if (percent == 0 && rate > 0) {
            return texts.belowOnePercent();
        }
        if (percent == PERCENT && rate < 1) {
            return texts.aboveNinetyNinePercent();
        }
        return texts.percent(percent);
    }

    static BadgeColor failureRateColor(double rate) {
        if (rate <= 0.05) {
            return BadgeColor.BRIGHTGREEN;
        }
        if (rate <= 0.15) {
            return BadgeColor.GREEN;
        }
        if (rate <= 0.30) {
            return BadgeColor.YELLOW;
        }
        return rate <= 0.45 ? BadgeColor.ORANGE : BadgeColor.RED;
    }

    /**
     * The release gate badge: {@code release gate | passing}.
     *
     * @param state the gate's state
     * @param texts the words
     * @return the badge
     * @throws IllegalArgumentException if the state is missing
     */
    public static Badge gate(GateBadgeState state, BadgeTexts texts) {
        if (state == null) {
            throw new IllegalArgumentException("gate state is missing: use PASS, WARN, BLOCK or UNKNOWN");
        }
        return Badge.of(texts.gateLabel(), texts.gateState(state), state.color());
    }
}
