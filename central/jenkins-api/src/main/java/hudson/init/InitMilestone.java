package hudson.init;

public enum InitMilestone {
    STARTED,
    PLUGINS_STARTED,
    COMPLETED
}
