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

    /**
     * The character-set bound holds for characters sharing their low six bits ('a' and '!' and U+00A1 and U+0021),
     * surrogates, digits, upper case, the empty name and names of 63 to 66 characters.
     */
    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void suggestsWhatAFullEditDistanceSuggestsForHostileNames(long seed) {
        Random random = new Random(seed);
        List<String> names = CATALOG.all().stream().map(Effect::name).toList();
        String hostile = LETTERS + "!\u00a1\u0021\u0061\u0161\u4e61\ud800\udc00\ud83d\ude00ABCZ019_\u0000\u003f\u007f\uffff";
        for (int i = 0; i < 1500; i++) {
            String typo;
            switch (random.nextInt(4)) {
                case 0 -> typo = mutate(names.get(random.nextInt(names.size())), 1 + random.nextInt(3), random, hostile);
                case 1 -> {
                    // Every character of a name shifted by 64 (or 128, ...): the same mask, a large distance.
                    String name = names.get(random.nextInt(names.size()));
                    StringBuilder shifted = new StringBuilder(name);
                    int at = random.nextInt(name.length());
                    shifted.setCharAt(at, (char) (name.charAt(at) + 64 * (1 + random.nextInt(3))));
                    typo = mutate(shifted.toString(), random.nextInt(2), random, hostile);
                }
                case 2 -> {
                    StringBuilder longName = new StringBuilder(names.get(random.nextInt(names.size())));
                    while (longName.length() < 62 + random.nextInt(6)) {
                        longName.append(hostile.charAt(random.nextInt(hostile.length())));
                    }
                    typo = longName.toString();
                }
                default -> typo = mutate("", random.nextInt(3), random, hostile);
            }

            assertThat(CATALOG.suggestionFor(typo)).as(typo).isEqualTo(reference(typo));
        }
    }

    private static String mutate(String name, int edits, Random random) {
        return mutate(name, edits, random, LETTERS);
    }

    private static String mutate(String name, int edits, Random random, String alphabet) {
        StringBuilder text = new StringBuilder(name);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(text.length() + 1);
            char letter = alphabet.charAt(random.nextInt(alphabet.length()));
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
