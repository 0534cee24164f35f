package io.jenkins.plugins.deployoften.model.view;

/** The badges' English words for the model's tests and the sample images; the plugin takes them from Messages. */
public final class EnglishBadgeTexts implements BadgeTexts {
    public static final BadgeTexts ENGLISH = new EnglishBadgeTexts();

    private EnglishBadgeTexts() {}

    @Override
    public String frequencyLabel() {
        return "deploys";
    }

    @Override
    public String failureRateLabel() {
        return "deploy failures";
    }

    @Override
    public String gateLabel() {
        return "release gate";
    }

    @Override
    public String perWeek(String rounded) {
        return rounded + "/week";
    }

    @Override
    public String belowATenthPerWeek() {
        return "<0.1/week";
    }

    @Override
    public String justNow() {
        return "just now";
    }

    @Override
    public String minutesAgo(long minutes) {
        return minutes + "m ago";
    }

    @Override
    public String hoursAgo(long hours) {
        return hours + "h ago";
    }

    @Override
    public String daysAgo(long days) {
        return days + "d ago";
    }

    @Override
    public String never() {
        return "never";
    }

    @Override
    public String percent(int percent) {
        return percent + "%";
    }

    @Override
    public String belowOnePercent() {
        return "<1%";
    }

    @Override
    public String aboveNinetyNinePercent() {
        return ">99%";
    }

    @Override
    public String noData() {
        return "no data";
    }

    @Override
    public String gateState(GateBadgeState state) {
        switch (state) {
            case PASS:
                return "passing";
            case WARN:
                return "warning";
            case BLOCK:
                return "blocked";
            default:
                return "unknown";
        }
    }

    @Override
    public String notFound() {
        return "Not found";
    }
}
