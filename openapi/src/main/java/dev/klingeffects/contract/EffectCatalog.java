package dev.klingeffects.contract;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The effect catalog ({@code kling-effects.tsv}): every effect with its person count and durations. */
public final class EffectCatalog {

    private static final String HEADER = "effect_scene\tpersons\tdurations";

    /** Names longer than this are never near a catalog name: no suggestion, and no work to find none. */
    private static final int MAX_COMPARED_CHARS = 64;
    private final Map<String, Effect> effects;
    /** The names in catalog order, and the characters each holds ({@link #charSet}), for the suggestion's search. */
    private final String[] names;
    private final long[] charSets;
    private final int longestName;

    private EffectCatalog(Map<String, Effect> effects) {
        this.effects = Collections.unmodifiableMap(effects);
        this.names = effects.keySet().toArray(String[]::new);
        this.charSets = new long[names.length];
        this.longestName = Arrays.stream(names).mapToInt(String::length).max().orElse(0);
        for (int i = 0; i < names.length; i++) {
            charSets[i] = charSet(names[i]);
        }
    }

    /**
     * Loads the catalog file the spec names in {@code x-effect-catalog.file}.
     *
     * @param spec the spec
     * @return the catalog
     */
    public static EffectCatalog load(ContractSpec spec) {
        String file = spec.schema("EffectTaskRequest").path("x-effect-catalog").path("file").asText();
        return parse(new String(ContractSpec.readResource(file), StandardCharsets.UTF_8));
    }

    /**
     * Parses a catalog from its TSV text.
     *
     * @param tsv header {@code effect_scene persons durations}, then one effect a line
     * @return the catalog
     */
    public static EffectCatalog parse(String tsv) {
        String[] lines = tsv.split("\r?\n");
        if (lines.length == 0 || !lines[0].equals(HEADER)) {
            throw new IllegalArgumentException("The catalog must start with the header: " + HEADER);
        }
        Map<String, Effect> effects = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] cells = lines[i].split("\t", -1);
            if (cells.length != 3) {
                throw new IllegalArgumentException("Catalog line " + (i + 1) + " needs 3 columns: " + lines[i]);
            }
            List<Integer> durations = Arrays.stream(cells[2].split(",")).map(String::trim).map(Integer::valueOf).toList();
            Effect effect = new Effect(cells[0], Integer.parseInt(cells[1]), durations);
            if (effects.put(effect.name(), effect) != null) {
                throw new IllegalArgumentException("Catalog line " + (i + 1) + " repeats " + effect.name());
            }
        }
        return new EffectCatalog(effects);
    }

    /**
     * @param name an {@code effect_scene} value
     * @return the effect, when the catalog has it
     */
    public Optional<Effect> find(String name) {
        return Optional.ofNullable(effects.get(name));
    }

    /** @return every effect, in catalog order */
    public Collection<Effect> all() {
        return effects.values();
    }

    /**
     * A likely intended name for an unknown one: its {@code _pro} template (Kling retired many plain
     * names in favour of those), else the closest name within two edits.
     *
     * @param unknown a name that is not in the catalog
     * @return the suggestion, if any is close enough
     */
    public Optional<String> suggestionFor(String unknown) {
        // Longer than every name by three or more: no name is within two edits, nor is its _pro template. Said
        // before anything copies or hashes it (a 10 MB name cost 0.1 s in the concatenation below).
        if (unknown.length() > Math.min(MAX_COMPARED_CHARS, longestName + 2)) {
            return Optional.empty();
        }
        if (effects.containsKey(unknown + "_pro")) {
            return Optional.of(unknown + "_pro");
        }
        String best = null;
        int bestDistance = 3;
        long unknownChars = charSet(unknown);
        // Two rows for all the comparisons of this call, rather than two per name.
        int[] previous = new int[MAX_COMPARED_CHARS + 1];
        int[] current = new int[MAX_COMPARED_CHARS + 1];
        for (int i = 0; i < names.length; i++) {
            String name = names[i];
            // Two cheap lower bounds of the distance first: an edit changes the length by at most one, and
            // the set of characters by at most two (one gone, one new). Most names fail one of them.
            if (Math.abs(name.length() - unknown.length()) >= bestDistance
                    || (Long.bitCount(unknownChars ^ charSets[i]) + 1) / 2 >= bestDistance) {
                continue;
            }
            int distance = editDistance(unknown, name, bestDistance, previous, current);
            if (distance < bestDistance) {
                best = name;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The characters of {@code name} as bits, by the low six bits of each (a shift's distance): characters that
     * share a bit only make the bound drawn from it lower, never wrong.
     */
    private static long charSet(String name) {
        long set = 0;
        for (int i = 0; i < name.length(); i++) {
            set |= 1L << name.charAt(i);
        }
        return set;
    }

    /**
     * Levenshtein distance, or {@code cap} once it is certain to reach it: only the diagonal band of width
     * {@code cap} either side can hold a smaller distance, and a row whose every cell has reached the cap ends
     * the search. An unknown effect is compared with every name on each refused submit, so this is a hot path.
     */
    private static int editDistance(String a, String b, int cap, int[] previous, int[] current) {
        if (a.length() > MAX_COMPARED_CHARS || b.length() > MAX_COMPARED_CHARS) {
            return cap;
        }
        int width = b.length() + 1;
        for (int j = 0; j < width; j++) {
            previous[j] = Math.min(j, cap);
        }
        for (int i = 1; i <= a.length(); i++) {
            int from = Math.max(1, i - cap);
            int to = Math.min(b.length(), i + cap);
            current[0] = Math.min(i, cap);
            if (from > 1) {
                current[from - 1] = cap;
            }
            int rowMin = current[0];
            char ai = a.charAt(i - 1);
            for (int j = from; j <= to; j++) {
                int substitution = previous[j - 1] + (ai == b.charAt(j - 1) ? 0 : 1);
                int value = Math.min(cap, Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1));
                current[j] = value;
                rowMin = Math.min(rowMin, value);
            }
            if (to < b.length()) {
                current[to + 1] = cap;
            }
            if (rowMin >= cap) {
                return cap;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
