package io.jenkins.plugins.deployoften.conventions;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchUnitRunner;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.runner.RunWith;

/** Every package edge of the plugin is one that {@code design.puml} draws, and no packages form a cycle. */
@RunWith(ArchUnitRunner.class)
@AnalyzeClasses(packages = "io.jenkins.plugins.deployoften", importOptions = ImportOption.DoNotIncludeTests.class)
public class PackageDesignTest {
    @ArchTest
    static final ArchRule PACKAGES_FOLLOW_THE_DIAGRAM = PackageRules.PACKAGES_FOLLOW_THE_DIAGRAM;

    @ArchTest
    static final ArchRule NO_PACKAGE_CYCLES = PackageRules.NO_PACKAGE_CYCLES;
}
