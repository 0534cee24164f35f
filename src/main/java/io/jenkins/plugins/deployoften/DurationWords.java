package io.jenkins.plugins.deployoften;

import io.jenkins.plugins.deployoften.model.deploy.Durations;
import java.time.Duration;
import java.util.Locale;
import org.jvnet.localizer.LocaleProvider;
import org.jvnet.localizer.Localizable;

/** Words a duration from {@link Durations#shown its units and numbers}: {@code 850 ms}, {@code 3 min 5 s}. */
public final class DurationWords {
    private DurationWords() {}

    /**
     * @param duration a non-negative duration
     * @return it in the current request's language
     */
    public static String of(Duration duration) {
        return of(duration, LocaleProvider.getLocale());
    }

    /**
     * @param duration a non-negative duration
     * @param locale the language, {@link Locale#ROOT} for a log or a record
     * @return it in that language
     */
    public static String of(Duration duration, Locale locale) {
        Durations.Shown shown = Durations.shown(duration);
        long amount = shown.amount();
        long rest = shown.rest();
        Localizable words =
                switch (shown.unit()) {
                    case MILLISECONDS -> Messages._Duration_milliseconds(amount);
                    case SECONDS -> Messages._Duration_seconds(amount);
                    case MINUTES ->
                        rest == 0
                                ? Messages._Duration_minutes(amount)
                                : Messages._Duration_minutesSeconds(amount, rest);
                    case HOURS ->
                        rest == 0 ? Messages._Duration_hours(amount) : Messages._Duration_hoursMinutes(amount, rest);
                };
        return words.toString(locale);
    }
}
