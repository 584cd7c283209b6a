package dev.klingeffects.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.media.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The catalog agrees with itself and with what the spec says about it. */
class EffectCatalogConsistencyTest {

    private record Row(String effect, int persons, List<Integer> durations) {}

    private static final List<Row> ROWS = readCatalog();
    private static final Schema<?> REQUEST =
            SpecFiles.parse(SpecFiles.SPEC, false).getOpenAPI().getComponents().getSchemas().get("EffectTaskRequest");

    private static List<Row> readCatalog() {
        try {
            List<String> lines = Files.readAllLines(SpecFiles.CATALOG);
            assertThat(lines.get(0)).isEqualTo("effect_scene\tpersons\tdurations");
            return lines.stream().skip(1).map(line -> line.split("\t", -1)).map(cells -> new Row(
                    cells[0], Integer.parseInt(cells[1]),
                    Arrays.stream(cells[2].split(",")).map(Integer::valueOf).toList())).toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void holds212EffectsOf208SingleImageAnd4TwoPerson() {
        assertThat(ROWS).hasSize(212);
        assertThat(ROWS.stream().collect(Collectors.groupingBy(Row::persons, Collectors.counting())))
                .containsExactlyInAnyOrderEntriesOf(Map.of(1, 208L, 2, 4L));
    }

    @Test
    void hasNoDuplicateEffects() {
        assertThat(ROWS).extracting(Row::effect).doesNotHaveDuplicates();
    }

    @Test
    void effectNamesAreLowerCaseWithoutWhitespace() {
        // Not strict snake case: Kling's own list has names such as "let's_ride".
        assertThat(ROWS).extracting(Row::effect).allMatch(name -> name.matches("[a-z0-9_']+"));
    }

    @Test
    void durationsAreWithinTheSpecsDurationEnum() {
        List<?> allowed = ((Schema<?>) REQUEST.getProperties().get("duration")).getEnum();

        assertThat(ROWS).allSatisfy(row -> assertThat(row.durations()).isNotEmpty().isSubsetOf(
                allowed.stream().map(value -> ((Number) value).intValue()).toList()));
    }

    @Test
    void twoPersonEffectsAreTheOnesTheSpecNames() {
        String description = ((Schema<?>) REQUEST.getProperties().get("effect_scene")).getDescription();

        Set<String> named = backticked(between(description, "4 two-person effects", ")"));

        assertThat(ROWS.stream().filter(row -> row.persons() == 2).map(Row::effect))
                .containsExactlyInAnyOrderElementsOf(named);
    }

    @Test
    void fiveSecondOnlyEffectsAreTheOnesTheSpecNames() {
        String description = ((Schema<?>) REQUEST.getProperties().get("duration")).getDescription();

        Set<String> legacy = backticked(between(description, "legacy", "allow only"));

        assertThat(ROWS.stream().filter(row -> row.persons() == 1 && row.durations().equals(List.of(5)))
                .map(Row::effect)).containsExactlyInAnyOrderElementsOf(legacy);
        assertThat(ROWS.stream().filter(row -> row.persons() == 2))
                .allSatisfy(row -> assertThat(row.durations()).containsExactly(5));
    }

    @Test
    void specPointsAtThisCatalogFile() {
        @SuppressWarnings("unchecked")
        var catalog = (Map<String, Object>) REQUEST.getExtensions().get("x-effect-catalog");

        assertThat(SpecFiles.DIR.resolve((String) catalog.get("file"))).isEqualTo(SpecFiles.CATALOG).exists();
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        assertThat(from).as("'%s' in %s", start, text).isNotNegative();
        int to = text.indexOf(end, from + start.length());
        return text.substring(from + start.length(), to);
    }

    private static Set<String> backticked(String text) {
        Matcher matcher = Pattern.compile("`([a-z0-9_]+)`").matcher(text);
        Set<String> names = new java.util.TreeSet<>();
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
