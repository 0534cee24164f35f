package io.jenkins.plugins.deployoften.ui;

import hudson.model.Item;
import hudson.model.View;
import hudson.model.ViewGroup;
import io.jenkins.plugins.deployoften.Messages;
import io.jenkins.plugins.util.JenkinsFacade;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jenkins.model.Jenkins;

/**
 * A Jenkins {@link View} as the Deploy health page names it: the full name of the folder that holds it ({@code
 * ?folder=}, empty for the Jenkins root) and its path from there, the names of the views it is nested in and its
 * own, joined by {@code /} ({@code ?view=team/backend}). The widget builds its links with {@link #of(View)}, the
 * page finds the view again with {@link #find}, so both name a view the same way.
 *
 * @param folder the full name of the folder holding the view, empty for the Jenkins root
 * @param view the view's path from there
 */
record ViewPath(String folder, String view) {
    /** How many view names a "no such view" message lists at most. */
    static final int LISTED_VIEWS = 20;

    /**
     * @param view a view
     * @return where it is, empty when its owner is neither Jenkins nor a folder (a user's "My Views")
     */
    static Optional<ViewPath> of(View view) {
        List<String> names = new ArrayList<>();
        names.add(view.getViewName());
        ViewGroup owner = view.getOwner();
        while (owner instanceof View) {
            View outer = (View) owner;
            names.add(0, outer.getViewName());
            owner = outer.getOwner();
        }
        String path = String.join("/", names);
        if (owner instanceof Jenkins) {
            return Optional.of(new ViewPath("", path));
        }
        if (owner instanceof Item) {
            return Optional.of(new ViewPath(((Item) owner).getFullName(), path));
        }
        return Optional.empty();
    }

    /** What {@link #find} found: the view, or why there is none (a message naming {@code view}). */
    record Found(View view, String problem) {}

    /**
     * Finds a view by its path, view by view, each by its exact name among the views the user may read.
     *
     * @param root where the path starts: Jenkins or a folder
     * @param where how the message names {@code root}
     * @param path the names, joined by {@code /}; slashes at either end are ignored
     * @param jenkins the permission check
     * @return the view, or the message naming {@code view}, its value and the views there are at the level it
     *     fails
     */
    static Found find(ViewGroup root, String where, String path, JenkinsFacade jenkins) {
        String trimmed = trimSlashes(path);
        ViewGroup group = root;
        View found = null;
        for (String name : trimmed.split("/", -1)) {
            if (name.isBlank()) {
                return new Found(null, Messages.DeployHealthPage_emptyViewPart(path));
            }
            if (group == null) {
                return new Found(null, Messages.DeployHealthPage_notNested(path, found.getViewName()));
            }
            found = null;
            List<String> names = new ArrayList<>();
            for (View candidate : group.getViews()) {
                if (!jenkins.hasPermission(View.READ, candidate)) {
                    continue;
                }
                names.add(candidate.getViewName());
                if (candidate.getViewName().equals(name)) {
                    found = candidate;
                }
            }
            if (found == null) {
                return new Found(null, Messages.DeployHealthPage_unknownView(path, where, listed(names)));
            }
            group = found instanceof ViewGroup ? (ViewGroup) found : null;
        }
        return new Found(found, null);
    }

    private static String listed(List<String> names) {
        if (names.isEmpty()) {
            return Messages.DeployHealthPage_noViews();
        }
        names.sort(String::compareTo);
        String shown = String.join(", ", names.subList(0, Math.min(LISTED_VIEWS, names.size())));
        return names.size() > LISTED_VIEWS ? shown + ", …" : shown;
    }

    /** @return the text without spaces around it and without slashes at either end */
    static String trimSlashes(String text) {
        String trimmed = text == null ? "" : text.trim();
        int from = 0;
        int to = trimmed.length();
        while (from < to && trimmed.charAt(from) == '/') {
            from++;
        }
        while (to > from && trimmed.charAt(to - 1) == '/') {
            to--;
        }
        return trimmed.substring(from, to);
    }
}
