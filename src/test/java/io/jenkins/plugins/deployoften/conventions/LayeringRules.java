package io.jenkins.plugins.deployoften.conventions;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;

/** The layering rules of DeployOften, shared by the architecture test and the test of the rules. */
final class LayeringRules {
    static final ArchRule MODEL_IS_FREE_OF_JENKINS = noClasses()
            .that()
            .resideInAPackage("..model..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("hudson..", "jenkins..", "org.kohsuke.stapler..", "org.jenkinsci..")
            .because("the model is plain Java, decided and tested without a running Jenkins");

    private LayeringRules() {}
}
