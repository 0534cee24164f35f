package io.jenkins.plugins.deployoften.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A JSON object whose last field, {@code "sha256"}, is the SHA-256 (hex) of the object as it was written without
 * that field, followed by a newline: how the plugin's caches on disk (the ledger summary, the deploy health) tell a
 * file written whole from a torn or changed one. The checksum is checked over the file's own bytes, so checking
 * encodes nothing again, and any changed byte is refused.
 */
public final class SignedJson {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] FIELD = ",\"sha256\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "\"}".getBytes(StandardCharsets.US_ASCII);
    private static final int HEX_LENGTH = 64;

    private SignedJson() {}

    /**
     * @param object the bytes of a JSON object, ending with its closing brace
     * @return the object with its {@code "sha256"} field added last, and a newline
     * @throws IllegalArgumentException when the bytes do not end with a closing brace
     */
    public static byte[] sign(byte[] object) {
        if (object.length < 2 || object[object.length - 1] != '}') {
            throw new IllegalArgumentException("object: must end with '}'");
        }
        byte[] tail = (new String(FIELD, StandardCharsets.US_ASCII) + sha256(object)
                        + new String(END, StandardCharsets.US_ASCII) + "\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] file = Arrays.copyOf(object, object.length - 1 + tail.length);
        System.arraycopy(tail, 0, file, object.length - 1, tail.length);
        return file;
    }

    /**
     * @param file a file's bytes
     * @return the SHA-256 (hex) of the object {@link #sign} signed, taken from the file's bytes (all before the
     *     checksum field, closed by a brace); {@code null} when the file does not end with the checksum field as
     *     {@link #sign} writes it (its newline may be missing). The caller compares it with the field it decoded.
     */
    public static String sha256OfSignedObject(byte[] file) {
        int end = file.length > 0 && file[file.length - 1] == '\n' ? file.length - 1 : file.length;
        int objectEnd = end - FIELD.length - HEX_LENGTH - END.length;
        if (objectEnd <= 0
                || !Arrays.equals(file, objectEnd, objectEnd + FIELD.length, FIELD, 0, FIELD.length)
                || !Arrays.equals(file, end - END.length, end, END, 0, END.length)) {
            return null;
        }
        MessageDigest digest = sha256Digest();
        digest.update(file, 0, objectEnd);
        digest.update((byte) '}');
        return HEX.formatHex(digest.digest());
    }

    /**
     * @param bytes any bytes
     * @return their SHA-256, hex
     */
    public static String sha256(byte[] bytes) {
        return HEX.formatHex(sha256Digest().digest(bytes));
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
