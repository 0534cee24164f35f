package io.jenkins.plugins.deployoften.ui;

import hudson.Extension;
import hudson.model.Api;
import hudson.model.RootAction;
import io.jenkins.plugins.deployoften.Messages;
import io.jenkins.plugins.deployoften.model.view.DeployHealthCsv;
import io.jenkins.plugins.util.JenkinsFacade;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;
import org.kohsuke.stapler.WebMethod;

/**
 * The release managers' page "Deploy health" at {@code /deployoften/}, with its exports {@code api/json} (and
 * {@code api/xml}) and {@code rows.csv}: what runs where for the jobs of a view, a folder or all of Jenkins that
 * the user may read, filtered by state ({@link DeployHealthPage}). Everything comes from the jobs' cached ledger
 * summaries ({@link DeployHealthService}), never from builds. Jenkins lets only users with Overall/Read reach the
 * page; the exports check it again, and every job is checked for Item/Read.
 */
@Extension
public class DeployHealthRootAction implements RootAction {
    /** The page's URL name, under the Jenkins root. */
    static final String URL_NAME = "deployoften";

    /**
     * The plugin's Jenkins symbol, {@code images/symbols/deployoften.svg}, for the links of its actions: core draws it
     * in the theme's text colour ({@code currentColor}).
     */
    static final String ICON = "symbol-deployoften plugin-deployoften";

    private final JenkinsFacade jenkins;

    public DeployHealthRootAction() {
        this(new JenkinsFacade());
    }

    /** @param jenkins the permission check, for tests */
    DeployHealthRootAction(JenkinsFacade jenkins) {
        this.jenkins = jenkins;
    }

    @Override
    public String getIconFileName() {
        return ICON;
    }

    @Override
    public String getDisplayName() {
        return Messages.DeployHealthRootAction_displayName();
    }

    @Override
    public String getUrlName() {
        return URL_NAME;
    }

    /**
     * @param request the request, whose {@code view}, {@code folder}, {@code state} and {@code page} parameters
     *     name what to show
     * @return the page as the current user may see it
     */
    public DeployHealthPage page(StaplerRequest2 request) {
        checkRead();
        return DeployHealthPage.of(
                request.getParameter("view"),
                request.getParameter("folder"),
                request.getParameter("state"),
                request.getParameter("page"));
    }

    /**
     * @param request the request, with the page's scope parameters
     * @return every row of that scope for {@code api/json} and {@code api/xml}
     */
    public Api getApi(StaplerRequest2 request) {
        return new Api(new DeployHealthPageApi(page(request)));
    }

    /**
     * Answers {@code rows.csv}: every row of the scope the request's parameters name, see {@link DeployHealthCsv}.
     *
     * @param request the request, with the page's scope parameters
     * @param response where the CSV goes
     * @throws IOException when it cannot be written
     */
    @WebMethod(name = "rows.csv")
    public void doRowsCsv(StaplerRequest2 request, StaplerResponse2 response) throws IOException {
        DeployHealthPage page = page(request);
        byte[] body = DeployHealthCsv.of(page.getTable()).getBytes(StandardCharsets.UTF_8);
        response.setContentType(DeployHealthCsv.CONTENT_TYPE);
        response.setHeader("Content-Disposition", "attachment; filename=\"deploy-health.csv\"");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(body.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(body);
        }
    }

    /** Overall/Read, which Jenkins also demands before it routes to the page. */
    private void checkRead() {
        if (!jenkins.hasPermission(Jenkins.READ)) {
            throw HttpResponses.errorWithoutStack(403, Messages.DeployHealthPage_forbidden());
        }
    }
}
