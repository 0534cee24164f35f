package io.jenkins.plugins.deployoften.ui;

import hudson.Extension;
import hudson.model.Job;
import hudson.model.UnprotectedRootAction;
import io.jenkins.plugins.deployoften.SystemJobLookup;
import io.jenkins.plugins.deployoften.model.view.BadgeReply;
import io.jenkins.plugins.deployoften.model.view.DeployHealthView;
import io.jenkins.plugins.deployoften.security.DeployOftenPermissions;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * Serves deploy-health badges at {@code /deployoften-badge/{frequency,last,failures,gate}.svg?job=FULL_NAME},
 * like the embeddable-build-status plugin: readable by anyone holding "DeployOften / View badge" on the job
 * (implied by Job/Read), so admins can show badges to anonymous users without granting them the job. The
 * job is looked up as the system, then the requester's permission decides; a job the requester may not see
 * answers exactly as a missing job does.
 */
@Extension
public class DeployBadgeRootAction implements UnprotectedRootAction {
    public static final String URL_NAME = "deployoften-badge";

    private static final Logger LOGGER = Logger.getLogger(DeployBadgeRootAction.class.getName());

    private final SystemJobLookup jobs;

    public DeployBadgeRootAction() {
        this(new SystemJobLookup());
    }

    /** @param jobs where badge requests' jobs are looked up, for tests */
    DeployBadgeRootAction(SystemJobLookup jobs) {
        this.jobs = jobs;
    }

    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return null;
    }

    @Override
    public String getUrlName() {
        return URL_NAME;
    }

    /**
     * @param job the job
     * @param name the badge's name
     * @return the badge's path relative to the Jenkins root, the job's name URL-encoded
     */
    public static String badgePath(Job<?, ?> job, String name) {
        return URL_NAME + "/" + name + ".svg?job=" + URLEncoder.encode(job.getFullName(), StandardCharsets.UTF_8);
    }

    /**
     * Answers a badge request.
     *
     * @param request the request; its rest of path names the badge, its {@code job} parameter the job
     * @param response where the SVG, a 304 or the 404 goes
     * @throws IOException when the answer cannot be written
     */
    public void doDynamic(StaplerRequest2 request, StaplerResponse2 response) throws IOException {
        BadgeReply reply = BadgeReply.to(
                request.getRestOfPath(),
                this::visibleHealth,
                request.getParameter("job"),
                request.getHeader("If-None-Match"),
                BadgeWords.forRequest());
        write(reply, response);
    }

    static void write(BadgeReply reply, StaplerResponse2 response) throws IOException {
        response.setStatus(reply.getStatus());
        response.setHeader("Cache-Control", BadgeReply.CACHE_CONTROL);
        // the words follow the requester's language
        response.setHeader("Vary", "Accept-Language");
        if (reply.getEtag().isPresent()) {
            response.setHeader("ETag", reply.getEtag().get());
        }
        if (reply.getStatus() == 304) {
            return;
        }
        response.setContentType(reply.getStatus() == 200 ? BadgeReply.CONTENT_TYPE : "text/plain;charset=utf-8");
        byte[] body = reply.getBody().getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(body);
        }
    }

    /** The job's health when it exists and the requester may see its badges; empty otherwise. */
    Optional<DeployHealthView> visibleHealth(String fullName) {
        Optional<Job<?, ?>> found = jobs.findJob(fullName);
        if (found.isEmpty() || !found.get().hasPermission(DeployOftenPermissions.VIEW_BADGE)) {
            return Optional.empty();
        }
        Job<?, ?> job = found.get();
        try {
            return Optional.of(DeployHealthService.get().healthOf(job));
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "cannot read the deploy ledger of " + fullName, e);
            return Optional.empty();
        }
    }
}
