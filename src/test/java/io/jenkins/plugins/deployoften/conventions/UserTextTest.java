package io.jenkins.plugins.deployoften.conventions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * No user-visible English in the Java sources of the glue and the model outside {@code Messages} and the audit
 * trail's format (the rule is {@link UserText}'s).
 */
public class UserTextTest {
    private static final Path JAVA =
            Paths.get(System.getProperty("deployoften.sourceRoot", ".")).resolve("src/main/java");

    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();

    @Test
    public void everyUserVisibleTextComesFromMessages() {
        assertThat(UserText.breaches(JAVA)).isEmpty();
    }

    @Test
    public void theAuditFormatIsAFileThatExists() {
        assertThat(UserText.FORMATS)
                .allSatisfy(format -> assertThat(JAVA.resolve(format)).isRegularFile());
    }

    @Test
    public void catchesEnglishInCodeAndLeavesWhatIsExempt() throws IOException {
        Path root = temporary.newFolder().toPath();
        write(
                root.resolve("p/Breach.java"),
                String.join(
                        "\n",
                        "class Breach {",
                        "  String a = \"no data\";",
                        "  String b = last + \" ago\";",
                        "  String c = \"Successful\";",
                        "  String d = \"\"\"",
                        "      Deploy health",
                        "      \"\"\";",
                        "}"));
        write(
                root.resolve("p/Exempt.java"),
                String.join(
                        "\n",
                        "@SuppressFBWarnings(justification = \"the pool has its own logging\")",
                        "class Exempt {",
                        "  // a comment with several words",
                        "  /* another \"quoted text\" comment */",
                        "  char quote = '\"';",
                        "  String id = \"deployToStaging\", path = \"deployoften/\", type = \"image/svg+xml\";",
                        "  String header = \"Content-Type\", format = \"%.1f\", key = \"GateWords.summary\";",
                        "  void run() {",
                        "    LOGGER.log(Level.WARNING, \"cannot read the ledger of \" + job, e);",
                        "    throw new IllegalArgumentException(\"field: must not be empty\");",
                        "  }",
                        "  void read() throws IOException {",
                        "    throw new IOException(\"not a file in a directory: \" + file);",
                        "  }",
                        "  String sql = \"SELECT job FROM deployoften_deploy WHERE job = ?\";",
                        "  String svg = \"<text aria-hidden=\\\"true\\\" x=\\\"\";",
                        "  String fonts = \"DejaVu Sans,Verdana,sans-serif\";",
                        "  String icon = \"symbol-deployoften plugin-deployoften\";",
                        "  Thread flusher = new Thread(runnable, \"DeployOften ledger summary flush\");",
                        "  @Override",
                        "  public String toString() {",
                        "    return \"week of \" + start;",
                        "  }",
                        "}"));
        write(root.resolve("p/AuditWording.java"), "class AuditWording { String s = \"no deploy recorded yet\"; }");

        assertThat(UserText.breaches(root))
                .containsExactly(
                        "p/AuditWording.java:1: \"no deploy recorded yet\"",
                        "p/Breach.java:2: \"no data\"",
                        "p/Breach.java:3: \" ago\"",
                        "p/Breach.java:4: \"Successful\"",
                        "p/Breach.java:5: \"Deploy health\"");
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
