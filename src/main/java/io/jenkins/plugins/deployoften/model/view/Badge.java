package io.jenkins.plugins.deployoften.model.view;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A two-part "flat" status badge, {@code label | value}, as an SVG image 20 px high in DejaVu Sans 11 px.
 *
 * <p>Layout: each half is as wide as its text rounded up to whole pixels plus 5 px padding on each side; the text
 * is centred in its half and carries its measured width as {@code textLength}, so a viewer that substitutes
 * another font (Verdana, Geneva, any sans-serif) still fits it exactly. Texts are sanitized and shortened by
 * {@link BadgeText} (at most {@value BadgeText#MAX_CODE_POINTS} code points and {@value BadgeText#MAX_WIDTH_PX}
 * px each) and XML-escaped for element and attribute context. The image has {@code role="img"}, an
 * {@code aria-label} and a {@code <title>} reading {@code "label: value"}.
 */
public final class Badge {
    /** The font stack of the texts; the widths are measured for the first. */
    public static final String FONT_FAMILY = "DejaVu Sans,Verdana,Geneva,sans-serif";
    /** The badge height in pixels. */
    public static final int HEIGHT_PX = 20;
    /** The room left and right of each text in pixels. */
    public static final int PADDING_PX = 5;

    private static final int SHORT_ID_HEX_DIGITS = 8;

    private final String label;
    private final String value;
    private final BadgeColor color;
    private final int labelWidth;
    private final int valueWidth;
    private final String svg;
    private final String contentHash;

    private Badge(String label, String value, BadgeColor color, double labelTextWidth, double valueTextWidth) {
        this.label = label;
        this.value = value;
        this.color = color;
        this.labelWidth = (int) Math.ceil(labelTextWidth) + 2 * PADDING_PX;
        this.valueWidth = (int) Math.ceil(valueTextWidth) + 2 * PADDING_PX;
        this.svg = render(labelTextWidth, valueTextWidth);
        this.contentHash = sha256Hex(svg);
    }

    /**
     * Creates a badge.
     *
     * @param label the left text, e.g. {@code deploys} or an environment name; user-controlled text is fine
     * @param value the right text, e.g. {@code 4/week}
     * @param color the right half's colour
     * @return the badge
     * @throws IllegalArgumentException if label, value or colour is missing, or a text has nothing visible left
     *     after sanitizing
     */
    public static Badge of(String label, String value, BadgeColor color) {
        GlyphWidths widths = GlyphWidths.dejaVuSans();
        String shownLabel = BadgeText.fit(required("label", label), widths);
        String shownValue = BadgeText.fit(required("value", value), widths);
        if (color == null) {
            throw new IllegalArgumentException("badge color is missing: use one of BadgeColor's values");
        }
        return new Badge(shownLabel, shownValue, color, widths.width(shownLabel), widths.width(shownValue));
    }

    private static String required(String field, String text) {
        if (text == null || BadgeText.sanitize(text).isEmpty()) {
            throw new IllegalArgumentException(
                    "badge " + field + " is empty: use at least one visible character (controls are removed)");
        }
        return text;
    }

    /** @return the label as shown: sanitized and possibly shortened, not escaped */
    public String label() {
        return label;
    }

    /** @return the value as shown: sanitized and possibly shortened, not escaped */
    public String value() {
        return value;
    }

    /** @return the colour of the value half */
    public BadgeColor color() {
        return color;
    }

    /** @return the whole width in pixels: label half plus value half */
    public int width() {
        return labelWidth + valueWidth;
    }

    /** @return what screen readers announce: {@code "label: value"} */
    public String accessibleName() {
        return label + ": " + value;
    }

    /** @return the SVG document, UTF-8 when encoded, without XML declaration */
    public String svg() {
        return svg;
    }

    /**
     * A stable fingerprint of the image for HTTP caching: the SHA-256 of the SVG's UTF-8 bytes as 64 lower-case
     * hex digits. Equal images have equal hashes; use it quoted as a strong {@code ETag}.
     *
     * @return the hex digest
     */
    public String contentHash() {
        return contentHash;
    }

    private String render(double labelTextWidth, double valueTextWidth) {
        int width = width();
        String name = Xml.escape(accessibleName());
        // ids unique per content, so that several badges inlined into one page do not share clip paths
        String id =
                sha256Hex(label + '\u0000' + value + '\u0000' + color.name()).substring(0, SHORT_ID_HEX_DIGITS);
        StringBuilder out = new StringBuilder(1024);
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(width)
                .append("\" height=\"")
                .append(HEIGHT_PX)
                .append("\" role=\"img\" aria-label=\"")
                .append(name)
                .append("\">");
        out.append("<title>").append(name).append("</title>");
        out.append("<linearGradient id=\"s-")
                .append(id)
                .append("\" x2=\"0\" y2=\"100%\">")
                .append("<stop offset=\"0\" stop-color=\"#bbb\" stop-opacity=\".1\"/>")
                .append("<stop offset=\"1\" stop-opacity=\".1\"/>")
                .append("</linearGradient>");
        out.append("<clipPath id=\"r-")
                .append(id)
                .append("\"><rect width=\"")
                .append(width)
                .append("\" height=\"")
                .append(HEIGHT_PX)
                .append("\" rx=\"3\" fill=\"#fff\"/></clipPath>");
        out.append("<g clip-path=\"url(#r-").append(id).append(")\">");
        out.append("<rect width=\"")
                .append(labelWidth)
                .append("\" height=\"")
                .append(HEIGHT_PX)
                .append("\" fill=\"")
                .append(BadgeColor.LABEL_BACKGROUND)
                .append("\"/>");
        out.append("<rect x=\"")
                .append(labelWidth)
                .append("\" width=\"")
                .append(valueWidth)
                .append("\" height=\"")
                .append(HEIGHT_PX)
                .append("\" fill=\"")
                .append(color.hex())
                .append("\"/>");
        out.append("<rect width=\"")
                .append(width)
                .append("\" height=\"")
                .append(HEIGHT_PX)
                .append("\" fill=\"url(#s-")
                .append(id)
                .append(")\"/>");
        out.append("</g>");
        out.append("<g fill=\"#fff\" text-anchor=\"middle\" font-family=\"")
                .append(FONT_FAMILY)
                .append("\" text-rendering=\"geometricPrecision\" font-size=\"")
                .append(GlyphWidths.FONT_SIZE_PX)
                .append("\">");
        appendText(out, label, labelWidth / 2.0, labelTextWidth);
        appendText(out, value, labelWidth + valueWidth / 2.0, valueTextWidth);
        out.append("</g></svg>");
        return out.toString();
    }

    /** A text with its shadow one pixel below, as flat badges have. */
    private static void appendText(StringBuilder out, String text, double centre, double textWidth) {
        String x = number(centre);
        String length = number(textWidth);
        String escaped = Xml.escape(text);
        out.append("<text aria-hidden=\"true\" x=\"")
                .append(x)
                .append("\" y=\"15\" fill=\"#010101\" fill-opacity=\".3\" textLength=\"")
                .append(length)
                .append("\">")
                .append(escaped)
                .append("</text>");
        out.append("<text x=\"")
                .append(x)
                .append("\" y=\"14\" textLength=\"")
                .append(length)
                .append("\">")
                .append(escaped)
                .append("</text>");
    }

    /** @return the number with at most two decimals and no trailing zeros, e.g. {@code 26.5} */
    static String number(double value) {
        return BigDecimal.valueOf(value)
                .setScale(2, RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }

    static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
