package io.jenkins.plugins.deployoften.model.ledger;

/** The strict UTF-8 of RFC 3629, checked without decoding. */
final class Utf8 {
    private Utf8() {}

    /**
     * @param bytes text that should be UTF-8
     * @return whether every sequence is the shortest form of a scalar value: no overlong form (such as {@code C0
     *     80} for U+0000), no surrogate (U+D800 to U+DFFF), nothing above U+10FFFF, no stray continuation byte and
     *     no sequence cut short
     */
    static boolean isWellFormed(byte[] bytes) {
        int i = 0;
        while (i < bytes.length) {
            int lead = bytes[i] & 0xFF;
            if (lead < 0x80) {
                i++;
                continue;
            }
            int length;
            int secondMin = 0x80;
            int secondMax = 0xBF;
            if (lead >= 0xC2 && lead <= 0xDF) {
                length = 2;
            } else if (lead >= 0xE0 && lead <= 0xEF) {
                length = 3;
                if (lead == 0xE0) {
                    secondMin = 0xA0; // below is an overlong form
                } else if (lead == 0xED) {
                    secondMax = 0x9F; // above are the surrogates
                }
            } else if (lead >= 0xF0 && lead <= 0xF4) {
                length = 4;
                if (lead == 0xF0) {
                    secondMin = 0x90; // below is an overlong form
                } else if (lead == 0xF4) {
                    secondMax = 0x8F; // above is beyond U+10FFFF
                }
            } else {
                return false; // a continuation byte, C0, C1 (always overlong) or F5 to FF
            }
            if (i + length > bytes.length) {
                return false;
            }
            int second = bytes[i + 1] & 0xFF;
            if (second < secondMin || second > secondMax) {
                return false;
            }
            for (int k = 2; k < length; k++) {
                int next = bytes[i + k] & 0xFF;
                if (next < 0x80 || next > 0xBF) {
                    return false;
                }
            }
            i += length;
        }
        return true;
    }
}
