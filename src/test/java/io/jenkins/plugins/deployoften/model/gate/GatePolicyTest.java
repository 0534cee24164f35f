package io.jenkins.plugins.deployoften.model.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.Test;

public class GatePolicyTest {
    @Test
    public void defaultsAreTheIssuesDefaults() {
        GatePolicy policy = GatePolicy.defaults();

        assertThat(policy.getMode()).isEqualTo(GateMode.ENFORCE);
        assertThat(policy.isFreshEnabled()).isTrue();
        assertThat(policy.getFreshMaxDays()).isEqualTo(14);
        assertThat(policy.isFrequentEnabled()).isTrue();
        assertThat(policy.getFrequentMinDeploys()).isEqualTo(2);
        assertThat(policy.getFrequentWindowDays()).isEqualTo(28);
        assertThat(policy.isCandidatePractisedEnabled()).isTrue();
        assertThat(policy.isHealthyEnabled()).isTrue();
        assertThat(policy.getHealthyLastDeploys()).isEqualTo(3);
        assertThat(policy.isFailureRateEnabled()).isFalse();
    }

    @Test
    public void toBuilderKeepsEveryValue() {
        GatePolicy custom = GatePolicy.builder()
                .mode(GateMode.WARN)
                .freshEnabled(false)
                .freshMaxDays(7)
                .frequentEnabled(false)
                .frequentMinDeploys(5)
                .frequentWindowDays(10)
                .candidatePractisedEnabled(false)
                .healthyEnabled(false)
                .healthyLastDeploys(4)
                .failureRateEnabled(true)
                .failureRateWindowDays(30)
                .failureRateMaxPercent(20)
                .build();

        GatePolicy copy = custom.toBuilder().build();

        assertThat(copy).usingRecursiveComparison().isEqualTo(custom);
        assertThat(copy.toString()).isEqualTo(custom.toString()).contains("mode=WARN", "failureRate=20%/30d");
    }

    @Test
    public void dayLimitsNameTheFieldAndTheRange() {
        assertThatThrownBy(() -> GatePolicy.builder().freshMaxDays(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("freshMaxDays: must be 1 to 3650, was 0");
        assertThatThrownBy(() -> GatePolicy.builder().freshMaxDays(3651).build())
                .hasMessage("freshMaxDays: must be 1 to 3650, was 3651");
        assertThatThrownBy(() -> GatePolicy.builder().frequentWindowDays(-1).build())
                .hasMessage("frequentWindowDays: must be 1 to 3650, was -1");
        assertThatThrownBy(() -> GatePolicy.builder().failureRateWindowDays(0).build())
                .hasMessage("failureRateWindowDays: must be 1 to 3650, was 0");
        assertThat(GatePolicy.builder().freshMaxDays(1).build().getFreshMaxDays())
                .isEqualTo(1);
        assertThat(GatePolicy.builder().freshMaxDays(3650).build().getFreshMaxDays())
                .isEqualTo(3650);
    }

    @Test
    public void aWindowHoldsAtMostOneDeployPerHour() {
        // 28 days x 24 deploys a day = 672 deploys fit; 673 do not
        assertThat(GatePolicy.builder().frequentMinDeploys(672).build().getFrequentMinDeploys())
                .isEqualTo(672);
        assertThatThrownBy(() -> GatePolicy.builder().frequentMinDeploys(673).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("frequentMinDeploys: 673 deploys cannot fit in 28 days at one deploy per hour at most;"
                        + " must be 1 to 672, was 673");
        // 1 day holds 24
        assertThatThrownBy(() -> GatePolicy.builder()
                        .frequentWindowDays(1)
                        .frequentMinDeploys(25)
                        .build())
                .hasMessageStartingWith("frequentMinDeploys: 25 deploys cannot fit in 1 days");
        assertThatThrownBy(() -> GatePolicy.builder().frequentMinDeploys(0).build())
                .hasMessage("frequentMinDeploys: must be 1 to 672, was 0");
    }

    @Test
    public void healthLimitsNameTheirFields() {
        assertThatThrownBy(() -> GatePolicy.builder().healthyLastDeploys(0).build())
                .hasMessage("healthyLastDeploys: must be 1 to 100, was 0");
        assertThatThrownBy(() -> GatePolicy.builder().healthyLastDeploys(101).build())
                .hasMessage("healthyLastDeploys: must be 1 to 100, was 101");
        assertThatThrownBy(() -> GatePolicy.builder().failureRateMaxPercent(-1).build())
                .hasMessage("failureRateMaxPercent: must be 0 to 100, was -1");
        assertThatThrownBy(() -> GatePolicy.builder().failureRateMaxPercent(101).build())
                .hasMessage("failureRateMaxPercent: must be 0 to 100, was 101");
        assertThat(GatePolicy.builder().failureRateMaxPercent(0).build().getFailureRateMaxPercent())
                .isZero();
        assertThat(GatePolicy.builder().failureRateMaxPercent(100).build().getFailureRateMaxPercent())
                .isEqualTo(100);
    }

    @Test
    public void switchedOffRulesAreValidatedToo() {
        assertThatThrownBy(() ->
                        GatePolicy.builder().freshEnabled(false).freshMaxDays(0).build())
                .hasMessageStartingWith("freshMaxDays:");
    }

    @Test
    public void aMissingModeIsNamed() {
        assertThatThrownBy(() -> GatePolicy.builder().mode(null).build())
                .hasMessage("mode: must be one of ENFORCE, WARN");
    }

    @Test
    public void theLongestSwitchedOnWindowIsRead() {
        assertThat(GatePolicy.defaults().maxWindowDays()).isEqualTo(28);
        assertThat(GatePolicy.builder()
                        .failureRateEnabled(true)
                        .failureRateWindowDays(90)
                        .build()
                        .maxWindowDays())
                .isEqualTo(90);
        assertThat(GatePolicy.builder().frequentEnabled(false).build().maxWindowDays())
                .isZero();
    }
}
