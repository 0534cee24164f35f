package io.jenkins.plugins.deployoften;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;

/** Checks that every constant of an enum has a display name of its own. */
public final class DisplayNameAssertions {
    private DisplayNameAssertions() {}

    /**
     * @param constants every constant of an enum
     * @param name what a page calls a constant
     */
    public static <E extends Enum<E>> void assertDisplayNames(E[] constants, Function<E, String> name) {
        assertThat(constants)
                .allSatisfy(constant -> assertThat(name.apply(constant))
                        .as(constant.name())
                        .isNotBlank()
                        .isNotEqualTo(constant.name()));
        assertThat(List.of(constants).stream().map(name).distinct()).hasSameSizeAs(constants);
    }
}
