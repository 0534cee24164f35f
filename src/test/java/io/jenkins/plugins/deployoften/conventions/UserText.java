package io.jenkins.plugins.deployoften.conventions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds English that users would read in the Java sources of the glue and the model, which must come from {@code
 * Messages} (so it can be translated) instead.
 *
 * <p>The rule. Every string literal (text blocks included) of every {@code .java} file under the source root is
 * looked at, except:
 *
 * <ul>
 *   <li>in comments and in annotations ({@code @Symbol("...")}, {@code @SuppressFBWarnings(justification = "...")});
 *   <li>in a statement that logs through a {@code java.util.logging} logger ({@code LOGGER.log(...)}, {@code
 *       LOGGER.warning(...)}): the controller's log is for administrators and support, in English;
 *   <li>in a statement that throws a programming error or guards a precondition the glue has already checked:
 *       {@code new IllegalArgumentException}, {@code IllegalStateException} (and the ledger's {@code
 *       UnreadableSummaryPartException}, one caught inside it), {@code UnsupportedOperationException},
 *       {@code NullPointerException}, {@code AssertionError}, {@code Objects.requireNonNull}. Bad input a user
 *       entered is reported as a {@code FieldProblem} and worded by the glue, never by such a message;
 *   <li>in a statement that throws an I/O or SQL failure ({@code new IOException}, {@code UncheckedIOException},
 *       {@code new SQLFeatureNotSupportedException}, ...): a diagnostic, as the operating system's and the JDBC
 *       driver's own messages that come with it, which Jenkins shows untranslated too;
 *   <li>in the body of a {@code toString()} method: a programmer's view of a value;
 *   <li>in a statement that sets or reads an HTTP header ({@code setHeader("Vary", ...)}) or makes a date
 *       pattern ({@code DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")});
 *   <li>in a statement that names a thread ({@code new Thread(..., "...")}) or, in a periodic work, the work
 *       ({@code super("...")}): Jenkins names its own in English; likewise {@code super("...")}, the message, in
 *       a file that declares an exception of its own;
 *   <li>SQL (a literal with an SQL keyword in capitals, such as {@code SELECT} or {@code AND}, or a
 *       {@code snake_case} column name), markup ({@code <svg ...>}, {@code attribute="}) and comma-separated
 *       values without spaces (a CSS font list), and Jenkins symbol names ({@code "symbol-deployoften
 *       plugin-deployoften"});
 *   <li>in a file of {@link #FORMATS}: the fixed wording of a file format (the gate's audit trail), which must not
 *       change with the language; and in {@link #REFUSAL_MESSAGES}, the English of the model's refusals as
 *       exception messages.
 * </ul>
 *
 * A literal looks like user-visible English when it has two words of letters next to each other ({@code "no
 * data"}), starts or ends with a word next to a space (a piece of a sentence: {@code " ago"}, {@code "last "}), or
 * is one or more words that start with a capital ({@code "Successful"}, {@code "Median duration"}). Identifiers,
 * keys, paths, media types, header names and number formats do not.
 */
final class UserText {
    /** Files whose literals are a file format's fixed words, relative to the source root. */
    static final Set<String> FORMATS = Set.of("io/jenkins/plugins/deployoften/model/gate/AuditWording.java");

    /**
     * Files whose literals are the English message of the model's refusals ({@code FieldProblem.message()}, the
     * message of an {@code InvalidValueException}): an exception's message, as above; users read {@code
     * FieldProblems}' words.
     */
    static final Set<String> REFUSAL_MESSAGES = Set.of("io/jenkins/plugins/deployoften/model/FieldProblem.java");

    private static final Pattern TWO_WORDS = Pattern.compile("\\p{L}{2,}[ \\t]+\\p{L}{2,}");
    private static final Pattern SENTENCE_PIECE = Pattern.compile("^\\s+\\p{L}{2,}|\\p{L}{2,}\\s+$");
    private static final Pattern CAPITALISED_WORDS = Pattern.compile("^\\p{Lu}\\p{Ll}+( \\p{L}+)*[.!?:]?$");
    private static final Pattern EXEMPT_STATEMENT = Pattern.compile(
            "\\b(LOGGER|LOG|logger)\\s*\\.\\s*(log|logp|severe|warning|info|config|fine|finer|finest)\\s*\\("
                    + "|\\bnew\\s+(IllegalArgumentException|IllegalStateException|UnreadableSummaryPartException"
                    + "|UnsupportedOperationException"
                    + "|NullPointerException|AssertionError|\\w*IOException|SQL\\w*Exception)\\s*\\("
                    + "|\\bObjects\\s*\\.\\s*requireNonNull\\s*\\("
                    + "|\\bnew\\s+Thread\\s*\\("
                    + "|\\.\\s*(set|add|get)Header\\s*\\("
                    + "|\\bDateTimeFormatter\\s*\\.\\s*ofPattern\\s*\\(");
    /** A class whose {@code super("...")} names it or states an I/O failure. */
    private static final Pattern NAMED_SUPER =
            Pattern.compile("\\bextends\\s+(Async(Periodic|Aperiodic)Work|PeriodicWork|\\w*Exception)\\b");

    private static final Pattern WORK_NAME = Pattern.compile("^super\\s*\\(");
    private static final Pattern SQL = Pattern.compile(
            "\\b(SELECT|INSERT|UPDATE|DELETE|WHERE|VALUES|FROM|AND|OR|ORDER BY|GROUP BY|CREATE|ALTER|DROP|TABLE|INDEX"
                    + "|ON CONFLICT|LIMIT|OFFSET|JOIN|NOT|EXISTS|NULL|SET|INTO|DISTINCT|COALESCE|MAX|MIN|COUNT)\\b"
                    + "|\\b\\p{Ll}+_[\\p{Ll}_\\d]+\\b");
    private static final Pattern MARKUP = Pattern.compile("<\\w|=\"|\">|/>");
    private static final Pattern PACKED_LIST = Pattern.compile("^[^,]+(,[^, ][^,]*)+$");
    private static final Pattern SYMBOL_NAME = Pattern.compile("^symbol-[\\w-]+( plugin-[\\w-]+)?$");
    private static final Pattern TO_STRING = Pattern.compile("\\bpublic\\s+String\\s+toString\\s*\\(\\s*\\)\\s*\\{");

    private UserText() {}

    /**
     * @param root the Java source root
     * @return one line per literal that looks like user-visible English: {@code path:line: "literal"}
     */
    static List<String> breaches(Path root) {
        List<String> breaches = new ArrayList<>();
        for (Path file : SourceConventions.files(root, ".java")) {
            String path = root.relativize(file).toString().replace('\\', '/');
            if (!FORMATS.contains(path) && !REFUSAL_MESSAGES.contains(path)) {
                for (Literal literal : literals(SourceConventions.read(file))) {
                    breaches.add(path + ":" + literal.line + ": \"" + literal.text + "\"");
                }
            }
        }
        return breaches;
    }

    /** A string literal that looks like user-visible English. */
    record Literal(int line, String text) {}

    /** @return the literals of a Java source that look like user-visible English and are not exempt */
    static List<Literal> literals(String source) {
        Lexed lexed = lex(source);
        List<Literal> found = new ArrayList<>();
        for (Lexed.Token token : lexed.literals) {
            if (looksLikeEnglish(token.text)
                    && !lexed.inAnnotation(token.start)
                    && !lexed.inToString(token.start)
                    && !exemptStatement(lexed, token)) {
                found.add(new Literal(lineOf(source, token.start), token.text));
            }
        }
        return found;
    }

    static boolean looksLikeEnglish(String text) {
        if (SQL.matcher(text).find()
                || MARKUP.matcher(text).find()
                || PACKED_LIST.matcher(text).matches()
                || SYMBOL_NAME.matcher(text).matches()) {
            return false;
        }
        return TWO_WORDS.matcher(text).find()
                || SENTENCE_PIECE.matcher(text).find()
                || CAPITALISED_WORDS.matcher(text).matches();
    }

    private static boolean exemptStatement(Lexed lexed, Lexed.Token token) {
        String code = lexed.code;
        int start = token.start;
        while (start > 0 && ";{}".indexOf(code.charAt(start - 1)) < 0) {
            start--;
        }
        String statement = code.substring(start, token.start);
        return EXEMPT_STATEMENT.matcher(statement).find()
                || NAMED_SUPER.matcher(code).find()
                        && WORK_NAME.matcher(statement.strip()).find();
    }

    private static int lineOf(String source, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (source.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /**
     * A source with its comments blanked and its literals recorded: {@code code} keeps every offset, comments and
     * literal contents replaced by spaces.
     */
    private static final class Lexed {
        record Token(int start, String text) {}

        final String code;
        final List<Token> literals;
        final List<int[]> annotations;
        final List<int[]> toStrings;

        Lexed(String code, List<Token> literals) {
            this.code = code;
            this.literals = literals;
            this.annotations = balanced(code, Pattern.compile("@[\\w.]+\\s*\\("), '(', ')');
            this.toStrings = balanced(code, TO_STRING, '{', '}');
        }

        boolean inAnnotation(int offset) {
            return within(annotations, offset);
        }

        boolean inToString(int offset) {
            return within(toStrings, offset);
        }

        private static boolean within(List<int[]> ranges, int offset) {
            return ranges.stream().anyMatch(range -> offset > range[0] && offset < range[1]);
        }

        /** @return the ranges from each match of {@code start}, which ends with {@code open}, to its closing one */
        private static List<int[]> balanced(String code, Pattern start, char open, char close) {
            List<int[]> ranges = new ArrayList<>();
            java.util.regex.Matcher at = start.matcher(code);
            while (at.find()) {
                int depth = 0;
                int i = at.end() - 1;
                for (; i < code.length(); i++) {
                    char c = code.charAt(i);
                    if (c == open) {
                        depth++;
                    } else if (c == close && --depth == 0) {
                        break;
                    }
                }
                ranges.add(new int[] {at.start(), i});
            }
            return ranges;
        }
    }

    private static Lexed lex(String source) {
        StringBuilder code = new StringBuilder(source.length());
        List<Lexed.Token> literals = new ArrayList<>();
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                end = end < 0 ? source.length() : end;
                blank(code, source, i, end);
                i = end;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? source.length() : end + 2;
                blank(code, source, i, end);
                i = end;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? source.length() : end;
                literals.add(new Lexed.Token(
                        i,
                        source.substring(source.indexOf('\n', i) + 1, end)
                                .stripIndent()
                                .strip()));
                code.append("\"\"\"");
                blank(code, source, i + 3, end);
                code.append("\"\"\"");
                i = Math.min(source.length(), end + 3);
            } else if (c == '"' || c == '\'') {
                StringBuilder text = new StringBuilder();
                int j = i + 1;
                while (j < source.length() && source.charAt(j) != c && source.charAt(j) != '\n') {
                    if (source.charAt(j) == '\\' && j + 1 < source.length()) {
                        text.append(unescaped(source.charAt(j + 1)));
                        j += 2;
                    } else {
                        text.append(source.charAt(j++));
                    }
                }
                if (c == '"') {
                    literals.add(new Lexed.Token(i, text.toString()));
                }
                code.append(c);
                blank(code, source, i + 1, j);
                code.append(c);
                i = Math.min(source.length(), j + 1);
            } else {
                code.append(c);
                i++;
            }
        }
        return new Lexed(code.toString(), literals);
    }

    private static char unescaped(char escaped) {
        switch (escaped) {
            case 'n':
            case 't':
            case 'r':
                return ' ';
            default:
                return escaped;
        }
    }

    /** Appends the source's characters from {@code start} to {@code end} as spaces, line breaks kept. */
    private static void blank(StringBuilder code, String source, int start, int end) {
        for (int k = start; k < end; k++) {
            code.append(source.charAt(k) == '\n' ? '\n' : ' ');
        }
    }
}
