package io.jenkins.plugins.deployoften.model;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A list entered as text, one entry per line, as the System page's text areas take them. */
public final class TextLines {
    private TextLines() {}

    /**
     * @param text the entered text, possibly {@code null}
     * @return its non-blank lines, stripped, each once, in the order given
     */
    public static List<String> of(String text) {
        Set<String> lines = new LinkedHashSet<>();
        if (text != null) {
            text.lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(lines::add);
        }
        return List.copyOf(lines);
    }
}
