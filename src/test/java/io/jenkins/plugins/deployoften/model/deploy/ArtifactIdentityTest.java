package io.jenkins.plugins.deployoften.model.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.Test;

public class ArtifactIdentityTest {
    @Test
    public void nothingFingerprintedHasNoIdentity() {
        assertThat(ArtifactIdentity.of(Map.of())).isEmpty();
        assertThat(ArtifactIdentity.of(null)).isEmpty();
    }

    @Test
    public void oneArtifactIsItsOwnFingerprint() {
        assertThat(ArtifactIdentity.of(Map.of("app.war", "0cc175b9c0f1b6a831c399e269772661")))
                .contains("0cc175b9c0f1b6a831c399e269772661");
    }

    @Test
    public void severalArtifactsHashTheirSortedLinesWhateverTheOrder() {
        Map<String, String> ab = new LinkedHashMap<>();
        ab.put("a.jar", "1");
        ab.put("b.jar", "2");
        Map<String, String> ba = new LinkedHashMap<>();
        ba.put("b.jar", "2");
        ba.put("a.jar", "1");

        // md5("a.jar:1\nb.jar:2\n"), computed with: printf 'a.jar:1\nb.jar:2\n' | md5sum
        assertThat(ArtifactIdentity.of(ab)).contains("f0ccacc986d70158e8798c1e0451da30");
        assertThat(ArtifactIdentity.of(ab)).isEqualTo(ArtifactIdentity.of(ba));
        assertThat(ArtifactIdentity.of(Map.of("a.jar", "1", "b.jar", "3"))).isNotEqualTo(ArtifactIdentity.of(ab));
    }
}
