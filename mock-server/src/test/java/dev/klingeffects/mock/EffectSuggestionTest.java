package dev.klingeffects.mock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingeffects.contract.ContractSpec;
import dev.klingeffects.contract.Effect;
import dev.klingeffects.contract.EffectCatalog;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The "did you mean" of an unknown effect is the nearest name, as a plain edit distance finds it. */
class EffectSuggestionTest {

    private static final EffectCatalog CATALOG = EffectCatalog.load(ContractSpec.load());
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz_";

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void suggestsWhatAFullEditDistanceSuggestsForTyposOfRealNames(long seed) {
        Random random = new Random(seed);
        List<String> names = CATALOG.all().stream().map(Effect::name).toList();
        for (int i = 0; i < 400; i++) {
            String typo = mutate(names.get(random.nextInt(names.size())), 1 + random.nextInt(4), random);

            assertThat(CATALOG.suggestionFor(typo)).as(typo).isEqualTo(reference(typo));
        }
    }

    private static String mutate(String name, int edits, Random random) {
        StringBuilder text = new StringBuilder(name);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(text.length() + 1);
            char letter = LETTERS.charAt(random.nextInt(LETTERS.length()));
            switch (text.isEmpty() ? 0 : random.nextInt(3)) {
                case 0 -> text.insert(at, letter);
                case 1 -> text.deleteCharAt(Math.min(at, text.length() - 1));
                default -> text.setCharAt(Math.min(at, text.length() - 1), letter);
            }
        }
        return text.toString();
    }

    /** The rule the catalog documents, with the textbook dynamic programme and no shortcut. */
    private static Optional<String> reference(String unknown) {
        if (CATALOG.find(unknown + "_pro").isPresent()) {
            return Optional.of(unknown + "_pro");
        }
        String best = null;
        int bestDistance = 3;
        for (Effect effect : CATALOG.all()) {
            int distance = unknown.length() > 64 ? 3 : levenshtein(unknown, effect.name());
            if (distance < bestDistance) {
                best = effect.name();
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    private static int levenshtein(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            for (int j = 0; j <= b.length(); j++) {
                d[i][j] = i == 0 ? j : j == 0 ? i : Math.min(d[i - 1][j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1),
                        Math.min(d[i - 1][j], d[i][j - 1]) + 1);
            }
        }
        return d[a.length()][b.length()];
    }
}
