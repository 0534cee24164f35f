package io.jenkins.plugins.deployoften.model.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deployoften.model.DeployStatistics;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.Test;

/** The badge endpoint's answers: found, not modified, and one identical 404 for everything else. */
public class BadgeReplyTest {
    private static final DeployHealthView HEALTH = DeployHealthView.of(
            DeployStatistics.compute(
                    List.of(), EnvironmentName.of("staging"), Instant.parse("2026-06-04T12:00:00Z"), 12),
            Optional.empty());

    @Test
    public void aVisibleJobGetsTheSvgWithAQuotedContentEtag() {
        BadgeReply reply = BadgeReply.to("/gate.svg", Optional.of(HEALTH), null, EnglishBadgeTexts.ENGLISH);

        assertThat(reply.getStatus()).isEqualTo(200);
        assertThat(reply.getBody()).startsWith("<svg").contains("release gate");
        assertThat(reply.getEtag())
                .hasValue("\""
                        + HEALTH.badge("gate", EnglishBadgeTexts.ENGLISH)
                                .orElseThrow()
                                .contentHash() + "\"");
    }

    @Test
    public void aMatchingIfNoneMatchGetsNotModified() {
        String etag = BadgeReply.to("/gate.svg", Optional.of(HEALTH), null, EnglishBadgeTexts.ENGLISH)
                .getEtag()
                .orElseThrow();

        BadgeReply reply = BadgeReply.to("/gate.svg", Optional.of(HEALTH), etag, EnglishBadgeTexts.ENGLISH);

        assertThat(reply.getStatus()).isEqualTo(304);
        assertThat(reply.getBody()).isEmpty();
        assertThat(BadgeReply.to("/gate.svg", Optional.of(HEALTH), "\"other\"", EnglishBadgeTexts.ENGLISH)
                        .getStatus())
                .isEqualTo(200);
    }

    @Test
    public void aHiddenJobAMissingJobAndAnUnknownBadgeGetTheSameNotFound() {
        List<BadgeReply> replies = new ArrayList<>();
        replies.add(BadgeReply.to("/gate.svg", Optional.empty(), null, EnglishBadgeTexts.ENGLISH));
        replies.add(BadgeReply.to("/nope.svg", Optional.of(HEALTH), null, EnglishBadgeTexts.ENGLISH));
        replies.add(BadgeReply.to("/gate.png", Optional.of(HEALTH), null, EnglishBadgeTexts.ENGLISH));
        replies.add(BadgeReply.to("/../gate.svg", Optional.of(HEALTH), null, EnglishBadgeTexts.ENGLISH));
        replies.add(
                BadgeReply.to("/gate.svg", name -> Optional.empty(), "secret/job", null, EnglishBadgeTexts.ENGLISH));
        replies.add(BadgeReply.to("/gate.svg", name -> Optional.of(HEALTH), "", null, EnglishBadgeTexts.ENGLISH));

        for (BadgeReply reply : replies) {
            assertThat(reply.getStatus()).isEqualTo(404);
            assertThat(reply.getBody()).isEqualTo("Not found");
            assertThat(reply.getEtag()).isEmpty();
        }
    }

    @Test
    public void theJobIsNotLookedUpForAnInvalidBadgeName() {
        int[] lookups = {0};
        BadgeReply.to(
                "/evil.svg",
                name -> {
                    lookups[0]++;
                    return Optional.of(HEALTH);
                },
                "app",
                null,
                EnglishBadgeTexts.ENGLISH);

        assertThat(lookups[0]).isZero();
    }

    @Test
    public void everyBadgeNameIsServed() {
        for (String name : DeployHealthView.badgeNames()) {
            assertThat(BadgeReply.to("/" + name + ".svg", Optional.of(HEALTH), null, EnglishBadgeTexts.ENGLISH)
                            .getStatus())
                    .as(name)
                    .isEqualTo(200);
        }
    }
}
