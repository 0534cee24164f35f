package io.jenkins.plugins.deployoften.conventions;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.library.plantuml.rules.PlantUmlArchCondition.Configuration.consideringOnlyDependenciesInAnyPackage;
import static com.tngtech.archunit.library.plantuml.rules.PlantUmlArchCondition.adhereToPlantUmlDiagram;

import com.tngtech.archunit.lang.ArchRule;
import java.net.URL;
import java.util.Objects;

/** The package rules, shared by the design test and the test of the rules. */
final class PackageRules {
    static final URL DIAGRAM = Objects.requireNonNull(PackageRules.class.getResource("/design.puml"), "design.puml");

    static final ArchRule PACKAGES_FOLLOW_THE_DIAGRAM = classes()
            .should(adhereToPlantUmlDiagram(
                    DIAGRAM, consideringOnlyDependenciesInAnyPackage("io.jenkins.plugins.deployoften..")))
            .because("design.puml is the map of the packages: change it first, then the code");

    static final ArchRule NO_PACKAGE_CYCLES =
            slices().matching("io.jenkins.plugins.deployoften.(**)").should().beFreeOfCycles();

    private PackageRules() {}
}
