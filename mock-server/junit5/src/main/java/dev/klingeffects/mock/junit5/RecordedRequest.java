package dev.klingeffects.mock.junit5;

/**
 * One request the mock answered (the admin API's own requests are not recorded; keys and bodies never are).
 *
 * @param method HTTP method
 * @param path   path, without the query
 * @param status the status the mock answered
 * @param millis how long it took
 * @param at     when it was answered (Unix ms, mock clock)
 */
public record RecordedRequest(String method, String path, int status, double millis, long at) {

    /** @return whether this is a submit of an effect task */
    public boolean isSubmit() {
        return "POST".equals(method) && path.endsWith("/kling-video-effects/async");
    }

    /** @return whether this is a poll of a task */
    public boolean isPoll() {
        return "GET".equals(method) && path.startsWith("/api/v1/tasks/");
    }
}
