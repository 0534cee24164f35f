package io.jenkins.plugins.deployoften.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlPage;
import org.jvnet.hudson.test.JenkinsRule;
import org.xml.sax.SAXException;

/** Checks on the markup of the plugin's pages as Jenkins sends it to a browser. */
final class PageMarkup {
    /** A script element without a src attribute: inline code, which Jenkins' content security policy forbids. */
    static final String INLINE_SCRIPT = "<script(?![^>]*\\bsrc=)[^>]*>";

    /** An event handler attribute such as onclick: inline code too. */
    static final String EVENT_HANDLER = "\\son[a-z]+=\"";

    private PageMarkup() {}

    /**
     * @param web a web client, whose scripts this turns off
     * @param url the page, relative to Jenkins
     * @return the page as Jenkins sent it, before any script (such as the sortable tables') changed it
     * @throws IOException when it cannot be read
     * @throws SAXException when it cannot be parsed
     */
    static HtmlPage served(JenkinsRule.WebClient web, String url) throws IOException, SAXException {
        web.getOptions().setJavaScriptEnabled(false);
        return web.goTo(url);
    }

    /**
     * @param root a page or an element
     * @param selector a CSS selector
     * @return the text of each element it selects, white space collapsed
     */
    static List<String> texts(DomNode root, String selector) {
        return root.querySelectorAll(selector).stream()
                .map(node -> node.getTextContent().strip().replaceAll("\\s+", " "))
                .toList();
    }

    /**
     * @param root a page or an element
     * @param selector a CSS selector
     * @param attribute an attribute's name
     * @return that attribute of each element it selects
     */
    static List<String> attributes(DomNode root, String selector, String attribute) {
        return root.querySelectorAll(selector).stream()
                .map(node -> ((DomElement) node).getAttribute(attribute))
                .toList();
    }

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
