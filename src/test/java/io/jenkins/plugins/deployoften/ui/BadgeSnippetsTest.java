package io.jenkins.plugins.deployoften.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import hudson.model.FreeStyleProject;
import io.jenkins.plugins.deployoften.model.view.BadgeSnippet;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

/** The badge snippets to copy stay one image with two attributes per badge, whatever the job is called. */
public class BadgeSnippetsTest {
    private static final List<String> HOSTILE_NAMES = List.of(
            "app\"><script>alert(1)</script>",
            "app' onerror='alert(1)",
            "folder/app&amp;#x3C;svg onload=alert(1)>",
            "](javascript:alert(1))",
            "ü/名前/\u202eevil");

    private static DeployDashboardAction dashboardOf(String jobName) {
        FreeStyleProject job = mock(FreeStyleProject.class);
        when(job.getFullName()).thenReturn(jobName);
        return new DeployDashboardAction(job);
    }

    @Test
    public void eachOfTheFourBadgesHasAMarkdownAndAnHtmlSnippet() {
        List<BadgeSnippet> snippets = dashboardOf("app").getBadgeSnippets("https://ci.example.com/");

        assertThat(snippets)
                .extracting(BadgeSnippet::name, BadgeSnippet::alt)
                .containsExactly(
                        tuple("frequency", "deploys"),
                        tuple("last", "last deploy"),
                        tuple("failures", "deploy failures"),
                        tuple("gate", "release gate"));
        assertThat(snippets.get(3).markdown())
                .isEqualTo("![release gate](https://ci.example.com/deployoften-badge/gate.svg?job=app)");
        assertThat(snippets.get(1).html())
                .isEqualTo(
                        "<img src=\"https://ci.example.com/deployoften-badge/last.svg?job=app\" alt=\"last deploy\">");
    }

    @Test
    public void theHtmlSnippetIsOneImgWithSrcAndAltOnly() throws Exception {
        for (String name : HOSTILE_NAMES) {
            for (BadgeSnippet snippet : dashboardOf(name).getBadgeSnippets("https://ci.example.com")) {
                DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                // an img element is void in HTML; close it to parse the snippet as XML
                Element img = factory.newDocumentBuilder()
                        .parse(new ByteArrayInputStream(
                                snippet.html().replace(">", "/>").getBytes(StandardCharsets.UTF_8)))
                        .getDocumentElement();

                assertThat(img.getTagName()).as(name).isEqualTo("img");
                assertThat(img.getChildNodes().getLength()).isZero();
                NamedNodeMap attributes = img.getAttributes();
                assertThat(attributes.getLength()).as(name).isEqualTo(2);
                assertThat(img.getAttribute("alt")).isEqualTo(snippet.alt());
                assertThat(img.getAttribute("src"))
                        .startsWith("https://ci.example.com/deployoften-badge/" + snippet.name() + ".svg?job=")
                        .doesNotContain("<", ">", "\"", "'", " ");
            }
        }
    }

    @Test
    public void theBadgeUrlHasOneSlashAfterTheRootUrlWhetherOrNotItEndsInOne() {
        // Jenkins.getRootUrl() always ends in a slash: "https://ci.example.com/jenkins/"
        for (String root : List.of("https://ci.example.com/jenkins/", "https://ci.example.com/jenkins")) {
            BadgeSnippet frequency = dashboardOf("app").getBadgeSnippets(root).get(0);
            assertThat(frequency.markdown())
                    .as(root)
                    .isEqualTo("![deploys](https://ci.example.com/jenkins/deployoften-badge/frequency.svg?job=app)");
            assertThat(frequency.html())
                    .as(root)
                    .isEqualTo("<img src=\"https://ci.example.com/jenkins/deployoften-badge/frequency.svg?job=app\""
                            + " alt=\"deploys\">");
        }
    }

    @Test
    public void theMarkdownSnippetIsOneImageWhoseUrlCannotBreakOut() {
        for (String name : HOSTILE_NAMES) {
            for (BadgeSnippet snippet : dashboardOf(name).getBadgeSnippets("https://ci.example.com")) {
                String markdown = snippet.markdown();
                String start = "![" + snippet.alt() + "](https://ci.example.com/deployoften-badge/";

                assertThat(markdown).as(name).startsWith(start);
                String url = markdown.substring(("![" + snippet.alt() + "](").length(), markdown.length() - 1);
                assertThat(url).doesNotContain("(", ")", "[", "]", " ", "<", ">", "\"");
                assertThat(markdown).endsWith(")");
            }
        }
    }
}
