package io.jenkins.plugins.deployoften.model.ledger;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import java.util.Locale;

/**
 * The JSON writer of every JSON-lines file (the ledger, the spool, the gate's audit trail): control characters
 * and U+0085, U+2028 and U+2029 in text are written as {@code \\uXXXX} escapes. JSON allows the last three raw,
 * but Python's {@code splitlines()}, JavaScript before ES2019 and others break lines at them; escaped, a record is
 * one line for every reader.
 */
public final class LineSafeJson {
    private LineSafeJson() {}

    /** @return a factory whose generators escape as described */
    public static JsonFactory factory() {
        return new JsonFactory().setCharacterEscapes(new LineSafeEscapes());
    }

    private static final class LineSafeEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;

        @Override
        public int[] getEscapeCodesForAscii() {
            return standardAsciiEscapesForJSON();
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (ch == 0x85 || ch == 0x2028 || ch == 0x2029) {
                return new SerializedString(String.format(Locale.ROOT, "\\u%04x", ch));
            }
            return null;
        }
    }
}
