package io.jenkins.plugins.deployoften.model.view;

import io.jenkins.plugins.deployoften.model.DisplayText;
import java.text.BreakIterator;
import java.util.Locale;

/**
 * Makes user-controlled text (job and environment names) fit for a badge: one line of characters that XML 1.0
 * can carry, no more than {@value #MAX_CODE_POINTS} code points and {@value #MAX_WIDTH_PX} px wide.
 *
 * <ul>
 *   <li>Tab, line feed and carriage return become a space; leading and trailing spaces are dropped.
 *   <li>Other control characters (U+0000–U+001F, U+007F–U+009F), unpaired surrogates, U+FFFE and U+FFFF become
 *       U+FFFD (�), so the reader sees that something was there.
 *   <li>Bidirectional embeddings, overrides, isolates and marks are removed, so a name cannot reorder how its
 *       own text is displayed ({@link DisplayText}, which also does the two rules above).
 *   <li>Longer or wider text is cut at a character (grapheme) boundary and ends in an ellipsis (…), the whole
 *       including the ellipsis within both limits.
 * </ul>
 *
 * <p>Escaping for XML is a separate, later step ({@link Xml#escape(String)}).
 */
final class BadgeText {
    /** The most code points a badge text keeps, the ellipsis included. */
    static final int MAX_CODE_POINTS = 64;
    /** The widest a badge text may be in pixels, the ellipsis included. */
    static final int MAX_WIDTH_PX = 180;
    /** What ends a shortened text. */
    static final String ELLIPSIS = "…";

    private BadgeText() {}

    /**
     * Sanitizes and, when needed, shortens a text.
     *
     * @param raw the text as the user or the model gave it
     * @param widths the font metrics to measure with
     * @return the text to show
     */
    static String fit(String raw, GlyphWidths widths) {
        return shorten(sanitize(raw), widths);
    }

    /** @return the text with controls replaced and bidirectional formatting removed (see the class comment) */
    static String sanitize(String raw) {
        return DisplayText.of(raw).strip();
    }

    /** @return the text, or its longest prefix that fits the limits with an ellipsis appended */
    static String shorten(String text, GlyphWidths widths) {
        if (fits(text, widths)) {
            return text;
        }
        BreakIterator graphemes = BreakIterator.getCharacterInstance(Locale.ROOT);
        graphemes.setText(text);
        String best = "";
        for (int end = graphemes.next(); end != BreakIterator.DONE; end = graphemes.next()) {
            String candidate = text.substring(0, end).stripTrailing() + ELLIPSIS;
            if (!fits(candidate, widths)) {
                break;
            }
            best = candidate;
        }
        return best.isEmpty() ? ELLIPSIS : best;
    }

    private static boolean fits(String text, GlyphWidths widths) {
        return text.codePointCount(0, text.length()) <= MAX_CODE_POINTS && widths.width(text) <= MAX_WIDTH_PX;
    }
}
