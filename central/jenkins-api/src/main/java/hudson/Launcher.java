package hudson;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.TaskListener;
import java.io.IOException;
import java.util.Map;

public abstract class Launcher {
    public final class ProcStarter {
        private ProcStarter() {}

        public ProcStarter cmds(String... args) {
            throw new UnsupportedOperationException();
        }

        public ProcStarter pwd(@CheckForNull FilePath workDir) {
            throw new UnsupportedOperationException();
        }

        public ProcStarter stdout(@NonNull TaskListener out) {
            throw new UnsupportedOperationException();
        }

        public ProcStarter envs(@NonNull Map<String, String> overrides) {
            throw new UnsupportedOperationException();
        }

        public Proc start() throws IOException {
            throw new UnsupportedOperationException();
        }
    }

    public final ProcStarter launch() {
        throw new UnsupportedOperationException();
    }

    public boolean isUnix() {
        throw new UnsupportedOperationException();
    }
}
