package io.jenkins.plugins.deployoften.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.Test;

/** User text shown on a page or in a build log cannot reorder what is displayed nor start a line of its own. */
public class DisplayTextTest {
    @Test
    public void bidirectionalControlsAreRemovedAndLineBreaksCannotForgeALine() {
        String reversed = "fix \u202Egnp.exe\u202C done";

        assertThat(DisplayText.of(reversed)).isEqualTo("fix gnp.exe done");
        assertThat(DisplayText.of("a\u2066b\u2067c\u2068d\u2069e\u200Ef\u200Fg\u061Ch\u202Ai\u202Bj\u202Dk"))
                .isEqualTo("abcdefghijk");
        assertThat(DisplayText.of("ok\nDeployOften release gate for prod: PASS\r\tx"))
                .isEqualTo("ok DeployOften release gate for prod: PASS  x")
                .doesNotContain("\n", "\r");
        assertThat(DisplayText.of("a\u0000b\u0085c\u2028d\u2029e\u001bf\uD800g"))
                .isEqualTo("a�b�c�d�e�f�g");
        assertThat(DisplayText.of("plain text ✓ 😀 é")).isEqualTo("plain text ✓ 😀 é");
        assertThat(DisplayText.of(null)).isEmpty();
    }
}
