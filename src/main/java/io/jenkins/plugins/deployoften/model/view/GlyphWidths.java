package io.jenkins.plugins.deployoften.model.view;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Text widths in DejaVu Sans at {@value #FONT_SIZE_PX} px, from a table of advance widths generated from the real
 * font (see {@code GlyphWidthTableGenerator} in the tests) and shipped as the resource {@value #TABLE}. Reading a
 * table instead of asking AWT keeps badges identical on controllers that have no fonts installed.
 *
 * <p>Width of a text = the sum of the advances of its code points plus, for each two adjacent code points, the
 * table's pair adjustment (the font's kerning and ligatures, which browsers apply; measured for printable ASCII and
 * Latin-1 pairs). A code point the table does not know (CJK, emoji, other scripts) counts as
 * one em ({@value #FONT_SIZE_PX} px), the advance of a full-width ideograph and a little more than DejaVu Sans's
 * widest Latin letter 'W' (10.88 px), so unknown text is rather over- than under-estimated; except that unknown
 * combining marks and format characters (such as the emoji variation selector U+FE0F) count as zero, as they
 * take no room of their own.
 */
final class GlyphWidths {
    /** The badge font size in pixels. */
    static final int FONT_SIZE_PX = 11;
    /** The resource, beside this class. */
    static final String TABLE = "dejavu-sans-11px-advances.txt";

    private static final int MILLI = 1000;
    private static final int UNKNOWN_ADVANCE_MILLI_PX = FONT_SIZE_PX * MILLI;
    private static final GlyphWidths DEJAVU_SANS = load();

    private static final int CODE_POINT_BITS = 21;

    private final Map<Integer, Integer> advancesMilliPx;
    private final Map<Long, Integer> pairAdjustmentsMilliPx;

    private GlyphWidths(Map<Integer, Integer> advancesMilliPx, Map<Long, Integer> pairAdjustmentsMilliPx) {
        this.advancesMilliPx = advancesMilliPx;
        this.pairAdjustmentsMilliPx = pairAdjustmentsMilliPx;
    }

    /** @return the widths of DejaVu Sans at {@value #FONT_SIZE_PX} px */
    static GlyphWidths dejaVuSans() {
        return DEJAVU_SANS;
    }

    /** @return the advance of one code point in pixels */
    double advance(int codePoint) {
        return advanceMilliPx(codePoint) / (double) MILLI;
    }

    /** @return whether the table has a measured advance for the code point */
    boolean isKnown(int codePoint) {
        return advancesMilliPx.containsKey(codePoint);
    }

    /** @return the width of the text in pixels: advances of its code points plus adjustments of adjacent pairs */
    double width(String text) {
        long milli = 0;
        int previous = -1;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            milli += advanceMilliPx(cp);
            if (previous >= 0) {
                milli += pairAdjustmentsMilliPx.getOrDefault(pairKey(previous, cp), 0);
            }
            previous = cp;
        }
        return milli / (double) MILLI;
    }

    /** @return the pair adjustment in pixels, 0 for pairs the table does not list */
    double pairAdjustment(int first, int second) {
        return pairAdjustmentsMilliPx.getOrDefault(pairKey(first, second), 0) / (double) MILLI;
    }

    private static long pairKey(int first, int second) {
        return ((long) first << CODE_POINT_BITS) | second;
    }

    private int advanceMilliPx(int codePoint) {
        Integer known = advancesMilliPx.get(codePoint);
        if (known != null) {
            return known;
        }
        int type = Character.getType(codePoint);
        boolean takesNoRoom =
                type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT;
        return takesNoRoom ? 0 : UNKNOWN_ADVANCE_MILLI_PX;
    }

    private static GlyphWidths load() {
        try (InputStream in = GlyphWidths.class.getResourceAsStream(TABLE)) {
            if (in == null) {
                throw new IllegalStateException("glyph width table " + TABLE + " is missing from the class path");
            }
            Map<Integer, Integer> advances = new HashMap<>();
            Map<Long, Integer> pairs = new HashMap<>();
            parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), advances, pairs);
            return new GlyphWidths(Map.copyOf(advances), Map.copyOf(pairs));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read glyph width table " + TABLE, e);
        }
    }

    /**
     * Reads the table format: {@code #} comment lines; lines of a hexadecimal first code point followed by the
     * advances in thousandths of a pixel of it and the code points after it, {@code -} for no glyph; and lines
     * {@code pair A B D} of two hexadecimal code points and their adjustment in thousandths of a pixel.
     */
    static void parse(BufferedReader reader, Map<Integer, Integer> advances, Map<Long, Integer> pairs)
            throws IOException {
        String line;
        int lineNumber = 0;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.trim().split(" +");
            try {
                if ("pair".equals(fields[0]) && fields.length == 4) {
                    pairs.put(
                            pairKey(Integer.parseInt(fields[1], 16), Integer.parseInt(fields[2], 16)),
                            Integer.parseInt(fields[3]));
                    continue;
                }
                int codePoint = Integer.parseInt(fields[0], 16);
                for (int i = 1; i < fields.length; i++, codePoint++) {
                    if (!"-".equals(fields[i])) {
                        advances.put(codePoint, Integer.parseInt(fields[i]));
                    }
                }
            } catch (NumberFormatException e) {
                throw new IOException("glyph width table line " + lineNumber + " is malformed: " + line, e);
            }
        }
    }
}
