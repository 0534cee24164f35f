package io.jenkins.plugins.deployoften.model.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.Test;

/** {@link Utf8#isWellFormed} agrees with the JDK's strict UTF-8 decoder on every short byte sequence and on noise. */
public class Utf8Test {
    @Test
    public void agreesWithTheJdkOnEverySequenceOfUpToThreeBytesAndOnRandomOnes() {
        int compared = 0;
        for (int a = 0; a < 256; a++) {
            check(new byte[] {(byte) a});
            for (int b = 0; b < 256; b++) {
                check(new byte[] {(byte) a, (byte) b});
                if (a >= 0xE0) {
                    for (int c = 0; c < 256; c += 3) {
                        check(new byte[] {(byte) a, (byte) b, (byte) c});
                        compared++;
                    }
                }
            }
        }
        Random random = new Random(3);
        for (int i = 0; i < 200_000; i++) {
            byte[] bytes = new byte[1 + random.nextInt(8)];
            for (int k = 0; k < bytes.length; k++) {
                // mostly lead and continuation bytes, where the rules are
                bytes[k] = (byte) (random.nextBoolean() ? 0x80 + random.nextInt(0x80) : random.nextInt(256));
            }
            check(bytes);
        }
        assertThat(compared).isGreaterThan(100_000);
        assertThat(Utf8.isWellFormed(new byte[] {(byte) 0xC0, (byte) 0x80})).isFalse();
        assertThat(Utf8.isWellFormed("é😀\u2028".getBytes(StandardCharsets.UTF_8)))
                .isTrue();
    }

    private static void check(byte[] bytes) {
        assertThat(Utf8.isWellFormed(bytes))
                .as(java.util.HexFormat.of().formatHex(bytes))
                .isEqualTo(jdk(bytes));
    }

    private static boolean jdk(byte[] bytes) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
