package io.jenkins.plugins.deployoften.model;

import java.io.Serializable;
import java.util.Optional;

/**
 * What is wrong with one entered value: the field, the kind of problem, its limits and the value. The model's
 * checks return these instead of throwing; {@link #message()} words one in English for logs and exceptions,
 * and the glue words it in the user's language.
 *
 * @param field the field as the form, the Jenkinsfile and Configuration as Code name it, such as {@code
 *     retries} or {@code gatePolicy.freshMaxDays}
 * @param kind what is wrong
 * @param min the smallest allowed number ({@link Kind#OUT_OF_RANGE}, {@link Kind#TOO_MANY_FOR_WINDOW}); else 0
 * @param max the largest allowed number, or the most characters a text may have; else 0
 * @param value the offending value as text; empty for a missing one
 * @param allowed the allowed values in words: the choices ({@link Kind#NOT_ONE_OF}, {@link
 *     Kind#UNKNOWN_RESULT}), the window in days ({@link Kind#TOO_MANY_FOR_WINDOW}), the allowed form of a
 *     name, or what to enter ({@link Kind#BLANK}); else empty
 */
public record FieldProblem(String field, Kind kind, long min, long max, String value, String allowed)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /** How many characters of an offending word a message shows. */
    private static final int SHOWN_WORD = 40;

    /** The kinds of problem a value can have. */
    public enum Kind {
        /** A number outside {@code min} to {@code max}. */
        OUT_OF_RANGE,
        /** More deploys than a window of {@code allowed} days holds; {@code max} is the most that fit. */
        TOO_MANY_FOR_WINDOW,
        /** A required text is missing or blank; {@code allowed} says what to enter. */
        BLANK,
        /** A required choice is missing; {@code allowed} lists the choices. */
        NOT_ONE_OF,
        /** A text that is not a deploy result; {@code allowed} lists the results. */
        UNKNOWN_RESULT,
        /** A name is empty; {@code max} is the most characters, {@code allowed} the allowed form. */
        EMPTY_NAME,
        /** A name is longer than {@code max} characters. */
        NAME_TOO_LONG,
        /** A name has characters outside the allowed form. */
        BAD_NAME,
        /** A text that must be one word of at most {@code max} characters is not. */
        NOT_ONE_WORD,
        /** A text that is not a folder's full name; {@code allowed} says the form. */
        NOT_A_FOLDER,
        /** A value listed twice where each may be listed once. */
        LISTED_TWICE,
        /** A text outside its allowed form; {@code allowed} says the form. */
        BAD_FORM
    }

    /** Fills in the optional parts: {@code null} texts become empty ones. */
    public FieldProblem {
        if (field == null || field.isEmpty()) {
            throw new IllegalArgumentException("field: must not be empty");
        }
        if (kind == null) {
            throw new IllegalArgumentException("kind: must be set");
        }
        value = value == null ? "" : value;
        allowed = allowed == null ? "" : allowed;
    }

    /** @return a number outside {@code min} to {@code max} */
    public static FieldProblem outOfRange(String field, long min, long max, long value) {
        return new FieldProblem(field, Kind.OUT_OF_RANGE, min, max, String.valueOf(value), "");
    }

    /** @return the problem when {@code value} is outside {@code min} to {@code max}, else empty */
    public static Optional<FieldProblem> ifOutOfRange(String field, long min, long max, long value) {
        return value < min || value > max ? Optional.of(outOfRange(field, min, max, value)) : Optional.empty();
    }

    /** @return a copy naming the field inside {@code parent}, such as {@code gatePolicy.freshMaxDays} */
    public FieldProblem within(String parent) {
        return new FieldProblem(parent + "." + field, kind, min, max, value, allowed);
    }

    /** @return the problem in English, naming the field first: {@code retries: must be 0 to 10, was 11} */
    public String message() {
        return field + ": " + detail();
    }

    /** @return the problem in English without the field's name */
    public String detail() {
        switch (kind) {
            case OUT_OF_RANGE:
                return "must be " + min + " to " + max + ", was " + value;
            case TOO_MANY_FOR_WINDOW:
                return value + " deploys cannot fit in " + allowed + " days at one deploy per hour at most;"
                        + " must be " + min + " to " + max + ", was " + value;
            case BLANK:
                return "enter " + allowed;
            case NOT_ONE_OF:
                return "must be one of " + allowed;
            case UNKNOWN_RESULT:
                return "'" + value + "' is not a deploy result; use one of " + allowed;
            case EMPTY_NAME:
                return "environment name is empty: use " + allowed;
            case NAME_TOO_LONG:
                return "environment name '" + shownValue() + "' is longer than " + max + " characters: use " + allowed;
            case BAD_NAME:
                return "environment name '" + shownValue() + "' has characters that are not allowed: use " + allowed;
            case NOT_ONE_WORD:
                return "must be one word of at most " + max + " characters, was '" + shownValue() + "'";
            case NOT_A_FOLDER:
                return "must be " + allowed + ", was '" + shownValue() + "'";
            case LISTED_TWICE:
                return "'" + shownValue() + "' is listed twice: list each once";
            case BAD_FORM:
                return "'" + shownValue() + "' is not allowed: use " + allowed;
            default:
                throw new IllegalStateException("unknown kind " + kind);
        }
    }

    /**
     * @return the offending value as messages show it: a name longer than {@code max}, or a word longer than 40
     *     characters, cut short with {@code …}
     */
    public String shownValue() {
        switch (kind) {
            case EMPTY_NAME:
            case NAME_TOO_LONG:
            case BAD_NAME:
                return shortened(value, (int) max);
            case NOT_ONE_WORD:
            case NOT_A_FOLDER:
            case LISTED_TWICE:
            case BAD_FORM:
                return shortened(value, SHOWN_WORD);
            default:
                return value;
        }
    }

    private static String shortened(String text, int most) {
        return text.length() > most ? text.substring(0, most) + "…" : text;
    }

    /** @return the problem in English */
    @Override
    public String toString() {
        return message();
    }
}
