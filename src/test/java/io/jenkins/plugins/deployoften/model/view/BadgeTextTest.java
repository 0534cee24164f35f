package io.jenkins.plugins.deployoften.model.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.Test;

public class BadgeTextTest {
    private final GlyphWidths widths = GlyphWidths.dejaVuSans();

    @Test
    public void keepsOrdinaryTextAsItIs() {
        assertThat(BadgeText.fit("staging", widths)).isEqualTo("staging");
        assertThat(BadgeText.fit("Zürich-Ωmega <&>", widths)).isEqualTo("Zürich-Ωmega <&>");
    }

    @Test
    public void replacesControlsAndIllegalCharacters() {
        assertThat(BadgeText.sanitize("tab\there\nnew\rline")).isEqualTo("tab here new line");
        // NUL, SOH, US, DEL and C1 NEL are controls; U+FFFE is not allowed in XML; \uD800 alone is unpaired
        assertThat(BadgeText.sanitize("x\u0000y\u0001z\u001F\u007F\u0085|\uFFFE|a\uD800b"))
                .isEqualTo("x\uFFFDy\uFFFDz\uFFFD\uFFFD\uFFFD|\uFFFD|a\uFFFDb");
        assertThat(BadgeText.sanitize("  \t padded \n")).isEqualTo("padded");
    }

    @Test
    public void removesBidirectionalOverridesEmbeddingsAndIsolates() {
        assertThat(BadgeText.sanitize("a\u202Eb\u202Dc\u202Ad\u2066e\u2067f\u2068g\u2069h"))
                .isEqualTo("abcdefgh");
    }

    @Test
    public void keepsSurrogatePairs() {
        assertThat(BadgeText.sanitize("ok \uD83D\uDE80")).isEqualTo("ok \uD83D\uDE80");
    }

    @Test
    public void shortensWideTextToTheLongestPrefixThatFitsWithTheEllipsis() {
        // W is 10.876 px, the ellipsis 11 px: 15 W + … = 174.1 px fits 180, 16 W + … = 185.0 does not
        String shortened = BadgeText.fit("W".repeat(1000), widths);
        assertThat(shortened).isEqualTo("W".repeat(15) + "…");
        assertThat(widths.width(shortened)).isLessThanOrEqualTo(BadgeText.MAX_WIDTH_PX);
    }

    @Test
    public void neverSplitsASurrogatePair() {
        // U+1F600 is unknown to the table: 11 px; 15 + … = 176 px fits, 16 + … = 187 does not
        String shortened = BadgeText.fit("\uD83D\uDE00".repeat(100), widths);
        assertThat(shortened).isEqualTo("\uD83D\uDE00".repeat(15) + "…");
    }

    @Test
    public void neverSplitsACharacterFromItsCombiningMark() {
        // e (6.768 px) + combining acute (0 px): 24 * 6.768 + 11 = 173.4 fits, 25 * 6.768 + 11 = 180.2 does not
        String shortened = BadgeText.fit("e\u0301".repeat(40), widths);
        assertThat(shortened).isEqualTo("e\u0301".repeat(24) + "…");
    }

    @Test
    public void limitsTheNumberOfCodePointsOfZeroWidthText() {
        // 70 zero-width spaces are 0 px but 70 code points: 63 + the ellipsis = 64
        String shortened = BadgeText.fit("\u200B".repeat(70), widths);
        assertThat(shortened).isEqualTo("\u200B".repeat(63) + "…");
        assertThat(shortened.codePointCount(0, shortened.length())).isEqualTo(BadgeText.MAX_CODE_POINTS);
    }

    @Test
    public void aSingleOverlongClusterBecomesJustTheEllipsis() {
        // one letter with 100 combining marks is one character of 101 code points, more than 64
        assertThat(BadgeText.fit("a" + "\u0301".repeat(100), widths)).isEqualTo("…");
    }

    @Test
    public void dropsSpaceBeforeTheEllipsis() {
        String text = "W".repeat(15) + " " + "W".repeat(10);
        // 15 W + space + … = 174.1 + 3.5 = 177.6 px would fit; the space is dropped before the ellipsis
        assertThat(BadgeText.fit(text, widths)).isEqualTo("W".repeat(15) + "…");
    }
}
