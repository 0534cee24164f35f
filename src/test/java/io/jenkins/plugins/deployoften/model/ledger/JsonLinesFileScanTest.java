package io.jenkins.plugins.deployoften.model.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@link JsonLinesFile#scanBackwards}, whose reads start small and double: every line comes out whole and in
 * order, whatever read it starts or ends in, for lines from empty to many reads long, over the whole file and over
 * ranges, and a visitor that stops is given no further line.
 */
public class JsonLinesFileScanTest {
    /** Where the growing reads end, counted from the end of the file: 4, 12, 28, 60 and 124 KiB. */
    private static final int[] READ_ENDS = {4096, 12288, 28672, 61440, 126976};

    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();

    @Test
    public void linesEndingOnEitherSideOfEveryReadBoundaryComeOutWholeNewestFirst() throws IOException {
        for (int readEnd : READ_ENDS) {
            for (int shift = -2; shift <= 2; shift++) {
                // lines b (its length chosen) and c (100 bytes) with their newlines take readEnd + shift - 1 bytes,
                // so the newline that ends line a is the byte `shift` bytes past the boundary of a read
                List<byte[]> lines = new ArrayList<>();
                lines.add(line('a', 300));
                lines.add(line('b', readEnd + shift - 103));
                lines.add(line('c', 100));
                assertScannedNewestFirst(write(lines), lines, "read end " + readEnd + ", shift " + shift);
            }
        }
    }

    @Test
    public void randomLinesFromEmptyToSeveralReadsLongComeOutWholeNewestFirst() throws IOException {
        for (int seed = 0; seed < 40; seed++) {
            Random random = new Random(seed);
            List<byte[]> lines = new ArrayList<>();
            int count = 1 + random.nextInt(60);
            for (int i = 0; i < count; i++) {
                int length =
                        switch (random.nextInt(4)) {
                            case 0 -> 1 + random.nextInt(40);
                            case 1 -> 1 + random.nextInt(3000);
                            case 2 -> 1 + random.nextInt(20_000);
                            default -> 1 + random.nextInt(150_000);
                        };
                lines.add(line((char) ('a' + i % 26), length));
            }
            assertScannedNewestFirst(write(lines), lines, "seed " + seed);
        }
    }

    @Test
    public void aRangeGivesItsOwnLinesAndAStoppedScanNoMore() throws IOException {
        List<byte[]> lines = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            lines.add(line((char) ('a' + i % 26), 500 + 997 * i));
        }
        Path file = write(lines);
        long start = 0;
        for (int i = 0; i < 10; i++) {
            start += lines.get(i).length + 1;
        }
        long end = start;
        for (int i = 10; i < 30; i++) {
            end += lines.get(i).length + 1;
        }
        List<byte[]> visited = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            // the range's last byte is the newline of line 29: the range ends with an empty piece, not passed on
            assertThat(JsonLinesFile.scanBackwards(channel, start, end, line -> visited.add(line)))
                    .isTrue();
        }
        List<byte[]> expected = new ArrayList<>(lines.subList(10, 30));
        Collections.reverse(expected);
        assertSameLines(visited, expected, "range");

        List<byte[]> firstThree = new ArrayList<>();
        new JsonLinesFile(file.getParent(), file.getFileName().toString(), "lock", false)
                .scanBackwards(line -> firstThree.add(line) && firstThree.size() < 3);
        assertSameLines(firstThree, List.of(lines.get(39), lines.get(38), lines.get(37)), "stopped after three");
    }

    private void assertScannedNewestFirst(Path file, List<byte[]> lines, String context) throws IOException {
        List<byte[]> visited = new ArrayList<>();
        new JsonLinesFile(file.getParent(), file.getFileName().toString(), "lock", false)
                .scanBackwards(line -> visited.add(line));
        List<byte[]> expected = new ArrayList<>(lines);
        Collections.reverse(expected);
        assertSameLines(visited, expected, context);
    }

    private static void assertSameLines(List<byte[]> actual, List<byte[]> expected, String context) {
        assertThat(actual).as(context).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(Arrays.equals(actual.get(i), expected.get(i)))
                    .as(context + ": line " + i + " of " + expected.size() + ", " + actual.get(i).length + " bytes, "
                            + expected.get(i).length + " expected")
                    .isTrue();
        }
    }

    private Path write(List<byte[]> lines) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (byte[] line : lines) {
            bytes.writeBytes(line);
            bytes.write('\n');
        }
        Path file = temporary.newFolder().toPath().resolve("lines.jsonl");
        Files.write(file, bytes.toByteArray());
        return file;
    }

    /** A line of {@code length} bytes that differs from its neighbours at both ends, so a cut shows. */
    private static byte[] line(char fill, int length) {
        byte[] line = new byte[length];
        Arrays.fill(line, (byte) fill);
        line[0] = '<';
        line[length - 1] = '>';
        return line;
    }
}
