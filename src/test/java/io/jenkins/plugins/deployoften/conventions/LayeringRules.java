package io.jenkins.plugins.deployoften.conventions;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
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

    static final ArchRule FORM_CHECKS_ARE_POSTS = methods()
            .that()
            .haveNameMatching("do(Check|Fill)[A-Z].*")
            .and()
            .arePublic()
            .should()
            .beAnnotatedWith("org.kohsuke.stapler.verb.POST")
            .because("form checks and fills answer only a POST with a crumb from someone who may configure")
            .allowEmptyShould(true);

    private LayeringRules() {}
}
