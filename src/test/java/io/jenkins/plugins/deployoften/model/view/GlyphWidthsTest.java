package io.jenkins.plugins.deployoften.model.view;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import org.junit.Assume;
import org.junit.Test;

public class GlyphWidthsTest {
    private final GlyphWidths widths = GlyphWidths.dejaVuSans();

    @Test
    public void committedTableIsWhatTheGeneratorMakesFromTheFont() throws Exception {
        Assume.assumeTrue(
                "skipped: " + GlyphWidthTableGenerator.DEFAULT_FONT
                        + " is missing; install it with: apt-get update && apt-get install -y fonts-dejavu-core",
                Files.isRegularFile(GlyphWidthTableGenerator.DEFAULT_FONT));

        String generated = GlyphWidthTableGenerator.generate(GlyphWidthTableGenerator.DEFAULT_FONT);

        String committed;
        try (InputStream in = GlyphWidths.class.getResourceAsStream(GlyphWidths.TABLE)) {
            committed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(committed)
                .as("regenerate with GlyphWidthTableGenerator (see its Javadoc)")
                .isEqualTo(generated);
    }

    @Test
    public void controlAndFormatCharactersDoNotDependOnWhatTheJdkSaysOfTheFont() throws Exception {
        Assume.assumeTrue(
                "skipped: " + GlyphWidthTableGenerator.DEFAULT_FONT + " is missing",
                Files.isRegularFile(GlyphWidthTableGenerator.DEFAULT_FONT));
        java.awt.Font font =
                java.awt.Font.createFont(java.awt.Font.TRUETYPE_FONT, GlyphWidthTableGenerator.DEFAULT_FONT.toFile());
        for (int control : new int[] {0x0000, 0x0009, 0x001F, 0x007F, 0x0085, 0x009F}) {
            assertThat(GlyphWidthTableGenerator.hasGlyph(font, control))
                    .as("U+%04X", control)
                    .isFalse();
            assertThat(widths.isKnown(control)).as("U+%04X", control).isFalse();
        }
        assertThat(GlyphWidthTableGenerator.hasGlyph(font, 0x2065))
                .as("unassigned")
                .isFalse();
        assertThat(GlyphWidthTableGenerator.hasGlyph(font, 'A')).isTrue();
        assertThat(GlyphWidthTableGenerator.hasGlyph(font, 0x00A0)).isTrue();
        // format characters take no room, as in a browser, whatever the JDK measures (JDK 17: U+00AD 3.969 px)
        for (int format : new int[] {0x00AD, 0x200B, 0x2066, 0x2069}) {
            assertThat(widths.isKnown(format)).as("U+%04X", format).isTrue();
            assertThat(widths.advance(format)).as("U+%04X", format).isZero();
        }
        assertThat(widths.width("de\u00ADploys")).isEqualTo(widths.width("deploys"));
    }

    @Test
    public void advancesAreTheFontUnitsScaledToElevenPixels() {
        // DejaVu Sans has 2048 units per em; 'W' advances 2025 units, 'i' 569, space 651: units * 11 / 2048
        assertThat(widths.advance('W')).isCloseTo(2025 * 11 / 2048.0, within(0.0005));
        assertThat(widths.advance('i')).isCloseTo(569 * 11 / 2048.0, within(0.0005));
        assertThat(widths.advance(' ')).isCloseTo(651 * 11 / 2048.0, within(0.0005));
    }

    @Test
    public void widthOfAWordIsTheSumOfItsAdvances() {
        // d 1300 + e 1260 + p 1300 + l 569 + o 1253 + y 1212 + s 1067 = 7961 units; * 11 / 2048 = 42.759 px
        assertThat(widths.width("deploys")).isCloseTo(42.759, within(0.002));
        assertThat(widths.width("")).isZero();
    }

    @Test
    public void kerningPairsNarrowTheirPair() {
        // A and V advance 1401 units each (7.525 px); kerned, the pair is 0.704 px narrower (as Chromium lays it out)
        assertThat(widths.pairAdjustment('A', 'V')).isEqualTo(-0.704);
        assertThat(widths.width("AV")).isEqualTo(7.525 + 7.525 - 0.704, within(0.0005));
        assertThat(widths.width("VA")).isLessThan(widths.advance('V') + widths.advance('A'));
        assertThat(widths.pairAdjustment('d', 'e')).isZero();
    }

    @Test
    public void unknownCodePointsCountAsOneEmAndSurrogatePairsAsOneCodePoint() {
        assertThat(widths.isKnown(0x4E2D)).isFalse();
        assertThat(widths.width("中")).isEqualTo(11.0);
        // U+1F600 is one code point in two chars: one em, not two
        assertThat(widths.width("\uD83D\uDE00")).isEqualTo(11.0);
        assertThat(widths.width("中\uD83D\uDE00中")).isEqualTo(33.0);
    }

    @Test
    public void unknownMarksAndFormatCharactersTakeNoRoom() {
        // U+FE0F variation selector (mark) and U+FEFF (format) are outside the table
        assertThat(widths.isKnown(0xFE0F)).isFalse();
        assertThat(widths.width("\uD83D\uDE00\uFE0F")).isEqualTo(11.0);
        assertThat(widths.width("\uFEFF")).isZero();
        // combining acute accent is in the table with zero advance
        assertThat(widths.isKnown(0x0301)).isTrue();
        assertThat(widths.advance(0x0301)).isZero();
    }

    @Test
    public void parsesTheTableFormatAndRejectsMalformedLines() throws IOException {
        Map<Integer, Integer> advances = new HashMap<>();
        Map<Long, Integer> pairs = new HashMap<>();
        GlyphWidths.parse(
                new BufferedReader(new StringReader("# comment\n0041 100 - 300\npair 0041 0043 -7\n")),
                advances,
                pairs);
        assertThat(advances).containsOnly(Map.entry(0x41, 100), Map.entry(0x43, 300));
        assertThat(pairs).hasSize(1).containsValue(-7);

        assertThatThrownBy(() -> GlyphWidths.parse(
                        new BufferedReader(new StringReader("0041 100\n0042 x\n")), new HashMap<>(), new HashMap<>()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("line 2");
    }

    @Test
    public void runtimeViewClassesDoNotUseAwt() {
        JavaClasses main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(GlyphWidths.class.getPackageName());
        assertThat(main.contain(GlyphWidths.class)).isTrue();
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("java.awt..", "javax.imageio..")
                .because("Jenkins controllers may have no fonts; the widths come from the committed table")
                .check(main);
    }
}
