package io.jenkins.plugins.deployoften.ui;

import hudson.model.Item;
import hudson.model.View;
import jenkins.model.Jenkins;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;

/** The security of the ITests that show a hidden job: two users, and what each may read. */
final class AliceReads {
    private AliceReads() {}

    /**
     * {@code admin} may do anything; {@code alice} may read Jenkins and its views, and of the items only these.
     *
     * @param jenkins the running Jenkins
     * @param items the items alice may read
     */
    static void only(JenkinsRule jenkins, Item... items) {
        jenkins.jenkins.setSecurityRealm(jenkins.createDummySecurityRealm());
        jenkins.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER)
                .everywhere()
                .to("admin")
                .grant(Jenkins.READ, View.READ)
                .everywhere()
                .to("alice")
                .grant(Item.READ)
                .onItems(items)
                .to("alice"));
    }
}
