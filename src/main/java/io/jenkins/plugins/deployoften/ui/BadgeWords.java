package io.jenkins.plugins.deployoften.ui;

import io.jenkins.plugins.deployoften.Messages;
import io.jenkins.plugins.deployoften.model.view.BadgeTexts;
import io.jenkins.plugins.deployoften.model.view.GateBadgeState;
import java.util.Locale;
import org.jvnet.localizer.LocaleProvider;
import org.jvnet.localizer.Localizable;

/** The badges' words from Messages, in one language. */
public final class BadgeWords implements BadgeTexts {
    private final Locale locale;

    private BadgeWords(Locale locale) {
        this.locale = locale;
    }

    /** @return the words in the current request's language */
    public static BadgeWords forRequest() {
        return in(LocaleProvider.getLocale());
    }

    /** @return the words in a language */
    static BadgeWords in(Locale locale) {
        return new BadgeWords(locale);
    }

    private String text(Localizable message) {
        return message.toString(locale);
    }

    @Override
    public String frequencyLabel() {
        return text(Messages._BadgeWords_frequencyLabel());
    }

    @Override
    public String failureRateLabel() {
        return text(Messages._BadgeWords_failureRateLabel());
    }

    @Override
    public String gateLabel() {
        return text(Messages._BadgeWords_gateLabel());
    }

    @Override
    public String perWeek(String rounded) {
        return text(Messages._BadgeWords_perWeek(rounded));
    }

    @Override
    public String belowATenthPerWeek() {
        return text(Messages._BadgeWords_belowATenthPerWeek());
    }

    @Override
    public String justNow() {
        return text(Messages._BadgeWords_justNow());
    }

    @Override
    public String minutesAgo(long minutes) {
        return text(Messages._BadgeWords_minutesAgo(minutes));
    }

    @Override
    public String hoursAgo(long hours) {
        return text(Messages._BadgeWords_hoursAgo(hours));
    }

    @Override
    public String daysAgo(long days) {
        return text(Messages._BadgeWords_daysAgo(days));
    }

    @Override
    public String never() {
        return text(Messages._HealthWords_never());
    }

    @Override
    public String percent(int percent) {
        return text(Messages._HealthWords_percent(percent));
    }

    @Override
    public String belowOnePercent() {
        return text(Messages._BadgeWords_belowOnePercent());
    }

    @Override
    public String aboveNinetyNinePercent() {
        return text(Messages._BadgeWords_aboveNinetyNinePercent());
    }

    @Override
    public String noData() {
        return text(Messages._HealthWords_noData());
    }

    @Override
    public String gateState(GateBadgeState state) {
        return switch (state) {
            case PASS -> text(Messages._GateBadgeState_PASS());
            case WARN -> text(Messages._GateBadgeState_WARN());
            case BLOCK -> text(Messages._GateBadgeState_BLOCK());
            case UNKNOWN -> text(Messages._BadgeWords_gateUnknown());
        };
    }

    @Override
    public String notFound() {
        return text(Messages._BadgeWords_notFound());
    }
}
