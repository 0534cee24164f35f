package io.jenkins.plugins.deployoften.model.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.Test;

/** A translated alternative text cannot break out of the snippet either. */
public class BadgeSnippetTest {
    private static final String URL = "https://ci.example.com/deployoften-badge/gate.svg?job=app&x=1";

    @Test
    public void theAltTextsBracketsAndBackslashesAreEscapedInMarkdown() {
        BadgeSnippet snippet = new BadgeSnippet("gate", URL, "gate [beta] \\ ok");

        assertThat(snippet.markdown()).isEqualTo("![gate \\[beta\\] \\\\ ok](" + URL + ")");
    }

    @Test
    public void theHtmlAttributesAreEscaped() {
        BadgeSnippet snippet = new BadgeSnippet("gate", URL, "\"gate\" <b> & 'co'");

        assertThat(snippet.html())
                .isEqualTo("<img src=\"https://ci.example.com/deployoften-badge/gate.svg?job=app&amp;x=1\""
                        + " alt=\"&quot;gate&quot; &lt;b&gt; &amp; &#39;co&#39;\">");
    }
}
