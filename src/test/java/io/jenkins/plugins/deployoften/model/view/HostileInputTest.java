package io.jenkins.plugins.deployoften.model.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.deployoften.model.WeeklyBucket;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;
import org.w3c.dom.Document;

/**
 * Hostile labels and values: the badge SVG must parse (DTDs disallowed) to exactly the intended elements and
 * attributes, with the (sanitized, shortened) input as text; the chart JSON must carry the input as plain strings.
 */
@RunWith(Parameterized.class)
public class HostileInputTest {
    /** The intended SVG, node by node: elements with their attribute names, and text nodes. */
    private static final List<String> SKELETON = List.of(
            "svg[aria-label, height, role, width, xmlns]",
            "title[]",
            "#text",
            "linearGradient[id, x2, y2]",
            "stop[offset, stop-color, stop-opacity]",
            "stop[offset, stop-opacity]",
            "clipPath[id]",
            "rect[fill, height, rx, width]",
            "g[clip-path]",
            "rect[fill, height, width]",
            "rect[fill, height, width, x]",
            "rect[fill, height, width]",
            "g[fill, font-family, font-size, text-anchor, text-rendering]",
            "text[aria-hidden, fill, fill-opacity, textLength, x, y]",
            "#text",
            "text[textLength, x, y]",
            "#text",
            "text[aria-hidden, fill, fill-opacity, textLength, x, y]",
            "#text",
            "text[textLength, x, y]",
            "#text");

    private static final String EMOJI = "\uD83D\uDE00";

    @Parameters(name = "{index}: {0}")
    public static Collection<Object[]> inputs() {
        return Arrays.asList(new Object[][] {
            {"script element", "<script>alert(1)</script>", "<script>alert(1)</script>"},
            {"double-quote attribute breaker", "\" onload=\"alert(1)", "\" onload=\"alert(1)"},
            {"single-quote attribute breaker", "' onmouseover='alert(1)", "' onmouseover='alert(1)"},
            {"svg event handler", "<svg onload=alert(1)>", "<svg onload=alert(1)>"},
            {"escaped entity", "&lt;b&gt;", "&lt;b&gt;"},
            {"double-escaped entity", "&amp;#x3C;script&amp;#x3E;", "&amp;#x3C;script&amp;#x3E;"},
            {"numeric character reference", "&#60;img src=x&#62;", "&#60;img src=x&#62;"},
            // 184.4 px wide: cut to the longest prefix that fits 180 px with the ellipsis
            {"CDATA end", "]]><script>x</script><![CDATA[", "]]><script>x</script><![CDA…"},
            {"comment and processing instruction", "<!-- x --><?pi x?>", "<!-- x --><?pi x?>"},
            // 338 px wide: cut the same way
            {
                "doctype with external entity",
                "<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>&e;",
                "<!DOCTYPE x [<!ENTITY e SY…"
            },
            {"right-to-left override", "safe\u202Egnissap", "safegnissap"},
            {"isolates and embeddings", "\u2066a\u202Ab\u202Cc\u2069", "abc"},
            {"NUL and controls", "a\u0000b\u0007c\u001Bd\u007F\u0085", "a\uFFFDb\uFFFDc\uFFFDd\uFFFD\uFFFD"},
            {"unpaired surrogate and non-characters", "x\uDC00y\uFFFEz\uFFFF", "x\uFFFDy\uFFFDz\uFFFD"},
            {"line breaks", "line1\nline2\r\n\tend", "line1 line2   end"},
            // unknown to the table: 11 px each; 15 + … = 176 px
            {"very long emoji", EMOJI.repeat(500), EMOJI.repeat(15) + "…"},
            {"very long CJK", "部署".repeat(500), "部署".repeat(7) + "部…"},
            // W is 10.876 px: 15 W + … = 174.1 px
            {"very long Latin", "W".repeat(100_000), "W".repeat(15) + "…"},
        });
    }

    private final String input;
    private final String expected;

    public HostileInputTest(String description, String input, String expected) {
        this.input = input;
        this.expected = expected;
    }

    @Test
    public void asLabelTheBadgeHasOnlyTheIntendedStructureAndTheTextAsContent() throws Exception {
        Document svg = Svg.parse(Badge.of(input, "ok", BadgeColor.GREEN).svg());

        assertThat(Svg.skeleton(svg)).containsExactlyElementsOf(SKELETON);
        assertThat(Svg.texts(svg)).containsExactly(expected, expected, "ok", "ok");
        assertThat(svg.getDocumentElement().getAttribute("aria-label")).isEqualTo(expected + ": ok");
        assertThat(Svg.elements(svg, "title").get(0).getTextContent()).isEqualTo(expected + ": ok");
    }

    @Test
    public void asValueTheBadgeHasOnlyTheIntendedStructureAndTheTextAsContent() throws Exception {
        Document svg = Svg.parse(Badges.lastDeploy("staging", Optional.empty(), EnglishBadgeTexts.ENGLISH)
                .svg());
        assertThat(Svg.skeleton(svg)).containsExactlyElementsOf(SKELETON);

        Document hostile = Svg.parse(Badge.of("label", input, BadgeColor.RED).svg());

        assertThat(Svg.skeleton(hostile)).containsExactlyElementsOf(SKELETON);
        assertThat(Svg.texts(hostile)).containsExactly("label", "label", expected, expected);
        assertThat(hostile.getDocumentElement().getAttribute("aria-label")).isEqualTo("label: " + expected);
    }

    @Test
    public void asEnvironmentNameOfTheLastDeployBadge() throws Exception {
        Document svg = Svg.parse(Badges.lastDeploy(input, Optional.of(Duration.ofHours(2)), EnglishBadgeTexts.ENGLISH)
                .svg());

        assertThat(Svg.skeleton(svg)).containsExactlyElementsOf(SKELETON);
        assertThat(Svg.texts(svg)).containsExactly(expected, expected, "2h ago", "2h ago");
    }

    @Test
    public void inTheChartJsonTheTextStaysAPlainStringAndTheJsonIsSafeInHtml() throws Exception {
        ChartLabels labels = new ChartLabels(input, input + "!", "m", "count", "seconds", input);
        List<WeeklyBucket> weeks = new ArrayList<>();
        weeks.add(WeeklyBucket.of(LocalDate.of(2026, 9, 7), 1, 1, Optional.of(Duration.ofSeconds(3))));

        String json = DeployTrendChart.of(weeks, labels).toJson();
        String empty = DeployTrendChart.of(List.of(), labels).toJson();

        JsonNode chart = new ObjectMapper().readTree(json);
        assertThat(chart.get("series").get(0).get("name").asText()).isEqualTo(input);
        assertThat(chart.get("series").get(1).get("name").asText()).isEqualTo(input + "!");
        assertThat(chart.get("legend").get("data").get(0).asText()).isEqualTo(input);
        assertThat(new ObjectMapper().readTree(empty).get("title").get("text").asText())
                .isEqualTo(input);
        assertThat(fieldNames(chart)).containsExactly("tooltip", "legend", "grid", "xAxis", "yAxis", "series");
        assertThat(chart.get("series").get(0).size()).isEqualTo(7);
        for (String raw : List.of(json, empty)) {
            // no character that could end a script element, open a tag or an entity, or break a JS string
            assertThat(raw).doesNotContain("<", ">", "&", "'", "\u2028", "\u2029");
            assertThat(raw.chars()).noneMatch(c -> c < 0x20);
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
