package io.jenkins.plugins.deployoften.model.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.Test;

/** {@link InstantText#parse(CharSequence)} answers exactly as {@link Instant#parse(CharSequence)}. */
public class InstantTextTest {

    @Test
    public void readsWhatInstantToStringWritesOnTheFastPath() {
        Random random = new Random(42);
        int fast = 0;
        for (int i = 0; i < 200_000; i++) {
            Instant instant = LedgerLineDecoderEquivalenceTest.anyInstant(random);
            String text = instant.toString();
            assertSameAsInstantParse(text);
            assertThat(InstantText.parse(text)).as(text).isEqualTo(instant);
            if (text.length() <= 30 && !text.startsWith("+") && !text.startsWith("-")) {
                assertThat(InstantText.parseFixed(text)).as(text).isEqualTo(instant);
                fast++;
            }
        }
        assertThat(fast).isGreaterThan(100_000);
    }

    @Test
    public void extremesAndCalendarEdges() {
        List<String> texts = new ArrayList<>(List.of(
                "1970-01-01T00:00:00Z",
                "0000-01-01T00:00:00Z",
                "0000-02-29T00:00:00Z",
                "0001-01-01T00:00:00Z",
                "9999-12-31T23:59:59.999999999Z",
                "1969-12-31T23:59:59.999Z",
                "2000-02-29T12:00:00Z",
                "1900-02-29T12:00:00Z",
                "2100-02-29T12:00:00Z",
                "2024-02-29T12:00:00Z",
                "2026-02-29T12:00:00Z",
                "2026-04-31T00:00:00Z",
                "2026-12-31T00:00:00Z",
                "2026-12-32T00:00:00Z",
                "2026-00-01T00:00:00Z",
                "2026-13-01T00:00:00Z",
                "2026-01-00T00:00:00Z",
                "2026-01-05T24:00:00Z",
                "2026-01-05T24:00:01Z",
                "2026-01-05T23:60:00Z",
                "2026-12-31T23:59:60Z",
                "2026-01-05T12:00:60Z",
                "2026-01-05T09:00:00.000Z",
                "2026-01-05T09:00:00.000000Z",
                "2026-01-05T09:00:00.000000000Z",
                "2026-01-05T09:00:00.Z",
                "2026-01-05T09:00:00.1Z",
                "2026-01-05T09:00:00.12Z",
                "2026-01-05T09:00:00.1234Z",
                "2026-01-05T09:00:00.12345Z",
                "2026-01-05T09:00:00.1234567Z",
                "2026-01-05T09:00:00.12345678Z",
                "2026-01-05T09:00:00.1234567890Z",
                "2026-01-05T09:00:00,123Z",
                "2026-01-05T09:00:00z",
                "2026-01-05t09:00:00Z",
                "2026-01-05 09:00:00Z",
                "2026-01-05T09:00Z",
                "2026-01-05T09:00:00",
                "2026-01-05T09:00:00+00:00",
                "2026-01-05T10:00:00+01:00",
                "2026-01-05T09:00:00.123+01:00",
                "2026-01-05T09:00:00-00:00",
                "2026-01-05T09:00:00+0100",
                "+2026-01-05T09:00:00Z",
                "+10000-01-01T00:00:00Z",
                "-0001-01-01T00:00:00Z",
                "-1000000000-01-01T00:00:00Z",
                "+1000000000-12-31T23:59:59.999999999Z",
                "+1000000001-01-01T00:00:00Z",
                "12026-01-05T09:00:00Z",
                "2026-1-05T09:00:00Z",
                "２０２６-01-05T09:00:00Z",
                "2026-01-05T09:00:00Z ",
                " 2026-01-05T09:00:00Z",
                "2026-01-05T09:00:00ZZ",
                "",
                "Z",
                "2026/01/05T09:00:00Z"));
        for (String text : texts) {
            assertSameAsInstantParse(text);
        }
    }

    @Test
    public void everySingleCharacterChangeAnswersAsInstantParse() {
        char[] replacements = "0123456789-+:.TtZz ,/\u0660".toCharArray();
        for (String text : List.of(
                "2024-02-29T23:59:59Z",
                "2026-12-31T23:59:59.999Z",
                "1999-09-09T09:09:09.123456Z",
                "2000-01-01T00:00:00.123456789Z")) {
            for (int at = 0; at < text.length(); at++) {
                for (char c : replacements) {
                    assertSameAsInstantParse(text.substring(0, at) + c + text.substring(at + 1));
                    assertSameAsInstantParse(text.substring(0, at) + c + text.substring(at));
                }
                assertSameAsInstantParse(text.substring(0, at) + text.substring(at + 1));
                assertSameAsInstantParse(text.substring(0, at));
            }
        }
    }

    @Test
    public void everyDayOfSomeYearsAndEveryFieldValue() {
        for (int year : new int[] {0, 4, 100, 400, 1600, 1700, 1900, 1970, 1999, 2000, 2024, 2026, 2100, 9999}) {
            for (int month = 0; month <= 13; month++) {
                for (int day = 0; day <= 32; day++) {
                    assertSameAsInstantParse(String.format("%04d-%02d-%02dT12:34:56Z", year, month, day));
                }
            }
        }
        for (int hour = 0; hour <= 99; hour++) {
            assertSameAsInstantParse(String.format("2026-06-15T%02d:00:00Z", hour));
            assertSameAsInstantParse(String.format("2026-06-15T00:%02d:00.000Z", hour));
            assertSameAsInstantParse(String.format("2026-06-15T00:00:%02d.000000Z", hour));
        }
    }

    private static void assertSameAsInstantParse(String text) {
        Instant expected;
        try {
            expected = Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                Instant actual = InstantText.parse(text);
                throw new AssertionError("Instant.parse rejects " + text + " but InstantText.parse gives " + actual);
            } catch (DateTimeParseException expectedToo) {
                assertThat(InstantText.parseFixed(text)).as(text).isNull();
                return;
            }
        }
        assertThat(InstantText.parse(text)).as(text).isEqualTo(expected);
        Instant fast = InstantText.parseFixed(text);
        if (fast != null) {
            assertThat(fast).as(text).isEqualTo(expected);
        }
    }
}
