package dev.klingeffects.mock.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void tokensAreThirtyTwoHexDigitsAndNeverRepeatAcrossManyDraws() {
        int count = Ids.TOKENS_PER_DRAW * 5 + 3; // past several refills, ending inside one
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tokens.add(Ids.token());
        }

        assertThat(tokens).allMatch(token -> token.matches("[0-9a-f]{32}"), "32 lower-case hex digits")
                .doesNotHaveDuplicates()
                .noneMatch(token -> token.equals("0".repeat(32)));
    }

    @Test
    void aDrawIsHandedOutOnceInSixteenByteSlices() {
        Ids.Draws draws = new Ids.Draws();
        List<String> slices = new ArrayList<>();
        for (int i = 0; i < Ids.TOKENS_PER_DRAW + 1; i++) {
            slices.add(draws.next());
        }

        assertThat(slices).doesNotHaveDuplicates().allMatch(token -> token.length() == Ids.TOKEN_BYTES * 2);
    }

    @Test
    void taskIdsStartWithTaskAndCarryAToken() {
        assertThat(Ids.taskId()).matches("task-[0-9a-f]{32}");
        assertThat(Ids.taskId()).isNotEqualTo(Ids.taskId());
    }
}
