package io.jenkins.plugins.deployoften.conventions;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchUnitRunner;
import com.tngtech.archunit.lang.ArchRule;
import io.jenkins.plugins.util.PluginArchitectureRules;
import org.junit.runner.RunWith;

/**
 * plugin-util-api's rules for Jenkins plugins, on the main code. They come from that plugin's tests jar, which
 * only the real build has, so this runs there (as an ITest); {@link ArchitectureTest} runs our own rules
 * everywhere.
 */
@RunWith(ArchUnitRunner.class)
@AnalyzeClasses(packages = "io.jenkins.plugins.deployoften", importOptions = ImportOption.DoNotIncludeTests.class)
public class PluginArchitectureITest {
    @ArchTest
    static final ArchRule NO_FORBIDDEN_PACKAGE_ACCESSED = PluginArchitectureRules.NO_FORBIDDEN_PACKAGE_ACCESSED;

    @ArchTest
    static final ArchRule NO_JENKINS_INSTANCE_CALL = PluginArchitectureRules.NO_JENKINS_INSTANCE_CALL;

    @ArchTest
    static final ArchRule AJAX_PROXY_METHOD_MUST_BE_IN_PUBLIC_CLASS =
            PluginArchitectureRules.AJAX_PROXY_METHOD_MUST_BE_IN_PUBLIC_CLASS;

    @ArchTest
    static final ArchRule DATA_BOUND_CONSTRUCTOR_MUST_BE_IN_PUBLIC_CLASS =
            PluginArchitectureRules.DATA_BOUND_CONSTRUCTOR_MUST_BE_IN_PUBLIC_CLASS;

    @ArchTest
    static final ArchRule DATA_BOUND_SETTER_MUST_BE_IN_PUBLIC_CLASS =
            PluginArchitectureRules.DATA_BOUND_SETTER_MUST_BE_IN_PUBLIC_CLASS;

    @ArchTest
    static final ArchRule USE_POST_FOR_VALIDATION_END_POINTS =
            PluginArchitectureRules.USE_POST_FOR_VALIDATION_END_POINTS;

    @ArchTest
    static final ArchRule USE_POST_FOR_LIST_AND_COMBOBOX_FILL =
            PluginArchitectureRules.USE_POST_FOR_LIST_AND_COMBOBOX_FILL;
}
