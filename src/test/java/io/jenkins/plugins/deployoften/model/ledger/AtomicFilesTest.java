package io.jenkins.plugins.deployoften.model.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** A file replaced all at once is never written through a planted link, and a failure leaves nothing behind. */
public class AtomicFilesTest {
    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();

    @Test
    public void aLinkPlantedAtTheTemporaryNameIsRemovedNotWrittenThrough() throws IOException {
        Path directory = temporary.newFolder("job").toPath();
        Path config = Files.writeString(directory.resolve("config.xml"), "<project/>");
        Path target = directory.resolve("state.json");
        Files.createSymbolicLink(directory.resolve("state.json.tmp"), config);

        AtomicFiles.replace(target, "state.json.tmp", "new".getBytes(StandardCharsets.UTF_8), true);

        assertThat(config).hasContent("<project/>");
        assertThat(target).hasContent("new");
        assertThat(Files.isSymbolicLink(target)).isFalse();
        assertThat(directory.resolve("state.json.tmp")).doesNotExist();
    }

    @Test
    public void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path directory = temporary.newFolder("job").toPath();
        Path target = Files.writeString(directory.resolve("state.json"), "old");

        assertThatThrownBy(() -> AtomicFiles.replace(
                        target,
                        "state.json.tmp",
                        channel -> {
                            channel.write(java.nio.ByteBuffer.wrap("half".getBytes(StandardCharsets.UTF_8)));
                            throw new IOException("No space left on device");
                        },
                        true))
                .hasMessage("No space left on device");

        assertThat(target).hasContent("old");
        try (var listing = Files.list(directory)) {
            assertThat(listing).containsExactly(target);
        }
    }
}
