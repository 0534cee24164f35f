package io.jenkins.plugins.deployoften;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;
import org.junit.Test;

/** Durations in words, as the build log and the pages show them. */
public class DurationWordsTest {
    private static String words(Duration duration) {
        return DurationWords.of(duration, Locale.ROOT);
    }

    @Test
    public void eachUnitAndTheNextSmallerOne() {
        assertThat(words(Duration.ofMillis(850))).isEqualTo("850 ms");
        assertThat(words(Duration.ofSeconds(42))).isEqualTo("42 s");
        assertThat(words(Duration.ofSeconds(185))).isEqualTo("3 min 5 s");
        assertThat(words(Duration.ofMinutes(15))).isEqualTo("15 min");
        assertThat(words(Duration.ofMinutes(125))).isEqualTo("2 h 5 min");
        assertThat(words(Duration.ofHours(3))).isEqualTo("3 h");
        assertThat(words(Duration.ofHours(1234))).isEqualTo("1234 h");
    }
}
