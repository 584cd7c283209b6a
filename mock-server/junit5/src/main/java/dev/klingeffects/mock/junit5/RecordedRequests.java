package dev.klingeffects.mock.junit5;

import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The requests the mock answered, oldest first, with the checks tests usually make. A failed check
 * throws an {@link AssertionError} that lists every recorded request.
 *
 * @param all every recorded request
 */
public record RecordedRequests(List<RecordedRequest> all) {

    /** Copies the list. */
    public RecordedRequests {
        all = List.copyOf(all);
    }

    /** @return the submits */
    public List<RecordedRequest> submits() {
        return matching(RecordedRequest::isSubmit);
    }

    /** @return the polls */
    public List<RecordedRequest> polls() {
        return matching(RecordedRequest::isPoll);
    }

    /** @return the polls of one task */
    public List<RecordedRequest> pollsOf(String taskId) {
        return matching(request -> request.isPoll() && request.path().endsWith("/" + taskId));
    }

    /** @return the requests that match */
    public List<RecordedRequest> matching(Predicate<RecordedRequest> filter) {
        return all.stream().filter(filter).toList();
    }

    /**
     * Checks that exactly {@code times} submits were sent (a submit costs money: tests often need "exactly one").
     *
     * @return this, for more checks
     */
    public RecordedRequests assertSubmits(int times) {
        return assertCount("submits", submits().size(), times);
    }

    /** Checks that exactly {@code times} polls of {@code taskId} were sent. @return this */
    public RecordedRequests assertPollsOf(String taskId, int times) {
        return assertCount("polls of " + taskId, pollsOf(taskId).size(), times);
    }

    private RecordedRequests assertCount(String what, int actual, int expected) {
        if (actual != expected) {
            throw new AssertionError("expected " + expected + " " + what + " but the mock recorded " + actual
                    + "; every request it answered:\n" + all.stream()
                    .map(request -> "  " + request.method() + " " + request.path() + " -> " + request.status())
                    .collect(Collectors.joining("\n")));
        }
        return this;
    }
}
