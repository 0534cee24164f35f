package io.jenkins.plugins.deployoften.model.view;

/**
 * The badge palette, the colour names and values familiar from shields.io badges, from best to worst health;
 * {@link #LIGHTGREY} means "no data". The label half of every badge is {@link #LABEL_BACKGROUND}.
 */
public enum BadgeColor {
    BRIGHTGREEN("#4c1"),
    GREEN("#97ca00"),
    YELLOW("#dfb317"),
    ORANGE("#fe7d37"),
    RED("#e05d44"),
    LIGHTGREY("#9f9f9f");

    /** The background of a badge's label half. */
    public static final String LABEL_BACKGROUND = "#555";

    private final String hex;

    BadgeColor(String hex) {
        this.hex = hex;
    }

    /** @return the colour as CSS hex, e.g. {@code #4c1} */
    public String hex() {
        return hex;
    }
}
