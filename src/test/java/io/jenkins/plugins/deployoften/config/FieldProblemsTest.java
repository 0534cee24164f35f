package io.jenkins.plugins.deployoften.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockStatic;

import hudson.AbortException;
import hudson.util.FormValidation;
import io.jenkins.plugins.deployoften.Messages;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import io.jenkins.plugins.deployoften.model.FieldProblem;
import io.jenkins.plugins.deployoften.model.deploy.DeploySettings;
import io.jenkins.plugins.deployoften.model.deploy.ExternalDeploy;
import io.jenkins.plugins.deployoften.model.gate.CandidateIdentity;
import io.jenkins.plugins.deployoften.model.gate.GatePolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.Test;
import org.mockito.MockedStatic;

public class FieldProblemsTest {
    @Test
    public void everyFormIsWordedAsTheModelsEnglishHasIt() {
        for (FieldProblem.Form form : FieldProblem.Form.values()) {
            FieldProblem badForm = new FieldProblem("field", FieldProblem.Kind.BAD_FORM, 1, 200, "a b", "x, y", form);
            FieldProblem blank = new FieldProblem("field", FieldProblem.Kind.BLANK, 1, 200, "", "", form);

            assertThat(FieldProblems.text(badForm)).as(form.name()).isEqualTo(badForm.message());
            assertThat(FieldProblems.text(blank)).as(form.name()).isEqualTo(blank.message());
        }
    }

    @Test
    public void everyKindIsWordedNamingTheFieldAndTheLimits() {
        assertThat(FieldProblems.text(FieldProblem.outOfRange("freshMaxDays", 1, 3650, 0)))
                .isEqualTo("freshMaxDays: must be 1 to 3650, was 0");
        assertThat(FieldProblems.text(
                        new GatePolicy.FrequentRule(true, 673, 28).problem().orElseThrow()))
                .isEqualTo("frequentMinDeploys: 673 deploys cannot fit in 28 days at one deploy per hour at most;"
                        + " must be 1 to 672, was 673");
        assertThat(FieldProblems.text(DeploySettings.problemWithCommand("").orElseThrow()))
                .startsWith("command: ");
        assertThat(FieldProblems.text(
                        new FieldProblem("mode", FieldProblem.Kind.NOT_ONE_OF, 0, 0, "", "ENFORCE, WARN")))
                .isEqualTo("mode: must be one of ENFORCE, WARN");
        assertThat(FieldProblems.text(ExternalDeploy.problemWithResult("GREEN").orElseThrow()))
                .isEqualTo("result: 'GREEN' is not a deploy result; use one of SUCCESS, FAILURE, ABORTED, SKIPPED");
        assertThat(FieldProblems.text(
                        EnvironmentName.problemWith("environment", "").orElseThrow()))
                .isEqualTo("environment: " + Messages.EnvironmentName_empty(64));
        assertThat(FieldProblems.text(EnvironmentName.problemWith("environment", "x".repeat(65))
                        .orElseThrow()))
                .isEqualTo("environment: " + Messages.EnvironmentName_tooLong(64));
        assertThat(FieldProblems.text(
                        EnvironmentName.problemWith("defaultEnvironment", "a b").orElseThrow()))
                .isEqualTo("defaultEnvironment: " + Messages.EnvironmentName_invalidCharacters(64));
        assertThat(FieldProblems.text(
                        CandidateIdentity.problemWithToken("commit", "a b").orElseThrow()))
                .startsWith("commit: must be one word of at most ")
                .endsWith(", was 'a b'");
    }

    @Test
    public void largeLimitsAreShownWithoutGrouping() {
        assertThat(FieldProblems.text(
                        ExternalDeploy.problemWithDurationMillis(-1).orElseThrow()))
                .isEqualTo("durationMillis: must be 0 to 604800000, was -1");
    }

    @Test
    public void everyKindIsAFormErrorAndNoProblemIsOk() {
        List<FieldProblem> problems = new ArrayList<>();
        for (FieldProblem.Kind kind : FieldProblem.Kind.values()) {
            problems.add(new FieldProblem("someField", kind, 1, 24, "v", "7"));
        }
        FormValidation error = mock(FormValidation.class);
        FormValidation ok = mock(FormValidation.class);
        try (MockedStatic<FormValidation> forms = mockStatic(FormValidation.class)) {
            List<String> texts = new ArrayList<>();
            forms.when(() -> FormValidation.error(org.mockito.ArgumentMatchers.anyString()))
                    .thenAnswer(call -> {
                        texts.add(call.getArgument(0));
                        return error;
                    });
            forms.when(FormValidation::ok).thenReturn(ok);

            for (FieldProblem problem : problems) {
                assertThat(FieldProblems.validation(Optional.of(problem)))
                        .as(problem.kind().name())
                        .isSameAs(error);
            }
            assertThat(FieldProblems.validation(Optional.empty())).isSameAs(ok);
            assertThat(FieldProblems.optionalEnvironment("environment", " ")).isSameAs(ok);
            assertThat(FieldProblems.optionalEnvironment("environment", " staging "))
                    .isSameAs(ok);
            assertThat(FieldProblems.optionalEnvironment("environment", "pre prod"))
                    .isSameAs(error);

            assertThat(texts).hasSize(problems.size() + 1);
            assertThat(texts.subList(0, problems.size()))
                    .allSatisfy(
                            text -> assertThat(text).startsWith("someField: ").doesNotContain("{"));
            assertThat(texts.get(0)).contains("1 to 24");
            assertThat(texts.get(texts.size() - 1)).startsWith("environment: ");
        }
    }

    @Test
    public void aProblemAbortsTheStepWithItsOwnWording() throws Exception {
        assertThatThrownBy(() -> FieldProblems.abortOn(
                        Messages::ReleaseGate_invalid, Optional.of(FieldProblem.outOfRange("retries", 0, 10, 11))))
                .isInstanceOf(AbortException.class)
                .hasMessage(Messages.ReleaseGate_invalid("retries: must be 0 to 10, was 11"));
        FieldProblems.abortOn(Messages::ReleaseGate_invalid, Optional.empty());
    }
}
