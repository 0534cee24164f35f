package hudson;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.File;
import java.io.IOException;

public final class FilePath {
    public FilePath(@NonNull File localPath) {}

    public String getRemote() {
        throw new UnsupportedOperationException();
    }

    public FilePath createTextTempFile(
            final String prefix, final String suffix, final String contents, final boolean inThisDirectory)
            throws IOException, InterruptedException {
        throw new UnsupportedOperationException();
    }

    public boolean delete() throws IOException, InterruptedException {
        throw new UnsupportedOperationException();
    }
}
