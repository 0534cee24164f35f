package io.jenkins.plugins.deployoften.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.Test;

/** Thresholds from the DORA Accelerate State of DevOps Report 2024, as documented on {@link DoraBand}. */
public class DoraBandTest {
    @Test
    public void deploymentFrequencyIsEliteOnlyAboveOncePerDay() {
        assertThat(DoraBand.forDeploymentFrequency(85, 84)).isEqualTo(DoraBand.ELITE);
        assertThat(DoraBand.forDeploymentFrequency(84, 84)).isEqualTo(DoraBand.HIGH); // exactly daily
    }

    @Test
    public void deploymentFrequencyIsHighDownToOncePerWeekAndMediumDownToOncePer30Days() {
        assertThat(DoraBand.forDeploymentFrequency(12, 84)).isEqualTo(DoraBand.HIGH); // 7 * 12 = 84 >= 84
        assertThat(DoraBand.forDeploymentFrequency(11, 84)).isEqualTo(DoraBand.MEDIUM); // 77 < 84
        assertThat(DoraBand.forDeploymentFrequency(3, 90)).isEqualTo(DoraBand.MEDIUM); // 30 * 3 = 90 >= 90
        assertThat(DoraBand.forDeploymentFrequency(2, 90)).isEqualTo(DoraBand.LOW); // 60 < 90
        assertThat(DoraBand.forDeploymentFrequency(0, 90)).isEqualTo(DoraBand.LOW);
    }

    @Test
    public void changeFailureRateIsEliteUpToFivePercentHighUpToTwentyAndLowAbove() {
        assertThat(DoraBand.forChangeFailureRate(0, 1)).isEqualTo(DoraBand.ELITE);
        assertThat(DoraBand.forChangeFailureRate(1, 20)).isEqualTo(DoraBand.ELITE); // exactly 5%
        assertThat(DoraBand.forChangeFailureRate(2, 21)).isEqualTo(DoraBand.HIGH); // 9.5%
        assertThat(DoraBand.forChangeFailureRate(1, 10)).isEqualTo(DoraBand.HIGH); // 10%: Medium's value, High too
        assertThat(DoraBand.forChangeFailureRate(1, 5)).isEqualTo(DoraBand.HIGH); // exactly 20%
        assertThat(DoraBand.forChangeFailureRate(21, 100)).isEqualTo(DoraBand.LOW); // 21%
        assertThat(DoraBand.forChangeFailureRate(1, 1)).isEqualTo(DoraBand.LOW);
    }

    @Test
    public void changeFailureRateRejectsImpossibleCounts() {
        assertThatThrownBy(() -> DoraBand.forChangeFailureRate(0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("completed");
        assertThatThrownBy(() -> DoraBand.forChangeFailureRate(3, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    public void recoveryTimeIsEliteUnderAnHourHighUnderADayAndLowFromADayOn() {
        assertThat(DoraBand.forRecoveryTime(Duration.ofMinutes(59))).isEqualTo(DoraBand.ELITE);
        assertThat(DoraBand.forRecoveryTime(Duration.ofHours(1))).isEqualTo(DoraBand.HIGH);
        assertThat(DoraBand.forRecoveryTime(Duration.ofHours(24).minusSeconds(1)))
                .isEqualTo(DoraBand.HIGH);
        assertThat(DoraBand.forRecoveryTime(Duration.ofDays(1))).isEqualTo(DoraBand.LOW);
    }

    @Test
    public void frequencyRejectsAnEmptyPeriod() {
        assertThatThrownBy(() -> DoraBand.forDeploymentFrequency(1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("days");
    }
}
