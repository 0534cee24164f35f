package io.jenkins.plugins.deployoften.conventions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The project's own sources follow the conventions, and the checks catch each kind of breach. */
public class SourceConventionsTest {
    private static final Path ROOT = Paths.get(System.getProperty("deployoften.sourceRoot", "."));
    private static final Path RESOURCES = ROOT.resolve("src/main/resources");

    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();

    @Test
    public void pluginResourcesExist() {
        assertThat(RESOURCES.resolve("index.jelly")).isRegularFile();
    }

    @Test
    public void everyJellyFileIsWellFormedAndEscapesByDefault() {
        assertThat(SourceConventions.jellyProblems(RESOURCES)).isEmpty();
    }

    @Test
    public void noJellyFileTurnsEscapingOffOrPrintsRawMarkup() {
        assertThat(SourceConventions.unescapedOutput(RESOURCES)).isEmpty();
    }

    @Test
    public void catchesRawOutput() throws IOException {
        Path root = temporary.newFolder().toPath();
        write(
                root.resolve("a.jelly"),
                SourceConventions.ESCAPE_BY_DEFAULT + "<j:jelly><j:out value='${x}'/></j:jelly>");
        write(
                root.resolve("b.jelly"),
                SourceConventions.ESCAPE_BY_DEFAULT + "<st:out value='${x}' escapeText=\"false\"/>");
        write(root.resolve("c.jelly"), SourceConventions.ESCAPE_BY_DEFAULT + "<p>${x}</p>");

        assertThat(SourceConventions.unescapedOutput(root)).hasSize(2).allMatch(line -> !line.startsWith("c.jelly"));
    }

    @Test
    public void noJellyExpressionReadsAPropertyJexlTakesForAWord() {
        assertThat(SourceConventions.jexlWordProperties(RESOURCES)).isEmpty();
    }

    @Test
    public void catchesPropertiesNamedAsJexlWords() throws IOException {
        Path root = temporary.newFolder().toPath();
        write(
                root.resolve("a.jelly"),
                SourceConventions.ESCAPE_BY_DEFAULT + "<j:if test='${it and !it.health.empty}'/>");
        write(root.resolve("b.jelly"), SourceConventions.ESCAPE_BY_DEFAULT + "<p>${it.health.isEmpty()}</p>");
        write(root.resolve("c.jelly"), SourceConventions.ESCAPE_BY_DEFAULT + "<p>${it.emptyText} ${a.jobs gt 0}</p>");

        assertThat(SourceConventions.jexlWordProperties(root))
                .singleElement(STRING)
                .startsWith("a.jelly")
                .contains("'empty'");
    }

    @Test
    public void noJellyFileHasInlineScriptOrStyle() {
        assertThat(SourceConventions.inlineCode(RESOURCES)).isEmpty();
    }

    @Test
    public void catchesInlineScriptHandlersAndStyle() throws IOException {
        Path root = temporary.newFolder().toPath();
        String start = SourceConventions.ESCAPE_BY_DEFAULT + "<j:jelly>";
        write(root.resolve("a.jelly"), start + "<script>alert(1)</script></j:jelly>");
        write(root.resolve("b.jelly"), start + "<button onclick=\"go()\"/></j:jelly>");
        write(root.resolve("c.jelly"), start + "<div style=\"width: 5px\"/></j:jelly>");
        write(root.resolve("d.jelly"), start + "<script src=\"${resURL}/a.js\"/><div data-style=\"x\"/></j:jelly>");

        assertThat(SourceConventions.inlineCode(root)).hasSize(3).allMatch(line -> !line.startsWith("d.jelly"));
    }

    @Test
    public void everySymbolIsDrawnInTheThemesColour() {
        assertThat(RESOURCES.resolve("images/symbols/deployoften.svg")).isRegularFile();
        assertThat(SourceConventions.symbolProblems(RESOURCES)).isEmpty();
    }

    @Test
    public void catchesSymbolsWithAColourOfTheirOwn() throws IOException {
        Path root = temporary.newFolder().toPath();
        String open = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 16 16\">";
        write(
                root.resolve("images/symbols/good.svg"),
                open + "<path d=\"M1 1h4\" fill=\"none\" stroke=\"currentColor\"/></svg>");
        write(
                root.resolve("images/symbols/hex.svg"),
                open + "<circle r=\"7\" fill=\"#2e8540\"/><path d=\"M1 1\" fill=\"currentColor\"/></svg>");
        write(root.resolve("images/symbols/named.svg"), open + "<path d=\"M1 1\" stroke=\"white\"/></svg>");
        write(
                root.resolve("images/symbols/styled.svg"),
                open + "<path d=\"M1 1\" style=\"fill: red\" stroke=\"currentColor\"/></svg>");

        assertThat(SourceConventions.symbolProblems(root))
                .anyMatch(line -> line.startsWith("images/symbols/hex.svg: has a colour of its own"))
                .anyMatch(line -> line.startsWith("images/symbols/named.svg: is not drawn in currentColor"))
                .anyMatch(line -> line.startsWith("images/symbols/named.svg: has a colour of its own"))
                .anyMatch(line -> line.startsWith("images/symbols/styled.svg: has a colour of its own"))
                .noneMatch(line -> line.startsWith("images/symbols/good.svg"));
    }

    @Test
    public void everyConfigurationFieldHasAHelpFile() {
        assertThat(SourceConventions.missingHelpFiles(RESOURCES, ROOT.resolve("src/main/java")))
                .isEmpty();
    }

    @Test
    public void everyMessageKeyIsUsedAndDefinedOnce() {
        assertThat(SourceConventions.messageKeyProblems(RESOURCES, ROOT.resolve("src/main/java")))
                .isEmpty();
    }

    @Test
    public void everyApostropheInAResourceBundleIsDoubled() {
        assertThat(SourceConventions.undoubledApostrophes(RESOURCES)).isEmpty();
    }

    @Test
    public void catchesApostrophesThatMessageFormatWouldDrop() throws IOException {
        Path root = temporary.newFolder().toPath();
        write(
                root.resolve("a/index.properties"),
                "lone=this controller's deploys\n"
                        + "doubled=this controller''s deploys\n"
                        + "tripled=a '''quoted''' word\n"
                        + "none=no apostrophe {0}\n");
        write(
                root.resolve("a/index.jelly"),
                SourceConventions.ESCAPE_BY_DEFAULT
                        + "<p title=\"${%Use this job's rules}\">${%ok} ${%It''s fine} ${%pending(a, b)}</p>");

        assertThat(SourceConventions.undoubledApostrophes(root))
                .containsExactly(
                        "a/index.properties: lone has an apostrophe that is not doubled",
                        "a/index.properties: tripled has an apostrophe that is not doubled",
                        "a/index.jelly: ${%Use this job's rules} has an apostrophe that is not doubled");
    }

    @Test
    public void catchesJellyWithoutEscapeByDefault() throws IOException {
        Path root = temporary.newFolder().toPath();
        write(root.resolve("a/index.jelly"), "<?xml version='1.0'?>\n<j:jelly xmlns:j='jelly:core'/>");
        write(
                root.resolve("b/index.jelly"),
                "<?xml version='1.0'?>\n" + SourceConventions.ESCAPE_BY_DEFAULT + "\n<j:jelly/>");

        assertThat(SourceConventions.jellyProblems(root))
                .singleElement(STRING)
                .contains("a/index.jelly")
                .contains("does not start with");
    }

    @Test
    public void catchesJellyThatIsNotWellFormed() throws IOException {
        Path root = temporary.newFolder().toPath();
        write(root.resolve("broken.jelly"), SourceConventions.ESCAPE_BY_DEFAULT + "\n<j:jelly><f:entry></j:jelly>");

        assertThat(SourceConventions.jellyProblems(root)).singleElement(STRING).contains("not well-formed");
    }

    @Test
    public void catchesAFieldWithoutHelp() throws IOException {
        Path root = temporary.newFolder().toPath();
        write(root.resolve("X/config.jelly"), "<f:entry field=\"documented\"/><f:entry field=\"forgotten\"/>");
        write(root.resolve("X/help-documented.html"), "<div>help</div>");

        assertThat(SourceConventions.missingHelpFiles(root))
                .singleElement(STRING)
                .contains("'forgotten'");
    }

    @Test
    public void acceptsHelpThatTheDescriptorRedirectsAndNoOtherField() throws IOException {
        Path root = temporary.newFolder().toPath();
        write(root.resolve("res/p/X/config.jelly"), "<f:entry field=\"shared\"/><f:entry field=\"forgotten\"/>");
        write(
                root.resolve("java/p/X.java"),
                "class X { X() { addHelpFileRedirect(\"shared\", Other.class, \"shared\"); } }");

        assertThat(SourceConventions.missingHelpFiles(root.resolve("res"), root.resolve("java")))
                .singleElement(STRING)
                .contains("'forgotten'");
        assertThat(SourceConventions.missingHelpFiles(root.resolve("res"))).hasSize(2);
    }

    @Test
    public void catchesUnusedAndDuplicatedKeys() throws IOException {
        Path root = temporary.newFolder().toPath();
        write(
                root.resolve("res/Messages.properties"),
                "# comment\nUsed.key=a \\\n  continued=not a key\nUnused.key=b\nUsed.key=c\n");
        write(root.resolve("java/A.java"), "class A { String s = Messages.Used_key(); }");

        assertThat(SourceConventions.messageKeyProblems(root.resolve("res"), root.resolve("java")))
                .containsExactlyInAnyOrder(
                        "Messages.properties: key 'Unused.key' is not used by any Java source",
                        "Messages.properties: key 'Used.key' is defined more than once");
    }

    @Test
    public void readsKeysWithEscapesAndSeparators() throws IOException {
        Path file = temporary.newFile("Messages.properties").toPath();
        write(file, "a\\ b = 1\nc:2\n! bang comment\nd 3\n");

        assertThat(SourceConventions.keys(file)).containsExactly("a b", "c", "d");
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
