package io.jenkins.plugins.deployoften.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.same;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import hudson.model.Item;
import hudson.model.View;
import hudson.model.ViewGroup;
import io.jenkins.plugins.util.JenkinsFacade;
import java.util.List;
import jenkins.model.Jenkins;
import org.junit.Before;
import org.junit.Test;

/**
 * How the widget names a view in its links to the Deploy health page ({@code ?folder=}, {@code ?view=a/b}) and how
 * the page finds it again: by exact names, only among views the user may read.
 */
public class ViewPathTest {
    private final JenkinsFacade permissions = mock(JenkinsFacade.class);
    private final Jenkins jenkins = mock(Jenkins.class);
    private View all;
    private View team;
    private View backend;
    private View secret;

    private View view(String name, ViewGroup owner, boolean group, boolean readable) {
        View view = group ? mock(View.class, withSettings().extraInterfaces(ViewGroup.class)) : mock(View.class);
        when(view.getViewName()).thenReturn(name);
        when(view.getOwner()).thenReturn(owner);
        when(permissions.hasPermission(any(), same(view))).thenReturn(readable);
        return view;
    }

    @Before
    public void views() {
        all = view("all", jenkins, false, true);
        team = view("team", jenkins, true, true);
        secret = view("secret", jenkins, false, false);
        backend = view("backend", (ViewGroup) team, false, true);
        when(jenkins.getViews()).thenReturn(List.of(all, team, secret));
        when(((ViewGroup) team).getViews()).thenReturn(List.of(backend));
    }

    @Test
    public void aViewIsNamedByItsFolderAndTheViewsItIsNestedIn() {
        assertThat(ViewPath.of(all)).contains(new ViewPath("", "all"));
        assertThat(ViewPath.of(backend)).contains(new ViewPath("", "team/backend"));

        Item folder = mock(Item.class, withSettings().extraInterfaces(ViewGroup.class));
        when(folder.getFullName()).thenReturn("team-a/payments");
        View inFolder = view("ops", (ViewGroup) folder, false, true);
        assertThat(ViewPath.of(inFolder)).contains(new ViewPath("team-a/payments", "ops"));

        // a user's "My Views": neither Jenkins nor a folder holds it, so the page cannot name it
        View mine = view("mine", mock(ViewGroup.class), false, true);
        assertThat(ViewPath.of(mine)).isEmpty();
    }

    @Test
    public void thePageFindsTheViewTheWidgetNamed() {
        assertThat(ViewPath.find(jenkins, "in Jenkins", "all", permissions).view())
                .isSameAs(all);
        assertThat(ViewPath.find(jenkins, "in Jenkins", "team", permissions).view())
                .isSameAs(team);
        assertThat(ViewPath.find(jenkins, "in Jenkins", "/team/backend/", permissions)
                        .view())
                .isSameAs(backend);
    }

    @Test
    public void anUnknownViewIsAMessageNamingTheParameterAndTheViewsThere() {
        ViewPath.Found unknown = ViewPath.find(jenkins, "in Jenkins", "nope", permissions);
        assertThat(unknown.view()).isNull();
        assertThat(unknown.problem()).startsWith("view: \"nope\"").contains("in Jenkins", "all, team");

        ViewPath.Found nested = ViewPath.find(jenkins, "in Jenkins", "team/frontend", permissions);
        assertThat(nested.view()).isNull();
        assertThat(nested.problem()).contains("team/frontend", "backend").doesNotContain("all,");
    }

    @Test
    public void aViewTheUserMayNotReadIsNeitherFoundNorListed() {
        ViewPath.Found hidden = ViewPath.find(jenkins, "in Jenkins", "secret", permissions);

        assertThat(hidden.view()).isNull();
        assertThat(hidden.problem())
                .contains("all, team")
                .doesNotContain("secret,")
                .doesNotContain(", secret");
    }

    @Test
    public void emptyPartsAndPathsPastAViewWithoutViewsAreRefused() {
        assertThat(ViewPath.find(jenkins, "in Jenkins", "team//backend", permissions)
                        .problem())
                .startsWith("view: \"team//backend\" has an empty name");
        assertThat(ViewPath.find(jenkins, "in Jenkins", "all/more", permissions).problem())
                .startsWith("view: \"all/more\" goes on past the view all");
    }

    @Test
    public void slashesAndSpacesAroundAreIgnored() {
        assertThat(ViewPath.trimSlashes(null)).isEmpty();
        assertThat(ViewPath.trimSlashes(" /a/b/ ")).isEqualTo("a/b");
        assertThat(ViewPath.trimSlashes("///")).isEmpty();
    }
}
