package io.jenkins.plugins.deployoften.conventions;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.jenkins.plugins.deployoften.conventions.fixture.model.ModelThatImportsJenkins;
import io.jenkins.plugins.deployoften.conventions.fixture.model.PlainModel;
import org.junit.Test;

/** The layering rule itself: it must catch a model class that uses Jenkins. */
public class LayeringRulesTest {
    @Test
    public void failsForAModelClassThatUsesJenkins() {
        JavaClasses classes = new ClassFileImporter().importClasses(ModelThatImportsJenkins.class);

        assertThatThrownBy(() -> LayeringRules.MODEL_IS_FREE_OF_JENKINS.check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("hudson.util.FormValidation");
    }

    @Test
    public void failsForAFormCheckThatAnswersAGet() {
        JavaClasses classes = new ClassFileImporter().importClasses(FormChecks.class);

        assertThatThrownBy(() -> LayeringRules.FORM_CHECKS_ARE_POSTS.check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("doCheckAnswersAGet")
                .hasMessageNotContaining("doCheckAnswersAPost");
    }

    /** One check answering any GET, one answering POSTs only. */
    static final class FormChecks {
        public String doCheckAnswersAGet(String value) {
            return value;
        }

        @org.kohsuke.stapler.verb.POST
        public String doCheckAnswersAPost(String value) {
            return value;
        }
    }

    @Test
    public void passesForAPlainModelClass() {
        JavaClasses classes = new ClassFileImporter().importClasses(PlainModel.class);

        assertThatCode(() -> LayeringRules.MODEL_IS_FREE_OF_JENKINS.check(classes))
                .doesNotThrowAnyException();
    }
}
