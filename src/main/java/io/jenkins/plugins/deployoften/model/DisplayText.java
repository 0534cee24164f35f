package io.jenkins.plugins.deployoften.model;

/**
 * Makes user-controlled text (a commit, trigger, reason, message, override reason, a verdict that quotes them)
 * safe to show on a page or in a build log, one line that displays in the order it was written:
 *
 * <ul>
 *   <li>bidirectional embeddings, overrides, isolates and marks (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F,
 *       U+061C) are removed, so text cannot reorder how it, or what follows it, is displayed;
 *   <li>tab, line feed and carriage return become a space, so text cannot start a line of its own (a forged
 *       "PASS" in the console);
 *   <li>other control characters (U+0000–U+001F, U+007F–U+009F, U+0085 included), U+2028, U+2029, unpaired
 *       surrogates, U+FFFE and U+FFFF become U+FFFD (�), so the reader sees that something was there.
 * </ul>
 *
 * Escaping for HTML or XML is a separate step (Jelly's, or the badges' XML escaping). The stored records keep the
 * text as it was given.
 */
public final class DisplayText {
    private static final int REPLACEMENT = 0xFFFD;

    private DisplayText() {}

    /**
     * @param raw the text as given, {@code null} for none
     * @return the text to show; empty text for {@code null}
     */
    public static String of(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = null;
        int i = 0;
        while (i < raw.length()) {
            int cp = raw.codePointAt(i);
            int width = Character.charCount(cp);
            int shown = shown(cp);
            if (shown != cp && out == null) {
                out = new StringBuilder(raw.length()).append(raw, 0, i);
            }
            if (out != null && shown >= 0) {
                out.appendCodePoint(shown);
            }
            i += width;
        }
        return out == null ? raw : out.toString();
    }

    /** @return what to show for a code point: itself, a replacement, or -1 for nothing */
    private static int shown(int cp) {
        if (isBidiFormatting(cp)) {
            return -1;
        }
        if (cp == '\t' || cp == '\n' || cp == '\r') {
            return ' ';
        }
        int type = Character.getType(cp);
        if (type == Character.CONTROL
                || type == Character.SURROGATE
                || cp == 0x2028
                || cp == 0x2029
                || cp == 0xFFFE
                || cp == 0xFFFF) {
            return REPLACEMENT;
        }
        return cp;
    }

    private static boolean isBidiFormatting(int cp) {
        return (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2066 && cp <= 0x2069)
                || cp == 0x200E
                || cp == 0x200F
                || cp == 0x061C;
    }
}
