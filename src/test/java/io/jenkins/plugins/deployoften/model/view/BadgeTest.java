package io.jenkins.plugins.deployoften.model.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

public class BadgeTest {
    @Test
    public void laysOutBothHalvesFromTheMeasuredTextWidths() throws Exception {
        // "deploys" is 42.759 px: ceil 43 + 2 * 5 padding = 53 px;
        // "4/week" is 4 6999 + / 3706 + w 8997 + e 6768 + e 6768 + k 6370 = 39.608 px: 40 + 10 = 50 px
        Badge badge = Badge.of("deploys", "4/week", BadgeColor.GREEN);

        assertThat(badge.width()).isEqualTo(103);
        Document svg = Svg.parse(badge.svg());
        Element root = svg.getDocumentElement();
        assertThat(root.getAttribute("width")).isEqualTo("103");
        assertThat(root.getAttribute("height")).isEqualTo("20");
        List<Element> rects = Svg.elements(svg, "rect");
        // clip rectangle, label half, value half, gloss
        assertThat(rects).extracting(r -> r.getAttribute("width")).containsExactly("103", "53", "50", "103");
        assertThat(rects.get(1).getAttribute("fill")).isEqualTo("#555");
        assertThat(rects.get(2).getAttribute("x")).isEqualTo("53");
        assertThat(rects.get(2).getAttribute("fill")).isEqualTo("#97ca00");
        List<Element> texts = Svg.elements(svg, "text");
        // label centred at 53 / 2 = 26.5, value at 53 + 50 / 2 = 78; shadow and text each
        assertThat(texts).extracting(t -> t.getAttribute("x")).containsExactly("26.5", "26.5", "78", "78");
        assertThat(texts)
                .extracting(t -> t.getAttribute("textLength"))
                .containsExactly("42.76", "42.76", "39.61", "39.61");
        assertThat(Svg.texts(svg)).containsExactly("deploys", "deploys", "4/week", "4/week");
    }

    @Test
    public void isAccessible() throws Exception {
        Badge badge = Badge.of("release gate", "passing", BadgeColor.BRIGHTGREEN);

        Document svg = Svg.parse(badge.svg());
        assertThat(svg.getDocumentElement().getAttribute("role")).isEqualTo("img");
        assertThat(svg.getDocumentElement().getAttribute("aria-label")).isEqualTo("release gate: passing");
        assertThat(Svg.elements(svg, "title"))
                .singleElement()
                .extracting(Element::getTextContent)
                .isEqualTo("release gate: passing");
        assertThat(badge.accessibleName()).isEqualTo("release gate: passing");
        // the shadow copies are hidden from screen readers
        assertThat(Svg.elements(svg, "text"))
                .extracting(t -> t.getAttribute("aria-hidden"))
                .containsExactly("true", "", "true", "");
        assertThat(Svg.elements(svg, "g").get(1).getAttribute("font-family"))
                .isEqualTo("DejaVu Sans,Verdana,Geneva,sans-serif");
    }

    @Test
    public void contentHashIsTheSha256OfTheSvgBytes() throws Exception {
        Badge badge = Badge.of("deploys", "4/week", BadgeColor.GREEN);

        byte[] digest = MessageDigest.getInstance("SHA-256").digest(badge.svg().getBytes(StandardCharsets.UTF_8));
        assertThat(badge.contentHash())
                .isEqualTo(HexFormat.of().formatHex(digest))
                .hasSize(64);
    }

    @Test
    public void contentHashIsStableAndTellsImagesApart() {
        Badge badge = Badge.of("deploys", "4/week", BadgeColor.GREEN);

        assertThat(Badge.of("deploys", "4/week", BadgeColor.GREEN).contentHash())
                .isEqualTo(badge.contentHash());
        assertThat(Badge.of("deploys", "4/week", BadgeColor.YELLOW).contentHash())
                .isNotEqualTo(badge.contentHash());
        assertThat(Badge.of("deploys", "5/week", BadgeColor.GREEN).contentHash())
                .isNotEqualTo(badge.contentHash());
    }

    @Test
    public void differentBadgesUseDifferentIdsSoTheyCanShareAPage() throws Exception {
        Element first = Svg.elements(
                        Svg.parse(Badge.of("a", "1", BadgeColor.RED).svg()), "clipPath")
                .get(0);
        Element second = Svg.elements(
                        Svg.parse(Badge.of("a", "2", BadgeColor.RED).svg()), "clipPath")
                .get(0);

        assertThat(first.getAttribute("id")).startsWith("r-").isNotEqualTo(second.getAttribute("id"));
    }

    @Test
    public void formatsCoordinatesWithAtMostTwoDecimals() {
        assertThat(Badge.number(26.5)).isEqualTo("26.5");
        assertThat(Badge.number(42.759)).isEqualTo("42.76");
        assertThat(Badge.number(78.0)).isEqualTo("78");
        assertThat(Badge.number(0.005)).isEqualTo("0.01");
    }

    @Test
    public void rejectsMissingOrInvisibleTexts() {
        assertThatThrownBy(() -> Badge.of(null, "1", BadgeColor.RED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("badge label is empty");
        assertThatThrownBy(() -> Badge.of("a", " \u202E\n", BadgeColor.RED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("badge value is empty");
        assertThatThrownBy(() -> Badge.of("a", "1", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("badge color is missing");
    }
}
