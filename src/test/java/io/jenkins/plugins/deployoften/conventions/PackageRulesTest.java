package io.jenkins.plugins.deployoften.conventions;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.jenkins.plugins.deployoften.conventions.fixture.cycle.first.First;
import io.jenkins.plugins.deployoften.conventions.fixture.cycle.second.Second;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.view.BadgeColor;
import io.jenkins.plugins.deployoften.ui.DeployHealthColumn;
import org.junit.Test;

/** The package rules themselves: they must catch an arrow the diagram lacks and a cycle. */
public class PackageRulesTest {
    @Test
    public void failsForADependencyTheDiagramDoesNotDraw() throws ClassNotFoundException {
        JavaClasses classes = new ClassFileImporter()
                .importClasses(
                        Class.forName("io.jenkins.plugins.deployoften.model.view.ViewThatReachesIntoGlue"),
                        DeployHealthColumn.class);

        assertThatThrownBy(() -> PackageRules.PACKAGES_FOLLOW_THE_DIAGRAM.check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("ViewThatReachesIntoGlue")
                .hasMessageContaining("DeployHealthColumn");
    }

    @Test
    public void passesForADependencyTheDiagramDraws() {
        JavaClasses classes = new ClassFileImporter().importClasses(BadgeColor.class, DeployRecord.class);

        assertThatCode(() -> PackageRules.PACKAGES_FOLLOW_THE_DIAGRAM.check(classes))
                .doesNotThrowAnyException();
    }

    @Test
    public void failsForAPackageCycle() {
        JavaClasses classes = new ClassFileImporter().importClasses(First.class, Second.class);

        assertThatThrownBy(() -> PackageRules.NO_PACKAGE_CYCLES.check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle");
    }
}
