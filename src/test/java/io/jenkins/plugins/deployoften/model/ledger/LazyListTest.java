package io.jenkins.plugins.deployoften.model.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.Test;

public class LazyListTest {
    @Test
    public void itsSizeIsKnownWithoutDecodingAndItsElementsAreDecodedOnce() {
        AtomicInteger decodes = new AtomicInteger();
        List<String> list = LazyList.of(3, () -> {
            decodes.incrementAndGet();
            return List.of("a", "b", "c");
        });

        assertThat(list).hasSize(3);
        assertThat(list.isEmpty()).isFalse();
        assertThat(decodes).hasValue(0);
        assertThat(list.get(1)).isEqualTo("b");
        assertThat(list).containsExactly("a", "b", "c").isEqualTo(List.of("a", "b", "c"));
        assertThat(decodes).hasValue(1);
    }

    @Test
    public void aDecodingThatGivesAnotherNumberOfElementsFailsItsUse() {
        List<String> list = LazyList.of(2, () -> List.of("a"));
        assertThatThrownBy(() -> list.get(0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("decoded 1 elements, not 2");
    }

    @Test
    public void itCannotBeChanged() {
        List<String> list = LazyList.of(1, () -> List.of("a"));
        assertThatThrownBy(() -> list.add("b")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> list.set(0, "b")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(list).containsExactly("a");
    }
}
