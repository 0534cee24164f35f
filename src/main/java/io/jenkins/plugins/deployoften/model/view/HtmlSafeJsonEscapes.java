package io.jenkins.plugins.deployoften.model.view;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * JSON escaping that keeps a JSON text safe to embed in HTML, in a {@code <script>} element or an attribute: on
 * top of JSON's own escapes, {@code < > & '} and the JavaScript line terminators U+2028 and U+2029 are written as
 * {@code \}{@code uXXXX}. The JSON value is unchanged.
 */
final class HtmlSafeJsonEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;

    private static final int LINE_SEPARATOR = 0x2028;
    private static final int PARAGRAPH_SEPARATOR = 0x2029;

    private final int[] asciiEscapes;

    HtmlSafeJsonEscapes() {
        int[] escapes = standardAsciiEscapesForJSON();
        escapes['<'] = ESCAPE_STANDARD;
        escapes['>'] = ESCAPE_STANDARD;
        escapes['&'] = ESCAPE_STANDARD;
        escapes['\''] = ESCAPE_STANDARD;
        this.asciiEscapes = escapes;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return asciiEscapes.clone();
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        if (ch == LINE_SEPARATOR) {
            return new SerializedString("\\u2028");
        }
        if (ch == PARAGRAPH_SEPARATOR) {
            return new SerializedString("\\u2029");
        }
        return null;
    }
}
