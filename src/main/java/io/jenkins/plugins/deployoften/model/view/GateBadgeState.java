package io.jenkins.plugins.deployoften.model.view;

/** What the release gate badge shows, with its colour; the glue maps the gate's verdict to one of these and words it. */
public enum GateBadgeState {
    /** The gate lets releases through: "passing", bright green. */
    PASS(BadgeColor.BRIGHTGREEN),
    /** The gate lets releases through with a warning: "warning", yellow. */
    WARN(BadgeColor.YELLOW),
    /** The gate stops releases: "blocked", red. */
    BLOCK(BadgeColor.RED),
    /** No verdict yet (no gate configured or not evaluated): "unknown", light grey. */
    UNKNOWN(BadgeColor.LIGHTGREY);

    private final BadgeColor color;

    GateBadgeState(BadgeColor color) {
        this.color = color;
    }

    /** @return the badge colour */
    public BadgeColor color() {
        return color;
    }
}
