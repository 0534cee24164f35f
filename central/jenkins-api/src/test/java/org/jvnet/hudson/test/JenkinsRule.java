package org.jvnet.hudson.test;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Queue;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TopLevelItem;
import hudson.security.AbstractPasswordBasedSecurityRealm;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import jenkins.model.Jenkins;
import jenkins.model.ParameterizedJobMixIn;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.rules.MethodRule;
import org.junit.rules.TestRule;
import org.junit.runner.Description;
import org.junit.runners.model.FrameworkMethod;
import org.junit.runners.model.Statement;
import org.xml.sax.SAXException;

public class JenkinsRule implements TestRule, MethodRule {
    public Jenkins jenkins;

    @Override
    public Statement apply(Statement base, Description description) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Statement apply(Statement base, FrameworkMethod method, Object target) {
        throw new UnsupportedOperationException();
    }

    public <T extends TopLevelItem> T createProject(Class<T> type, String name) throws IOException {
        throw new UnsupportedOperationException();
    }

    public MockFolder createFolder(String name) throws IOException {
        throw new UnsupportedOperationException();
    }

    public FreeStyleProject createFreeStyleProject() throws IOException {
        throw new UnsupportedOperationException();
    }

    public void configRoundtrip() throws Exception {
        throw new UnsupportedOperationException();
    }

    public <P extends Item> P configRoundtrip(P job) throws Exception {
        throw new UnsupportedOperationException();
    }

    public <R extends Run> R assertBuildStatus(Result status, R r) throws Exception {
        throw new UnsupportedOperationException();
    }

    public FreeStyleBuild buildAndAssertSuccess(@NonNull FreeStyleProject job) throws Exception {
        throw new UnsupportedOperationException();
    }

    @NonNull
    public <J extends Job<J, R> & ParameterizedJobMixIn.ParameterizedJob<J, R>, R extends Run<J, R> & Queue.Executable>
            R buildAndAssertStatus(@NonNull Result status, @NonNull J job) throws Exception {
        throw new UnsupportedOperationException();
    }

    public void assertLogContains(String substring, Run run) throws IOException {
        throw new UnsupportedOperationException();
    }

    public void assertLogNotContains(String substring, Run run) throws IOException {
        throw new UnsupportedOperationException();
    }

    public <R extends Run<?, ?>> R waitForCompletion(R r) throws InterruptedException {
        throw new UnsupportedOperationException();
    }

    public <R extends Run<?, ?>> R waitForMessage(String message, R r) throws IOException, InterruptedException {
        throw new UnsupportedOperationException();
    }

    public void assertEqualDataBoundBeans(Object lhs, Object rhs)
            throws InvocationTargetException, NoSuchMethodException, IllegalAccessException {
        throw new UnsupportedOperationException();
    }

    public HtmlPage submit(HtmlForm form) throws Exception {
        throw new UnsupportedOperationException();
    }

    public DummySecurityRealm createDummySecurityRealm() {
        throw new UnsupportedOperationException();
    }

    public static class DummySecurityRealm extends AbstractPasswordBasedSecurityRealm {
        private DummySecurityRealm() {}
    }

    public URL getURL() throws IOException {
        throw new UnsupportedOperationException();
    }

    public WebClient createWebClient() {
        throw new UnsupportedOperationException();
    }

    public class WebClient extends org.htmlunit.WebClient {
        private WebClient() {}

        public WebClient withThrowExceptionOnFailingStatusCode(boolean enabled) {
            throw new UnsupportedOperationException();
        }

        public WebClient withRedirectEnabled(boolean enabled) {
            throw new UnsupportedOperationException();
        }

        public WebClient login(String username) throws Exception {
            throw new UnsupportedOperationException();
        }

        public HtmlPage goTo(String relative) throws IOException, SAXException {
            throw new UnsupportedOperationException();
        }

        public Page goTo(String relative, @CheckForNull String expectedContentType) throws IOException, SAXException {
            throw new UnsupportedOperationException();
        }

        public void assertFails(String url, int statusCode) throws Exception {
            throw new UnsupportedOperationException();
        }

        public WebRequest addCrumb(WebRequest req) {
            throw new UnsupportedOperationException();
        }
    }
}
