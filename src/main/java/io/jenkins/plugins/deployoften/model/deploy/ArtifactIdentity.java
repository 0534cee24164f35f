package io.jenkins.plugins.deployoften.model.deploy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One identity for the artifact(s) a build deployed, from Jenkins' MD5 fingerprints: a single artifact's
 * own fingerprint, or for several artifacts the MD5 of their sorted {@code name:md5} lines, so the same
 * set of artifacts always has the same identity.
 */
public final class ArtifactIdentity {
    private ArtifactIdentity() {}

    /**
     * @param fingerprintsByFileName file name to MD5 hex, as Jenkins' fingerprint action records them
     * @return the identity, or empty when nothing was fingerprinted
     */
    public static Optional<String> of(Map<String, String> fingerprintsByFileName) {
        if (fingerprintsByFileName == null || fingerprintsByFileName.isEmpty()) {
            return Optional.empty();
        }
        if (fingerprintsByFileName.size() == 1) {
            return Optional.of(fingerprintsByFileName.values().iterator().next());
        }
        StringBuilder lines = new StringBuilder();
        new TreeMap<>(fingerprintsByFileName)
                .forEach((name, md5) ->
                        lines.append(name).append(':').append(md5).append('\n'));
        return Optional.of(md5(lines.toString()));
    }

    private static String md5(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("MD5");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
    }
}
