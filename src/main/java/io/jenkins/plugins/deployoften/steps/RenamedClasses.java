package io.jenkins.plugins.deployoften.steps;

import hudson.init.InitMilestone;
import hudson.init.Initializer;
import hudson.model.Items;
import hudson.model.Run;

/**
 * Reads job and build files written before the steps left the {@code promote} package, whose name clashed with
 * the Promoted Builds plugin's "promotion". Jenkins writes the new names on the next save.
 */
public final class RenamedClasses {
    private static final String OLD_PACKAGE = "io.jenkins.plugins.deployoften.promote.";

    private RenamedClasses() {}

    /** Registers the old names before any job or build is loaded. */
    @Initializer(before = InitMilestone.PLUGINS_STARTED)
    public static void readOldNames() {
        Items.XSTREAM2.addCompatibilityAlias(OLD_PACKAGE + "DeployToStagingRecorder", DeployToStagingRecorder.class);
        Run.XSTREAM2.addCompatibilityAlias(OLD_PACKAGE + "DeployAction", DeployAction.class);
        Run.XSTREAM2.addCompatibilityAlias(OLD_PACKAGE + "DeployAction$Entry", DeployAction.Entry.class);
    }
}
