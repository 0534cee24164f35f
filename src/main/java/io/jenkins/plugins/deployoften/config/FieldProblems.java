package io.jenkins.plugins.deployoften.config;

import hudson.AbortException;
import hudson.util.FormValidation;
import io.jenkins.plugins.deployoften.Messages;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import io.jenkins.plugins.deployoften.model.FieldProblem;
import java.util.Optional;
import java.util.function.Function;

/**
 * Words the model's {@link FieldProblem}s in the user's language: as form validation next to the field, and as
 * the message of an {@link AbortException} that stops a build before anything runs. Every descriptor's check and
 * every step's runtime check goes through here, so a value gets the same message wherever it was entered.
 */
public final class FieldProblems {
    private FieldProblems() {}

    /**
     * @param problem what is wrong
     * @return the problem in the user's language, naming the field first
     */
    public static String text(FieldProblem problem) {
        String field = problem.field();
        String min = String.valueOf(problem.min());
        String max = String.valueOf(problem.max());
        String value = problem.shownValue();
        return switch (problem.kind()) {
            case OUT_OF_RANGE -> Messages.FieldProblem_outOfRange(field, min, max, value);
            case TOO_MANY_FOR_WINDOW ->
                Messages.FieldProblem_tooManyForWindow(field, min, max, value, problem.allowed());
            case BLANK ->
                problem.form() == FieldProblem.Form.NONE
                        ? Messages.FieldProblem_blank(field)
                        : Messages.FieldProblem_blankEnter(field, form(problem));
            case NOT_ONE_OF -> Messages.FieldProblem_notOneOf(field, problem.allowed());
            case UNKNOWN_RESULT -> Messages.FieldProblem_unknownResult(field, value, problem.allowed());
            case EMPTY_NAME -> Messages.FieldProblem_named(field, Messages.EnvironmentName_empty(max));
            case NAME_TOO_LONG -> Messages.FieldProblem_named(field, Messages.EnvironmentName_tooLong(max));
            case BAD_NAME -> Messages.FieldProblem_named(field, Messages.EnvironmentName_invalidCharacters(max));
            case NOT_ONE_WORD -> Messages.FieldProblem_notOneWord(field, max, value);
            case NOT_A_FOLDER -> Messages.FieldProblem_notAFolder(field, value);
            case LISTED_TWICE -> Messages.FieldProblem_listedTwice(field, value);
            case BAD_FORM -> Messages.FieldProblem_badForm(field, value, form(problem));
        };
    }

    /** @return the form the value must take, in the user's language */
    static String form(FieldProblem problem) {
        String max = String.valueOf(problem.max());
        return switch (problem.form()) {
            case NONE -> problem.allowed();
            case ENVIRONMENT_NAME -> Messages.FieldForm_environmentName(max);
            case FOLDER -> Messages.FieldForm_folder();
            case JOB_OR_FOLDER -> Messages.FieldForm_jobOrFolder();
            case SERVICE_NAME -> Messages.FieldForm_serviceName(max);
            case SAME_SHARING -> Messages.FieldForm_sameSharing();
            case DEPLOY_COMMAND -> Messages.FieldForm_deployCommand();
            case OVERRIDE_BUILD -> Messages.FieldForm_overrideBuild();
            case OVERRIDE_COMMIT -> Messages.FieldForm_overrideCommit();
            case OVERRIDE_ARTIFACT -> Messages.FieldForm_overrideArtifact();
            case OVERRIDE_USER -> Messages.FieldForm_overrideUser();
            case OVERRIDE_REASON -> Messages.FieldForm_overrideReason();
        };
    }

    /**
     * @param problem what is wrong with a field's value, if anything
     * @return OK when nothing is, else the error in the user's language
     */
    public static FormValidation validation(Optional<FieldProblem> problem) {
        return problem.map(found -> FormValidation.error(text(found))).orElseGet(FormValidation::ok);
    }

    /**
     * Form validation of an optional environment field: empty means "the global default".
     *
     * @param field the field's name, such as {@code environment}
     * @param value the entered name
     * @return OK for an empty or valid name, else the localised error
     */
    public static FormValidation optionalEnvironment(String field, String value) {
        if (value == null || value.isBlank()) {
            return FormValidation.ok();
        }
        return validation(EnvironmentName.problemWith(field, value.trim()));
    }

    /**
     * Stops a build whose step has an invalid value, before anything runs or is recorded.
     *
     * @param wording the step's message around the problem, such as {@code RecordDeploy_invalid}
     * @param problem what is wrong with a value, if anything
     * @throws AbortException naming the field and what it allows, when there is a problem
     */
    public static void abortOn(Function<String, String> wording, Optional<FieldProblem> problem) throws AbortException {
        if (problem.isPresent()) {
            throw new AbortException(wording.apply(text(problem.get())));
        }
    }
}
