package io.jenkins.plugins.deployoften.config;

import hudson.util.FormValidation;
import io.jenkins.plugins.deployoften.Messages;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import java.util.Optional;

/** Turns the model's environment name rules into localised form messages. */
public final class EnvironmentNameValidation {
    private EnvironmentNameValidation() {}

    /**
     * @param value the entered environment name
     * @return the localised problem, or empty when the name is valid
     */
    public static Optional<String> problemMessage(String value) {
        return EnvironmentName.problemWith(value).map(problem -> {
            switch (problem) {
                case EMPTY:
                    return Messages.EnvironmentName_empty(EnvironmentName.MAX_LENGTH);
                case TOO_LONG:
                    return Messages.EnvironmentName_tooLong(EnvironmentName.MAX_LENGTH);
                default:
                    return Messages.EnvironmentName_invalidCharacters(EnvironmentName.MAX_LENGTH);
            }
        });
    }

    /**
     * Form validation of an optional environment field: empty means "the global default".
     *
     * @param value the entered name
     * @return OK for an empty or valid name, else the localised error
     */
    public static FormValidation checkOptional(String value) {
        if (value == null || value.isBlank()) {
            return FormValidation.ok();
        }
        return problemMessage(value.trim()).map(FormValidation::error).orElseGet(FormValidation::ok);
    }
}
