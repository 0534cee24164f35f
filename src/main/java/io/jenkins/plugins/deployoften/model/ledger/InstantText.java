package io.jenkins.plugins.deployoften.model.ledger;

import java.time.Instant;

/**
 * Reads the timestamps {@link Instant#toString()} writes, {@code yyyy-MM-ddTHH:mm:ssZ} with no fraction or
 * a fraction of 3, 6 or 9 digits, digit by digit, without {@link java.time.format.DateTimeFormatter}.
 * Anything else (another fraction length, an offset, a year outside 0000 to 9999, an out-of-range field,
 * any other character) goes to {@link Instant#parse(CharSequence)}, which accepts or rejects it exactly as
 * before: the fast path only ever accepts text {@code Instant.parse} accepts too, with the same result.
 */
public final class InstantText {
    /** Days from 0000-01-01 to 1970-01-01 in the proleptic Gregorian calendar, as {@code LocalDate} counts. */
    private static final long DAYS_0000_TO_1970 = (146_097L * 5L) - (30L * 365L + 7L);

    private InstantText() {}

    /**
     * @param text an ISO-8601 instant
     * @return the instant, as {@link Instant#parse(CharSequence)} returns it
     * @throws java.time.format.DateTimeParseException when {@code Instant.parse} rejects the text
     */
    public static Instant parse(CharSequence text) {
        Instant instant = parseFixed(text);
        return instant != null ? instant : Instant.parse(text);
    }

    /**
     * @param text the text
     * @return the instant when the text is in exactly the format {@link Instant#toString()} writes for the
     *     years 0000 to 9999 and every field is in range, otherwise {@code null}
     */
    static Instant parseFixed(CharSequence text) {
        int length = text.length();
        if (length != 20 && length != 24 && length != 27 && length != 30) {
            return null;
        }
        if (text.charAt(4) != '-'
                || text.charAt(7) != '-'
                || text.charAt(10) != 'T'
                || text.charAt(13) != ':'
                || text.charAt(16) != ':'
                || text.charAt(length - 1) != 'Z') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (year < 0
                || month < 1
                || month > 12
                || day < 1
                || hour < 0
                || hour > 23
                || minute < 0
                || minute > 59
                || second < 0
                || second > 59) {
            return null;
        }
        if (day > lengthOfMonth(year, month)) {
            return null;
        }
        int nanos = 0;
        if (length > 20) {
            if (text.charAt(19) != '.') {
                return null;
            }
            int fractionDigits = length - 21;
            int fraction = digits(text, 20, fractionDigits);
            if (fraction < 0) {
                return null;
            }
            nanos = fractionDigits == 3 ? fraction * 1_000_000 : fractionDigits == 6 ? fraction * 1_000 : fraction;
        }
        long seconds = epochDay(year, month, day) * 86_400L + hour * 3_600L + minute * 60L + second;
        return Instant.ofEpochSecond(seconds, nanos);
    }

    /** @return the value of {@code count} (at most 9) ASCII digits from {@code start}, or -1 for any other character */
    private static int digits(CharSequence text, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private static boolean isLeapYear(int year) {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    private static int lengthOfMonth(int year, int month) {
        switch (month) {
            case 2:
                return isLeapYear(year) ? 29 : 28;
            case 4:
            case 6:
            case 9:
            case 11:
                return 30;
            default:
                return 31;
        }
    }

    /** {@code LocalDate.toEpochDay} for a valid date of a year from 0 to 9999. */
    private static long epochDay(int year, int month, int day) {
        long y = year;
        long total = 365L * y + (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400;
        total += (367L * month - 362) / 12;
        total += day - 1;
        if (month > 2) {
            total--;
            if (!isLeapYear(year)) {
                total--;
            }
        }
        return total - DAYS_0000_TO_1970;
    }
}
