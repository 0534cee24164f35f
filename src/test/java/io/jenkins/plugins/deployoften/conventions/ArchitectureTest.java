package io.jenkins.plugins.deployoften.conventions;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchUnitRunner;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.runner.RunWith;

@RunWith(ArchUnitRunner.class)
@AnalyzeClasses(packages = "io.jenkins.plugins.deployoften", importOptions = ImportOption.DoNotIncludeTests.class)
public class ArchitectureTest {
    @ArchTest
    static final ArchRule MODEL_IS_FREE_OF_JENKINS = LayeringRules.MODEL_IS_FREE_OF_JENKINS;

    @ArchTest
    static final ArchRule FORM_CHECKS_ARE_POSTS = LayeringRules.FORM_CHECKS_ARE_POSTS;
}
