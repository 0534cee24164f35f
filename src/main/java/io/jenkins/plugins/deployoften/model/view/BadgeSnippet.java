package io.jenkins.plugins.deployoften.model.view;

/**
 * What a user copies to show one badge elsewhere: a Markdown image and an HTML {@code img}, each one image whose
 * URL and alternative text cannot break out of it.
 *
 * @param name the badge's name, such as {@code frequency}
 * @param url the badge's absolute URL, its query already URL-encoded
 * @param alt the image's alternative text
 */
public record BadgeSnippet(String name, String url, String alt) {
    /** @return {@code ![alt](url)}, the brackets and backslashes of the text escaped */
    public String markdown() {
        return "![" + alt.replaceAll("([\\\\\\[\\]])", "\\\\$1") + "](" + url + ")";
    }

    /** @return {@code <img src="url" alt="alt">}, both attributes escaped */
    public String html() {
        return "<img src=\"" + Xml.escape(url) + "\" alt=\"" + Xml.escape(alt) + "\">";
    }
}
