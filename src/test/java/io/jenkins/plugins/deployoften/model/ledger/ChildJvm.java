package io.jenkins.plugins.deployoften.model.ledger;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A test's child Java process running one of the test classpath's {@code main} classes. Its standard output
 * goes straight to a file, so every line it wrote before a SIGKILL is there afterwards. (Read through a pipe
 * by a thread of this JVM, a kill test once counted 26 records stored but unacknowledged after 20 kills, where
 * at most one per kill is possible: acknowledgement lines were lost on the way.) Close
 * it in a {@code finally} (or try-with-resources): closing kills it, so a failing or hanging test never
 * leaves a process behind. Public for the tests of other packages (the gate's audit log) that need a child JVM.
 */
public final class ChildJvm implements AutoCloseable {
    private final Process process;
    private final Path output;
    private final Path errors;

    private ChildJvm(Process process, Path output, Path errors) {
        this.process = process;
        this.output = output;
        this.errors = errors;
    }

    /**
     * Starts {@code main} in a new JVM with this JVM's class path. Under Surefire that class path may be a
     * manifest-only jar, which a child {@code java -cp} reads the same way.
     *
     * @param logs where the child's standard output ({@code <name>.out}) and error ({@code .err}) go
     * @param name names the log files; unique per child
     */
    public static ChildJvm start(Class<?> main, Path logs, String name, String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // small: the children only append to or compact one ledger
        command.add("-Xmx256m");
        command.add("-XX:+UseSerialGC");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(arguments));
        Path output = logs.resolve(name + ".out");
        Path errors = logs.resolve(name + ".err");
        Process process = new ProcessBuilder(command)
                .redirectOutput(output.toFile())
                .redirectError(errors.toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .start();
        return new ChildJvm(process, output, errors);
    }

    /** Waits until the child printed a line that matches, and returns it. */
    public String awaitLine(Predicate<String> matching, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (true) {
            boolean ended = !process.isAlive();
            List<String> lines = output();
            for (String line : lines) {
                if (matching.test(line)) {
                    return line;
                }
            }
            if (ended || System.nanoTime() > deadline) {
                throw new AssertionError("child printed no matching line within " + timeoutMillis + " ms"
                        + (ended ? " and ended with " + process.exitValue() : "") + "; it printed " + lines.size()
                        + " lines, last " + (lines.isEmpty() ? "none" : lines.get(lines.size() - 1)) + "; stderr: "
                        + errors());
            }
            Thread.sleep(10);
        }
    }

    /** Sends one line to the child's standard input. */
    public void send(String line) throws IOException {
        Writer in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        in.write(line + "\n");
        in.flush();
    }

    /** Kills the child with SIGKILL (on Linux) and waits for it to be gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("child " + process.pid() + " did not die within 30 s of SIGKILL");
        }
    }

    /** Waits for the child to exit on its own and checks that it succeeded. */
    public void awaitSuccess(long timeoutSeconds) throws InterruptedException {
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            throw new AssertionError("child did not finish within " + timeoutSeconds + " s; stderr: " + errors());
        }
        if (process.exitValue() != 0) {
            throw new AssertionError("child exited with " + process.exitValue() + "; stderr: " + errors());
        }
    }

    /** @return the complete lines the child printed so far; a line it was killed in the middle of is left out */
    public List<String> output() {
        try {
            byte[] bytes = Files.readAllBytes(output);
            int end = bytes.length;
            while (end > 0 && bytes[end - 1] != '\n') {
                end--;
            }
            String text = new String(Arrays.copyOf(bytes, end), StandardCharsets.UTF_8);
            return text.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String errors() {
        try {
            return Files.readString(errors, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
