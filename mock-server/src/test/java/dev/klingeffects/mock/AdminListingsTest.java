package dev.klingeffects.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.klingeffects.mock.support.Requests;
import dev.klingeffects.mock.support.RunningMock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Admin listings come in bounded pages, whatever the mock holds. */
class AdminListingsTest {

    @RegisterExtension
    static final RunningMock mock = RunningMock.perClass("--frozen-clock", "true");

    private static void createTasks(int count, String key, String status) {
        for (int i = 0; i < count; i++) {
            var created = mock.client().post("/__admin/tasks", "{\"task_id\": \"task-" + key + "-" + status + "-" + i + "\", \"api_key\": \""
                    + key + "\"" + (status == null ? "" : ", \"status\": \"" + status + "\"") + "}", Map.of());
            assertThat(created.status()).isEqualTo(200);
        }
    }

    @Test
    void pagesTasksOldestFirstWithACursorUntilTheLast() {
        mock.reset();
        createTasks(230, "key-a", null);
        List<String> seen = new ArrayList<>();
        String cursor = "";
        int pages = 0;
        do {
            JsonNode page = mock.client().get("/__admin/tasks?cursor=" + cursor, Map.of()).json();
            page.path("tasks").forEach(task -> seen.add(task.path("task_id").asText()));
            assertThat(page.path("tasks").size()).isLessThanOrEqualTo(100);
            assertThat(page.path("total").asInt()).isEqualTo(230);
            cursor = page.path("next_cursor").isNull() ? null : page.path("next_cursor").asText();
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(230).doesNotHaveDuplicates().startsWith("task-key-a-null-0", "task-key-a-null-1").endsWith("task-key-a-null-229");
    }

    @Test
    void filtersTasksByStatusAndKey() {
        mock.reset();
        createTasks(3, "key-a", "failed");
        createTasks(2, "key-b", "success");
        createTasks(4, "key-b", null);

        JsonNode failed = mock.client().get("/__admin/tasks?status=failed", Map.of()).json();
        JsonNode ofB = mock.client().get("/__admin/tasks?api_key=key-b&limit=5", Map.of()).json();

        assertThat(failed.path("total").asInt()).isEqualTo(3);
        assertThat(ofB.path("total").asInt()).isEqualTo(6);
        assertThat(ofB.path("tasks").size()).isEqualTo(5);
        assertThat(ofB.path("next_cursor").isNull()).isFalse();
    }

    @Test
    void refusesPagesLargerThanTheBoundAndUnknownStatuses() {
        var tooLarge = mock.client().get("/__admin/tasks?limit=1001", Map.of());
        var badStatus = mock.client().get("/__admin/tasks?status=done", Map.of());
        var badCursor = mock.client().get("/__admin/requests?cursor=abc", Map.of());

        assertThat(tooLarge.status()).isEqualTo(400);
        assertThat(tooLarge.message()).startsWith("Value out of range: parameter 'limit' must be from 1 to 1000");
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badCursor.status()).isEqualTo(400);
    }

    @Test
    void pagesTheJournal() {
        mock.reset();
        for (int i = 0; i < 5; i++) {
            mock.client().get("/health", Map.of());
        }

        JsonNode first = mock.client().get("/__admin/requests?limit=3", Map.of()).json();
        JsonNode rest = mock.client().get("/__admin/requests?limit=3&cursor=" + first.path("next_cursor").asText(), Map.of()).json();

        assertThat(first.path("requests").size()).isEqualTo(3);
        assertThat(rest.path("requests").size()).isEqualTo(2);
        assertThat(rest.path("next_cursor").isNull()).isTrue();
    }

    @Test
    void refusesToMoveTheClockPastACentury() {
        var answer = mock.client().post("/__admin/clock/advance", "{\"millis\": 9223372036854775807}", Map.of());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(mock.client().get("/__admin/clock", Map.of()).json().path("now").asLong()).isPositive();
    }

    @Test
    void aRequestIsInTheJournalAsSoonAsItsAnswerArrives() {
        mock.reset();
        for (int i = 0; i < 200; i++) {
            mock.client().get("/api/v1/tasks/task-" + i, Map.of("Authorization", "Bearer k"));

            JsonNode journal = mock.client().get("/__admin/requests?limit=1000", Map.of()).json().path("requests");

            assertThat(journal.get(journal.size() - 1).path("path").asText()).isEqualTo("/api/v1/tasks/task-" + i);
        }
    }

    @Test
    void pagesTasksNewestFirstWhenAskedSoNoNewTaskIsHiddenBehindOldOnes() {
        mock.reset();
        createTasks(7, "key-n", null);
        List<String> seen = new ArrayList<>();
        String cursor = "";
        do {
            JsonNode page = mock.client().get("/__admin/tasks?order=newest&limit=3&cursor=" + cursor, Map.of()).json();
            assertThat(page.path("tasks").size()).isLessThanOrEqualTo(3);
            page.path("tasks").forEach(task -> seen.add(task.path("task_id").asText().replace("task-key-n-null-", "")));
            cursor = page.path("next_cursor").isNull() ? null : page.path("next_cursor").asText();
        } while (cursor != null);

        assertThat(seen).containsExactly("6", "5", "4", "3", "2", "1", "0");
    }

    @Test
    void listsTheJournalNewestFirstWhenAsked() {
        mock.reset();
        for (int i = 0; i < 5; i++) {
            mock.client().get("/health?n=" + i, Map.of());
            mock.client().get("/no-such-page-" + i, Map.of());
        }

        JsonNode page = mock.client().get("/__admin/requests?order=newest&limit=2", Map.of()).json();

        assertThat(page.path("requests").get(0).path("path").asText()).isEqualTo("/no-such-page-4");
        assertThat(page.path("requests").get(1).path("path").asText()).isEqualTo("/health");
        JsonNode next = mock.client().get("/__admin/requests?order=newest&limit=1&cursor="
                + page.path("next_cursor").asText(), Map.of()).json();
        assertThat(next.path("requests").get(0).path("path").asText()).isEqualTo("/no-such-page-3");
    }

    @Test
    void refusesAnOrderItDoesNotKnow() {
        var answer = mock.client().get("/__admin/tasks?order=random", Map.of());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.message()).isEqualTo("Value out of range: parameter 'order' must be one of [oldest, newest], got 'random'");
    }

    @Test
    void theDashboardAsksForTheNewestTasksAndRequestsRatherThanReversingTheOldest() {
        String page = mock.client().get("/__admin/ui", Map.of()).body();

        assertThat(page).contains("/tasks?order=newest&limit=1000", "/requests?order=newest&limit=50")
                .doesNotContain(".reverse()");
    }

    @Test
    void refusesToMoveTheClockPastTheYear9999SoExpiriesStayValidDates() {
        mock.reset();
        var century = "{\"millis\": " + dev.klingeffects.mock.admin.AdminApi.MAX_ADVANCE_MILLIS + "}";
        int moved = 0;
        while (mock.client().post("/__admin/clock/advance", century, Map.of()).status() == 200) {
            assertThat(++moved).as("the clock kept moving past year 9999").isLessThan(100);
        }

        var refused = mock.client().post("/__admin/clock/advance", century, Map.of());
        long now = mock.client().get("/__admin/clock", Map.of()).json().path("now").asLong();

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.message()).isEqualTo("Value out of range: parameter 'millis' would move the clock past "
                + "9899-01-23T23:59:59.999Z, the latest time it shows");
        assertThat(now).isBetween(dev.klingeffects.mock.tasks.MockClock.MAX_MILLIS
                - dev.klingeffects.mock.admin.AdminApi.MAX_ADVANCE_MILLIS, dev.klingeffects.mock.tasks.MockClock.MAX_MILLIS);
        // A task finished then expires within the spec's maximum (the client checks every answer against the spec).
        mock.client().post("/__admin/tasks", "{\"task_id\": \"task-late\", \"api_key\": \"k\", \"status\": \"success\"}",
                Map.of());
        long expires = mock.client().get(Requests.TASKS + "task-late", Requests.auth("k")).json().path("data")
                .path("result_expires_at").asLong();
        assertThat(expires).isPositive().isLessThanOrEqualTo(253_402_300_799_999L);
        mock.reset();
    }
}
