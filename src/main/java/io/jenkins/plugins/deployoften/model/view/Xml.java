package io.jenkins.plugins.deployoften.model.view;

/** Escaping for XML (and so SVG and HTML) text and quoted attribute values. */
final class Xml {
    private Xml() {}

    /**
     * Escapes {@code & < > " '} as character references, so the result is safe both as element text and inside
     * a single- or double-quoted attribute value. The text must already be free of characters XML 1.0 forbids
     * (see {@link BadgeText#sanitize(String)}).
     *
     * @param text the text to escape
     * @return the escaped text
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&':
                    out.append("&amp;");
                    break;
                case '<':
                    out.append("&lt;");
                    break;
                case '>':
                    out.append("&gt;");
                    break;
                case '"':
                    out.append("&quot;");
                    break;
                case '\'':
                    out.append("&#39;");
                    break;
                default:
                    out.append(c);
            }
        }
        return out.toString();
    }
}
