package io.jenkins.plugins.deployoften.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import hudson.model.FreeStyleProject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

/** The badge snippets to copy stay one image with two attributes, whatever the job is called. */
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
    public void theHtmlSnippetIsOneImgWithSrcAndAltOnly() throws Exception {
        for (String name : HOSTILE_NAMES) {
            String html = dashboardOf(name).getBadgeHtml("https://ci.example.com");

            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            // an img element is void in HTML; close it to parse the snippet as XML
            Element img = factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(html.replace(">", "/>").getBytes(StandardCharsets.UTF_8)))
                    .getDocumentElement();

            assertThat(img.getTagName()).as(name).isEqualTo("img");
            assertThat(img.getChildNodes().getLength()).isZero();
            NamedNodeMap attributes = img.getAttributes();
            assertThat(attributes.getLength()).as(name).isEqualTo(2);
            assertThat(img.getAttribute("alt")).isEqualTo("deploys");
            assertThat(img.getAttribute("src"))
                    .startsWith("https://ci.example.com/deployoften-badge/frequency.svg?job=")
                    .doesNotContain("<", ">", "\"", "'", " ");
        }
    }

    @Test
    public void theBadgeUrlHasOneSlashAfterTheRootUrlWhetherOrNotItEndsInOne() {
        // Jenkins.getRootUrl() always ends in a slash: "https://ci.example.com/jenkins/"
        for (String root : List.of("https://ci.example.com/jenkins/", "https://ci.example.com/jenkins")) {
            assertThat(dashboardOf("app").getBadgeMarkdown(root))
                    .as(root)
                    .isEqualTo("![deploys](https://ci.example.com/jenkins/deployoften-badge/frequency.svg?job=app)");
            assertThat(dashboardOf("app").getBadgeHtml(root))
                    .as(root)
                    .isEqualTo("<img src=\"https://ci.example.com/jenkins/deployoften-badge/frequency.svg?job=app\""
                            + " alt=\"deploys\">");
        }
    }

    @Test
    public void theMarkdownSnippetIsOneImageWhoseUrlCannotBreakOut() {
        for (String name : HOSTILE_NAMES) {
            String markdown = dashboardOf(name).getBadgeMarkdown("https://ci.example.com");

            assertThat(markdown).as(name).startsWith("![deploys](https://ci.example.com/deployoften-badge/");
            String url = markdown.substring("![deploys](".length(), markdown.length() - 1);
            assertThat(url).doesNotContain("(", ")", "[", "]", " ", "<", ">", "\"");
            assertThat(markdown).endsWith(")");
        }
    }
}
