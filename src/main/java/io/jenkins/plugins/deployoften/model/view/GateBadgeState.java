package io.jenkins.plugins.deployoften.model.view;

/** What the release gate badge shows; the glue maps the gate's verdict to one of these. */
public enum GateBadgeState {
    /** The gate lets releases through: "passing", bright green. */
    PASS("passing", BadgeColor.BRIGHTGREEN),
    /** The gate lets releases through with a warning: "warning", yellow. */
    WARN("warning", BadgeColor.YELLOW),
    /** The gate stops releases: "blocked", red. */
    BLOCK("blocked", BadgeColor.RED),
    /** No verdict yet (no gate configured or not evaluated): "unknown", light grey. */
    UNKNOWN("unknown", BadgeColor.LIGHTGREY);

    private final String text;
    private final BadgeColor color;

    GateBadgeState(String text, BadgeColor color) {
        this.text = text;
        this.color = color;
    }

    /** @return the badge value, e.g. {@code passing} */
    public String text() {
        return text;
    }

    /** @return the badge colour */
    public BadgeColor color() {
        return color;
    }
}
