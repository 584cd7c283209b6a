package dev.klingeffects.contracttests.support;

/** Names shared by the consumer and provider sides of the pact. */
public final class Contract {

    /** The consumer: our generated client and its facade. */
    public static final String CONSUMER = "kling-effects-java-client";
    /** The provider: the API, as implemented by the mock. */
    public static final String PROVIDER = "modellix-kling-effects-api";
    /** The key the provider accepts. */
    public static final String VALID_KEY = "pact-valid-key";
    /** A key the provider does not accept. */
    public static final String REVOKED_KEY = "revoked-key";
    /** The submit path. */
    public static final String SUBMIT_PATH = "/api/v1/image-to-video/kling/kling-video-effects/async";
    /** The poll path without the id. */
    public static final String TASKS_PATH = "/api/v1/tasks/";
    /** The flags the provider mock runs with: only the valid key, limits on so their headers show. */
    public static final String[] PROVIDER_FLAGS = {"--api-key", VALID_KEY, "--rate-limit", "1000", "--concurrent-limit", "3"};

    /** Provider states. */
    public static final String NO_TASKS = "no tasks exist";
    /** Provider state. */
    public static final String TASK_PENDING = "task task-1 is pending";
    /** Provider state. */
    public static final String TASK_PROCESSING = "task task-1 is processing";
    /** Provider state. */
    public static final String TASK_SUCCEEDED = "task task-1 has succeeded";
    /** Provider state. */
    public static final String TASK_FAILED = "task task-1 has failed";
    /** Provider state. */
    public static final String CONCURRENT_LIMIT_REACHED = "the key already has 3 unfinished tasks";

    private static final String REGEX_METACHARACTERS = "\\^$.|?*+()[]{}";

    /**
     * A regular expression matching {@code text} literally, written so that every Pact implementation
     * reads it: Java's {@code \\Q...\\E} quoting is unknown to the Rust, JavaScript and Go regex
     * engines, and Rust refuses escapes of characters that are not metacharacters.
     */
    public static String literal(String text) {
        StringBuilder regex = new StringBuilder(text.length() + 8);
        text.chars().forEach(c -> {
            if (REGEX_METACHARACTERS.indexOf(c) >= 0) {
                regex.append('\\');
            }
            regex.appendCodePoint(c);
        });
        return regex.toString();
    }

    private Contract() {}
}
