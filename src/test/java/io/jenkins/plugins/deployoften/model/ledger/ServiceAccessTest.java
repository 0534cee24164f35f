package io.jenkins.plugins.deployoften.model.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.deployoften.model.FieldProblem;
import io.jenkins.plugins.deployoften.model.InvalidValueException;
import java.util.List;
import org.junit.Test;

/** Issue 12, finding 1: a job may name a service only when an administrator's mapping allows it. */
public class ServiceAccessTest {
    private static final ServiceAccess PAYMENTS = new ServiceAccess(List.of(
            ServiceRule.of("prod", "prod/payments\n\n  prod/ledger  \n", true),
            ServiceRule.of("/team-a/api/", "team-a-api", false)));

    @Test
    public void withoutMappingsNoJobMayNameAServiceAndEveryJobKeepsItsOwnHistory() {
        ServiceRefusal refusal =
                ServiceAccess.NONE.refusal("sandbox/intruder", "prod/payments").orElseThrow();

        assertThat(new ServiceRefusal.Refused(refusal).getMessage())
                .contains("service: 'prod/payments'", "sandbox/intruder", "may use no service", "Service mappings");
        assertThatThrownBy(() -> ServiceAccess.NONE.scope("sandbox/intruder", "prod/payments", "ci-eu"))
                .isInstanceOf(ServiceRefusal.Refused.class)
                .hasMessageContaining("'prod/payments'");
        assertThat(ServiceAccess.NONE.scope("sandbox/intruder", "  ", "ci-eu"))
                .isEqualTo(HistoryScope.ofJob("sandbox/intruder", "ci-eu"));
    }

    @Test
    public void aFolderCoversTheJobsInsideItAtAnyDepthAndAJobItself() {
        assertThat(PAYMENTS.servicesFor("prod/payments")).containsExactly("prod/ledger", "prod/payments");
        assertThat(PAYMENTS.servicesFor("prod/eu/payments-deploy")).containsExactly("prod/ledger", "prod/payments");
        assertThat(PAYMENTS.servicesFor("team-a/api")).containsExactly("team-a-api");
        assertThat(PAYMENTS.servicesFor("team-a/api/main")).containsExactly("team-a-api");
        // whole names, case included
        assertThat(PAYMENTS.servicesFor("production/app")).isEmpty();
        assertThat(PAYMENTS.servicesFor("Prod/app")).isEmpty();
        assertThat(PAYMENTS.servicesFor("team-a/apiary")).isEmpty();
        assertThat(PAYMENTS.servicesFor("team-a")).isEmpty();
    }

    @Test
    public void anUnrelatedJobIsRefusedNamingTheServicesItMayUse() {
        ServiceRefusal refusal = PAYMENTS.refusal("team-a/api", "prod/payments").orElseThrow();

        assertThat(refusal.allowed()).containsExactly("team-a-api");
        assertThat(new ServiceRefusal.Refused(refusal).getMessage())
                .contains("'prod/payments'", "team-a/api", "[team-a-api]");
        assertThat(PAYMENTS.refusal("prod/eu/deploy", " prod/payments ")).isEmpty();
    }

    @Test
    public void aServiceIsReadAcrossControllersOnlyWhenItsMappingSharesIt() {
        assertThat(PAYMENTS.scope("prod/eu/deploy", "prod/payments", "ci-eu"))
                .isEqualTo(HistoryScope.ofService("prod/payments", "ci-eu", true));
        assertThat(PAYMENTS.scope("prod/eu/deploy", "prod/payments", "ci-eu").controller())
                .isEmpty();
        assertThat(PAYMENTS.scope("team-a/api", "team-a-api", "ci-eu").controller())
                .contains("ci-eu");
        assertThat(PAYMENTS.scope("team-a/api", "team-a-api", "ci-eu").job()).isEmpty();
        assertThat(PAYMENTS.scope("team-a/api", "", "ci-eu").job()).contains("team-a/api");
    }

    @Test
    public void aServiceSharedByOneMappingAndNotByAnotherIsAProblemNamingIt() {
        ServiceAccess conflicting = new ServiceAccess(
                List.of(ServiceRule.of("a", "payments", true), ServiceRule.of("b", "payments\nother", false)));

        FieldProblem problem = conflicting.problem().orElseThrow();

        assertThat(problem.field()).isEqualTo("serviceMappings");
        assertThat(problem.message()).contains("'payments'", "sharing with other controllers");
        assertThat(PAYMENTS.problem()).isEmpty();
    }

    @Test
    public void badMappingsAreRefusedNamingTheFieldAndTheForm() {
        assertThat(ServiceRule.problemWithJobs(" / "))
                .get()
                .extracting(FieldProblem::kind)
                .isEqualTo(FieldProblem.Kind.BLANK);
        assertThat(ServiceRule.problemWithJobs("a//b").orElseThrow().message())
                .startsWith("jobs: 'a//b' is not allowed: use the full name of a folder or a job");
        assertThat(ServiceRule.problemWithServices("\n \n").orElseThrow().field())
                .isEqualTo("services");
        assertThat(ServiceRule.problemWithServices("ok\n" + "x".repeat(201))
                        .orElseThrow()
                        .message())
                .startsWith("services: '" + "x".repeat(40) + "…' is not allowed: use one service name per line");
        assertThat(ServiceRule.problemWithServices("tab\there")).isPresent();
        assertThat(ServiceRule.problemWithServices("x".repeat(200))).isEmpty();
        assertThatThrownBy(() -> ServiceRule.of("", "payments", false))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("jobs: ");
        assertThatThrownBy(() -> ServiceRule.of("team", "", false))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("services: ");
    }
}
