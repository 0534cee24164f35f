package io.jenkins.plugins.util;

import com.tngtech.archunit.lang.ArchRule;

public final class PluginArchitectureRules {
    public static final ArchRule NO_FORBIDDEN_PACKAGE_ACCESSED = null;
    public static final ArchRule NO_JENKINS_INSTANCE_CALL = null;
    public static final ArchRule AJAX_PROXY_METHOD_MUST_BE_IN_PUBLIC_CLASS = null;
    public static final ArchRule DATA_BOUND_CONSTRUCTOR_MUST_BE_IN_PUBLIC_CLASS = null;
    public static final ArchRule DATA_BOUND_SETTER_MUST_BE_IN_PUBLIC_CLASS = null;
    public static final ArchRule USE_POST_FOR_VALIDATION_END_POINTS = null;
    public static final ArchRule USE_POST_FOR_LIST_AND_COMBOBOX_FILL = null;

    private PluginArchitectureRules() {}
}
