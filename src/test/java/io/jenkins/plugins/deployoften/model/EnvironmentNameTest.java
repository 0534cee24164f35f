package io.jenkins.plugins.deployoften.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.Test;

public class EnvironmentNameTest {
    @Test
    public void acceptsLettersDigitsDashUnderscoreAndDot() {
        assertThat(EnvironmentName.of("staging").value()).isEqualTo("staging");
        assertThat(EnvironmentName.of("eu-west_1.qa").value()).isEqualTo("eu-west_1.qa");
        assertThat(EnvironmentName.of("x".repeat(64)).value()).hasSize(64);
    }

    @Test
    public void rejectsEmptyAndNullNamingTheAllowedForm() {
        assertThat(EnvironmentName.problemWith("environment", "").map(FieldProblem::kind))
                .contains(FieldProblem.Kind.EMPTY_NAME);
        assertThat(EnvironmentName.problemWith("environment", null).map(FieldProblem::kind))
                .contains(FieldProblem.Kind.EMPTY_NAME);
        assertThatThrownBy(() -> EnvironmentName.of(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 to 64 letters, digits, '-', '_' or '.'");
    }

    @Test
    public void rejectsNamesLongerThan64Characters() {
        assertThat(EnvironmentName.problemWith("environment", "x".repeat(65)).map(FieldProblem::kind))
                .contains(FieldProblem.Kind.NAME_TOO_LONG);
        assertThatThrownBy(() -> EnvironmentName.of("x".repeat(500)))
                .hasMessageContaining("longer than 64")
                .hasMessageContaining("…");
    }

    @Test
    public void rejectsSpacesSlashesMarkupAndNonAsciiLetters() {
        for (String bad : new String[] {"pre prod", "../etc", "a/b", "<script>", "stäging", "tab\tname", "new\nline"}) {
            assertThat(EnvironmentName.problemWith("environment", bad).map(FieldProblem::kind))
                    .as(bad)
                    .contains(FieldProblem.Kind.BAD_NAME);
        }
    }

    @Test
    public void equalNamesAreEqualAndSortByText() {
        assertThat(EnvironmentName.of("a")).isEqualTo(EnvironmentName.of("a")).isNotEqualTo(EnvironmentName.of("b"));
        assertThat(EnvironmentName.of("a").compareTo(EnvironmentName.of("b"))).isNegative();
    }
}
