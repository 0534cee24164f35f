package io.jenkins.plugins.deployoften.ui;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks on the markup of the plugin's pages as Jenkins sends it to a browser. */
final class PageMarkup {
    /** A script element without a src attribute: inline code, which Jenkins' content security policy forbids. */
    static final String INLINE_SCRIPT = "<script(?![^>]*\\bsrc=)[^>]*>";

    /** An event handler attribute such as onclick: inline code too. */
    static final String EVENT_HANDLER = "\\son[a-z]+=\"";

    private PageMarkup() {}

    /**
     * @param page a whole page
     * @return its main content, between core's "start of main content" and "end of main content" markers: the markup
     *     the plugin's view wrote, with the adjuncts it included
     */
    static String mainContent(String page) {
        int start = page.indexOf("start of main content");
        int end = page.indexOf("end of main content");
        assertThat(start).as("core's main content markers in %s", page).isNotNegative();
        assertThat(end).as("core's main content markers").isGreaterThan(start);
        return page.substring(start, end);
    }

    /**
     * Asserts that markup has no inline script, no event handler and no inline style (scripts loaded by URL, such
     * as echarts-api's and the plugin's adjuncts, are what the content security policy allows).
     *
     * @param markup the plugin's markup
     */
    static void assertNoInlineScriptOrStyle(String markup) {
        assertThat(markup)
                .doesNotContainPattern(INLINE_SCRIPT)
                .doesNotContainPattern(EVENT_HANDLER)
                .doesNotContain("style=");
    }
}
