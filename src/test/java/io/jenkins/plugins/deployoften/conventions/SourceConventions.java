package io.jenkins.plugins.deployoften.conventions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.xml.sax.SAXException;

/** Checks the plugin's resources against the project's Jelly, help and Messages conventions. */
final class SourceConventions {
    static final String ESCAPE_BY_DEFAULT = "<?jelly escape-by-default='true'?>";

    private static final Pattern XML_DECLARATION = Pattern.compile("^\\s*<\\?xml[^>]*\\?>");
    private static final Pattern FIELD = Pattern.compile("\\bfield=\"([^\"]+)\"");

    private SourceConventions() {}

    /** @return one line per Jelly file that is not well-formed XML or does not escape by default */
    static List<String> jellyProblems(Path resources) {
        List<String> problems = new ArrayList<>();
        for (Path jelly : files(resources, ".jelly")) {
            String text = read(jelly);
            String body = XML_DECLARATION.matcher(text).replaceFirst("").stripLeading();
            if (!body.startsWith(ESCAPE_BY_DEFAULT)) {
                problems.add(resources.relativize(jelly) + ": does not start with " + ESCAPE_BY_DEFAULT);
            }
            try {
                DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                factory.newDocumentBuilder().parse(jelly.toFile());
            } catch (SAXException | IOException | ParserConfigurationException e) {
                problems.add(resources.relativize(jelly) + ": not well-formed XML: " + e.getMessage());
            }
        }
        return problems;
    }

    private static final Pattern UNESCAPED_OUTPUT =
            Pattern.compile("escapeText=\"false\"|escape-by-default='false'|escape-by-default=\"false\"|<j:out\\b");

    /** @return one line per Jelly file that turns escaping off or prints raw markup */
    static List<String> unescapedOutput(Path resources) {
        List<String> problems = new ArrayList<>();
        for (Path jelly : files(resources, ".jelly")) {
            Matcher raw = UNESCAPED_OUTPUT.matcher(read(jelly));
            if (raw.find()) {
                problems.add(resources.relativize(jelly) + ": prints without escaping (" + raw.group() + ")");
            }
        }
        return problems;
    }

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}]*)}");
    /**
     * A property named as one of JEXL's words (its operators and literals): Jelly's JEXL cannot parse
     * {@code ${view.empty}} and the page stops rendering where it stands; {@code ${view.isEmpty()}} can.
     */
    private static final Pattern JEXL_WORD_PROPERTY =
            Pattern.compile("\\.(empty|not|and|or|div|mod|eq|ne|lt|gt|le|ge|null|true|false|new)\\b(?!\\s*\\()");

    /** @return one line per Jelly expression that reads a property JEXL takes for one of its words */
    static List<String> jexlWordProperties(Path resources) {
        List<String> problems = new ArrayList<>();
        for (Path jelly : files(resources, ".jelly")) {
            Matcher expression = EXPRESSION.matcher(read(jelly));
            while (expression.find()) {
                Matcher word = JEXL_WORD_PROPERTY.matcher(expression.group(1));
                if (word.find()) {
                    problems.add(resources.relativize(jelly) + ": JEXL cannot read the property '" + word.group(1)
                            + "' in " + expression.group() + "; call its getter");
                }
            }
        }
        return problems;
    }

    /** Inline code or style, which Jenkins' content security policy forbids: a script without src, a handler, a style. */
    private static final Pattern INLINE_CODE =
            Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>|\\son[a-z]+=\"|\\sstyle=\"|<style\\b");

    /**
     * @return one line per Jelly file with an inline script, an event handler attribute or inline style: scripts
     *     come from adjuncts or {@code <script src>}, styles from the adjuncts' CSS
     */
    static List<String> inlineCode(Path resources) {
        List<String> problems = new ArrayList<>();
        for (Path jelly : files(resources, ".jelly")) {
            Matcher inline = INLINE_CODE.matcher(read(jelly));
            if (inline.find()) {
                problems.add(resources.relativize(jelly) + ": inline code or style ("
                        + inline.group().strip() + ")");
            }
        }
        return problems;
    }

    /** A colour an SVG attribute or style gives itself: anything but {@code none} and {@code currentColor}. */
    private static final Pattern FIXED_COLOR = Pattern.compile(
            "\\b(fill|stroke|stop-color|color)\\s*[=:]\\s*\"?(?!none\\b|currentColor\\b)[#a-zA-Z(][^\";]*");

    /**
     * Jenkins symbols ({@code images/symbols/NAME.svg}, shown with {@code symbol-NAME plugin-deployoften}) take the
     * colour of the text around them, so they follow the theme.
     *
     * @return one line per symbol that is not well-formed XML, is not drawn in {@code currentColor}, or gives
     *     itself a colour, a style or a script
     */
    static List<String> symbolProblems(Path resources) {
        List<String> problems = new ArrayList<>();
        for (Path svg : files(resources.resolve("images/symbols"), ".svg")) {
            String where = resources.relativize(svg) + ": ";
            String text = read(svg);
            try {
                DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                factory.newDocumentBuilder().parse(svg.toFile());
            } catch (SAXException | IOException | ParserConfigurationException e) {
                problems.add(where + "not well-formed XML: " + e.getMessage());
            }
            if (!text.contains("currentColor")) {
                problems.add(where + "is not drawn in currentColor");
            }
            Matcher fixed = FIXED_COLOR.matcher(text);
            if (fixed.find()) {
                problems.add(where + "has a colour of its own (" + fixed.group() + ")");
            }
            if (text.contains("style") || text.contains("<script")) {
                problems.add(where + "has a style or a script");
            }
        }
        return problems;
    }

    /** @return one line per form field of a config or global page that has no help file beside it */
    static List<String> missingHelpFiles(Path resources) {
        return missingHelpFiles(resources, null);
    }

    /**
     * @param resources the resource root
     * @param java the Java source root, whose descriptors may point a field's help at another class's file with
     *     {@code addHelpFileRedirect}; {@code null} when no redirect counts
     * @return one line per form field of a config or global page that has no help file beside it, nor a redirect
     */
    static List<String> missingHelpFiles(Path resources, Path java) {
        List<String> problems = new ArrayList<>();
        for (Path jelly : files(resources, ".jelly")) {
            String name = jelly.getFileName().toString();
            if (!name.equals("config.jelly") && !name.equals("global.jelly")) {
                continue;
            }
            String redirects =
                    java == null ? "" : helpRedirects(java.resolve(resources.relativize(jelly.getParent()) + ".java"));
            Matcher field = FIELD.matcher(read(jelly));
            while (field.find()) {
                Path help = jelly.resolveSibling("help-" + field.group(1) + ".html");
                if (!Files.isRegularFile(help) && !redirects.contains("\"" + field.group(1) + "\"")) {
                    problems.add(resources.relativize(jelly) + ": field '" + field.group(1) + "' has no "
                            + resources.relativize(help));
                }
            }
        }
        return problems;
    }

    /** @return the source of a describable that redirects field help, or empty text */
    private static String helpRedirects(Path source) {
        if (!Files.isRegularFile(source)) {
            return "";
        }
        String text = read(source);
        return text.contains("addHelpFileRedirect(") ? text : "";
    }

    /** @return one line per duplicated key and per key that no Java source uses */
    static List<String> messageKeyProblems(Path resources, Path... javaRoots) {
        String java = javaRoots.length == 0
                ? ""
                : Stream.of(javaRoots)
                        .flatMap(root -> files(root, ".java").stream())
                        .map(SourceConventions::read)
                        .collect(Collectors.joining("\n"));
        List<String> problems = new ArrayList<>();
        for (Path properties : files(resources, "Messages.properties")) {
            Set<String> seen = new HashSet<>();
            for (String key : keys(properties)) {
                String where = resources.relativize(properties) + ": key '" + key + "'";
                if (!seen.add(key)) {
                    problems.add(where + " is defined more than once");
                }
                String method = key.replaceAll("[^A-Za-z0-9_]", "_");
                if (!java.contains("Messages." + method + "(") && !java.contains("Messages._" + method + "(")) {
                    problems.add(where + " is not used by any Java source");
                }
            }
        }
        return problems;
    }

    /** A Jelly text to localise, {@code ${%Text}} or {@code ${%key(args)}}: the text or key without arguments. */
    private static final Pattern JELLY_TEXT = Pattern.compile("\\$\\{%([^}(]*)");

    private static final Pattern UNDOUBLED_APOSTROPHE = Pattern.compile("(?<!')'(?:'')*(?!')");

    /**
     * Jelly's {@code ${%key}} (for a text without a key in a properties file too) and localizer's {@code Messages} format every text with {@link
     * java.text.MessageFormat}, which drops a lone apostrophe and quotes what follows it: every {@code '} in a
     * resource bundle must be written {@code ''}.
     *
     * @return {@code file: key} for each value, and each Jelly text, with an apostrophe that is not doubled
     */
    static List<String> undoubledApostrophes(Path resources) {
        List<String> problems = new ArrayList<>();
        for (Path file : files(resources, ".properties")) {
            java.util.Properties properties = new java.util.Properties();
            try (java.io.Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (String key : new java.util.TreeSet<>(properties.stringPropertyNames())) {
                if (UNDOUBLED_APOSTROPHE.matcher(properties.getProperty(key)).find()) {
                    problems.add(resources.relativize(file) + ": " + key + " has an apostrophe that is not doubled");
                }
            }
        }
        for (Path file : files(resources, ".jelly")) {
            Matcher text = JELLY_TEXT.matcher(read(file));
            while (text.find()) {
                if (UNDOUBLED_APOSTROPHE.matcher(text.group(1)).find()) {
                    problems.add(resources.relativize(file) + ": ${%" + text.group(1)
                            + "} has an apostrophe that is not doubled");
                }
            }
        }
        return problems;
    }

    /** The keys of a properties file in file order, duplicates included (java.util.Properties hides them). */
    static List<String> keys(Path properties) {
        List<String> keys = new ArrayList<>();
        boolean continued = false;
        for (String line : read(properties).split("\\R")) {
            String trimmed = line.strip();
            boolean startsEntry =
                    !continued && !trimmed.isEmpty() && !trimmed.startsWith("#") && !trimmed.startsWith("!");
            if (startsEntry) {
                keys.add(keyOf(trimmed));
            }
            continued = endsWithOddBackslashes(line) && (continued || startsEntry);
        }
        return keys;
    }

    private static String keyOf(String line) {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                key.append(line.charAt(++i));
            } else if (c == '=' || c == ':' || Character.isWhitespace(c)) {
                break;
            } else {
                key.append(c);
            }
        }
        return key.toString();
    }

    private static boolean endsWithOddBackslashes(String line) {
        int count = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            count++;
        }
        return count % 2 == 1;
    }

    static List<Path> files(Path root, String suffix) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
