package io.jenkins.plugins.deployoften.model;

import java.io.Serializable;
import java.util.Optional;

/**
 * What is wrong with one entered value: the field, the kind of problem, its limits, the value and the allowed
 * form. The model's checks return these instead of throwing; the glue words one in the user's language ({@code
 * FieldProblems}), and {@link #message()} in English for the message of an {@link InvalidValueException}, which
 * logs and stack traces show.
 *
 * @param field the field as the form, the Jenkinsfile and Configuration as Code name it, such as {@code
 *     retries} or {@code gatePolicy.freshMaxDays}
 * @param kind what is wrong
 * @param min the smallest allowed number ({@link Kind#OUT_OF_RANGE}, {@link Kind#TOO_MANY_FOR_WINDOW}); else 0
 * @param max the largest allowed number, or the most characters a text may have; else 0
 * @param value the offending value as text; empty for a missing one
 * @param allowed the allowed values: the choices ({@link Kind#NOT_ONE_OF}, {@link Kind#UNKNOWN_RESULT}) or the
 *     window in days ({@link Kind#TOO_MANY_FOR_WINDOW}); else empty
 * @param form the allowed form of the value, or what to enter ({@link Kind#BLANK}); {@link Form#NONE} when the
 *     kind says it all
 */
public record FieldProblem(String field, Kind kind, long min, long max, String value, String allowed, Form form)
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

    /** The forms a value may have to take, which the glue words. */
    public enum Form {
        /** The kind of problem says it all. */
        NONE,
        /** An environment name: 1 to {@code max} letters, digits, {@code -}, {@code _} or {@code .}. */
        ENVIRONMENT_NAME,
        /** A folder's full name, such as {@code team-a/payments}. */
        FOLDER,
        /** The full name of a folder or a job, without empty parts between slashes. */
        JOB_OR_FOLDER,
        /** Service names, one per line, each 1 to {@code max} characters without control characters. */
        SERVICE_NAME,
        /** Every mapping that lists a service makes the same choice of sharing with other controllers. */
        SAME_SHARING,
        /** The shell or batch command that deploys the build. */
        DEPLOY_COMMAND,
        /** The build number an override is for. */
        OVERRIDE_BUILD,
        /** The commit an override is for. */
        OVERRIDE_COMMIT,
        /** The artifact fingerprint an override is for. */
        OVERRIDE_ARTIFACT,
        /** Who grants an override. */
        OVERRIDE_USER,
        /** Why a release may go out although the gate fails. */
        OVERRIDE_REASON
    }

    /** A problem whose allowed values need no form. */
    public FieldProblem(String field, Kind kind, long min, long max, String value, String allowed) {
        this(field, kind, min, max, value, allowed, Form.NONE);
    }

    /** Fills in the optional parts: {@code null} texts become empty ones, a missing form {@link Form#NONE}. */
    public FieldProblem {
        if (field == null || field.isEmpty()) {
            throw new IllegalArgumentException("field: must not be empty");
        }
        if (kind == null) {
            throw new IllegalArgumentException("kind: must be set");
        }
        value = value == null ? "" : value;
        allowed = allowed == null ? "" : allowed;
        form = form == null ? Form.NONE : form;
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
        return new FieldProblem(parent + "." + field, kind, min, max, value, allowed, form);
    }

    /**
     * @return the problem in English, naming the field first: {@code retries: must be 0 to 10, was 11}; the message of
     *     an exception, not what users read
     */
    public String message() {
        return field + ": " + detail();
    }

    /** @return the problem in English without the field's name */
    String detail() {
        switch (kind) {
            case OUT_OF_RANGE:
                return "must be " + min + " to " + max + ", was " + value;
            case TOO_MANY_FOR_WINDOW:
                return value + " deploys cannot fit in " + allowed + " days at one deploy per hour at most;"
                        + " must be " + min + " to " + max + ", was " + value;
            case BLANK:
                return form == Form.NONE ? "must not be empty" : "must not be empty: enter " + formText();
            case NOT_ONE_OF:
                return "must be one of " + allowed;
            case UNKNOWN_RESULT:
                return "'" + value + "' is not a deploy result; use one of " + allowed;
            case EMPTY_NAME:
                return "environment name is empty: use " + formText();
            case NAME_TOO_LONG:
                return "environment name '" + shownValue() + "' is longer than " + max + " characters: use "
                        + formText();
            case BAD_NAME:
                return "environment name '" + shownValue() + "' has characters that are not allowed: use " + formText();
            case NOT_ONE_WORD:
                return "must be one word of at most " + max + " characters, was '" + shownValue() + "'";
            case NOT_A_FOLDER:
                return "must be " + formText() + ", was '" + shownValue() + "'";
            case LISTED_TWICE:
                return "'" + shownValue() + "' is listed twice: list each once";
            case BAD_FORM:
                return "'" + shownValue() + "' is not allowed: use " + formText();
            default:
                throw new IllegalStateException("unknown kind " + kind);
        }
    }

    /** @return the form in English, for {@link #message()} */
    private String formText() {
        switch (form) {
            case ENVIRONMENT_NAME:
                return "1 to " + max + " letters, digits, '-', '_' or '.'";
            case FOLDER:
                return "a folder's full name such as team-a or team-a/payments";
            case JOB_OR_FOLDER:
                return "the full name of a folder or a job, such as team-a or team-a/payments,"
                        + " without empty parts between slashes";
            case SERVICE_NAME:
                return "one service name per line, each 1 to " + max + " characters without control characters";
            case SAME_SHARING:
                return "the same choice of sharing with other controllers in every mapping that lists a service";
            case DEPLOY_COMMAND:
                return "the shell (Unix) or batch (Windows) command that deploys the build";
            case OVERRIDE_BUILD:
                return "the build number the override is for";
            case OVERRIDE_COMMIT:
                return "the commit the override is for";
            case OVERRIDE_ARTIFACT:
                return "the artifact fingerprint the override is for";
            case OVERRIDE_USER:
                return "who grants the override";
            case OVERRIDE_REASON:
                return "why the release may go out although the gate fails";
            default:
                return allowed;
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
