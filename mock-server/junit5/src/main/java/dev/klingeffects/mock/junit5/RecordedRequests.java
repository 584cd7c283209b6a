package dev.klingeffects.mock.junit5;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The requests the mock answered, oldest first, with the checks tests usually make. A failed check
 * throws an {@link AssertionError} that lists every recorded request, newest first; a failed
 * {@link #verify(RequestPattern)} also shows the near miss: the recorded request closest to the pattern and
 * what differed; {@link #verify(int, RequestPattern)} shows the near miss when too few matched, and the
 * matching requests when too many did.
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

    /**
     * Checks that at least one recorded request matches, e.g.
     * {@code verify(submitted().effect("bullet_time").field("duration", 10))}.
     *
     * @return this, for more checks
     * @throws AssertionError naming the closest recorded request and what differed, when none matches
     */
    public RecordedRequests verify(RequestPattern pattern) {
        if (all.stream().noneMatch(pattern::matches)) {
            throw new AssertionError("expected at least one request matching " + pattern + ", but none of the "
                    + all.size() + " recorded did" + nearMiss(pattern) + everyRequest());
        }
        return this;
    }

    /**
     * Checks that exactly {@code times} recorded requests match.
     *
     * @return this, for more checks
     * @throws AssertionError with the count and, when too few matched, the closest non-matching request and
     *     what differed; when too many matched, the matching requests
     */
    public RecordedRequests verify(int times, RequestPattern pattern) {
        long matching = all.stream().filter(pattern::matches).count();
        if (matching != times) {
            // Too many: the requests that should not have happened are the news, not a near miss.
            throw new AssertionError("expected " + times + " requests matching " + pattern + " but " + matching
                    + " of the " + all.size() + " recorded did"
                    + (matching > times ? matchingRequests(pattern) : nearMiss(pattern)) + everyRequest());
        }
        return this;
    }

    /** @return the requests that match the pattern, oldest first */
    public List<RecordedRequest> matching(RequestPattern pattern) {
        return matching(pattern::matches);
    }

    /** The non-matching request closest to the pattern (the newest among equals), and what differed. */
    private String nearMiss(RequestPattern pattern) {
        List<RecordedRequest> newestFirst = newestFirst();
        return newestFirst.stream().filter(request -> !pattern.matches(request))
                .min(Comparator.comparingInt(pattern::distance))
                .map(closest -> "\nclosest recorded request: " + closest.line()
                        + (closest.body() == null ? "" : "\n  body: " + closest.body())
                        + "\n  differences:\n" + pattern.differences(closest).stream()
                        .map(difference -> "    " + difference).collect(Collectors.joining("\n")))
                .orElse("");
    }

    private String matchingRequests(RequestPattern pattern) {
        return "\nmatching requests, newest first:\n" + newestFirst().stream().filter(pattern::matches)
                .map(request -> "  " + request.line() + (request.body() == null ? "" : "\n    body: " + request.body()))
                .collect(Collectors.joining("\n"));
    }

    private List<RecordedRequest> newestFirst() {
        List<RecordedRequest> newestFirst = new ArrayList<>(all);
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    private String everyRequest() {
        return "\nevery request it answered, newest first:" + (all.isEmpty() ? " none" : "\n" + newestFirst().stream()
                .map(request -> "  " + request.line()).collect(Collectors.joining("\n")));
    }

    private RecordedRequests assertCount(String what, int actual, int expected) {
        if (actual != expected) {
            throw new AssertionError("expected " + expected + " " + what + " but the mock recorded " + actual
                    + everyRequest());
        }
        return this;
    }
}
