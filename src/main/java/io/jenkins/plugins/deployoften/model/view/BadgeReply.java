package io.jenkins.plugins.deployoften.model.view;

import java.util.Optional;
import java.util.function.Function;

/**
 * The HTTP answer to a badge request. A job the requester may not see and a job that does not exist get the
 * very same 404, so badges never reveal which jobs exist. Found badges carry an ETag of their content and
 * ask image proxies to revalidate ({@code Cache-Control: no-cache}).
 */
public final class BadgeReply {
    public static final String CONTENT_TYPE = "image/svg+xml;charset=utf-8";
    public static final String CACHE_CONTROL = "no-cache";

    private final int status;
    private final String body;
    private final String etag;

    private BadgeReply(int status, String body, String etag) {
        this.status = status;
        this.body = body;
        this.etag = etag;
    }

    /**
     * @param path the request's rest of path, such as {@code /frequency.svg}
     * @param visibleHealth the job's health when the job exists and the requester may see its badges
     * @param ifNoneMatch the request's {@code If-None-Match} header, possibly {@code null}
     * @param texts the badge's words, and the 404's
     * @return the reply
     */
    public static BadgeReply to(
            String path, Optional<DeployHealthView> visibleHealth, String ifNoneMatch, BadgeTexts texts) {
        Optional<String> name = badgeName(path);
        if (name.isEmpty() || visibleHealth.isEmpty()) {
            return notFound(texts);
        }
        Optional<Badge> badge = visibleHealth.get().badge(name.get(), texts);
        if (badge.isEmpty()) {
            return notFound(texts);
        }
        String etag = "\"" + badge.get().contentHash() + "\"";
        if (etag.equals(ifNoneMatch)) {
            return new BadgeReply(304, "", etag);
        }
        return new BadgeReply(200, badge.get().svg(), etag);
    }

    /**
     * Looks the job up only when the badge name is valid.
     *
     * @param path the request's rest of path
     * @param visibleHealth finds the job's health when it exists and may be seen
     * @param ifNoneMatch the request's {@code If-None-Match} header
     * @param texts the badge's words, and the 404's
     * @return the reply
     */
    public static BadgeReply to(
            String path,
            Function<String, Optional<DeployHealthView>> visibleHealth,
            String jobName,
            String ifNoneMatch,
            BadgeTexts texts) {
        if (badgeName(path).isEmpty() || jobName == null || jobName.isBlank()) {
            return notFound(texts);
        }
        return to(path, visibleHealth.apply(jobName), ifNoneMatch, texts);
    }

    private static BadgeReply notFound(BadgeTexts texts) {
        return new BadgeReply(404, texts.notFound(), null);
    }

    static Optional<String> badgeName(String path) {
        if (path == null) {
            return Optional.empty();
        }
        String name = path.startsWith("/") ? path.substring(1) : path;
        if (!name.endsWith(".svg")) {
            return Optional.empty();
        }
        name = name.substring(0, name.length() - ".svg".length());
        return DeployHealthView.badgeNames().contains(name) ? Optional.of(name) : Optional.empty();
    }

    public int getStatus() {
        return status;
    }

    public String getBody() {
        return body;
    }

    /** @return the ETag header value, quoted; empty for a 404 */
    public Optional<String> getEtag() {
        return Optional.ofNullable(etag);
    }
}
