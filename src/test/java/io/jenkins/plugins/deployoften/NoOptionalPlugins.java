package io.jenkins.plugins.deployoften;

import org.junit.rules.ExternalResource;

/** A JUnit rule for glue tests: a Jenkins with no optional plugins installed, put back after each test. */
public class NoOptionalPlugins extends ExternalResource {
    private JenkinsFacadeSwap swap;

    @Override
    protected void before() {
        swap = JenkinsFacadeSwap.install(new JenkinsFacade() {
            @Override
            public boolean isPluginInstalled(String shortName) {
                return false;
            }
        });
    }

    @Override
    protected void after() {
        swap.close();
    }
}
