package dev.klingeffects.client;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Options for some calls rather than the whole client: pass them to
 * {@link KlingEffectsClient#withOptions(RequestOptions)}. Each option given here replaces the client's;
 * headers are added to the client's default headers.
 *
 * <pre>{@code
 * client.withOptions(RequestOptions.builder().timeout(Duration.ofSeconds(5)).header("Prefer", "outcome=failed").build())
 *       .submit(request);
 * }</pre>
 */
public final class RequestOptions {

    private static final Set<String> SET_BY_THE_CLIENT = Set.of("authorization", "user-agent");
    private static final RequestOptions NONE = builder().build();

    private final Duration timeout;
    private final RetryPolicy retryPolicy;
    private final Map<String, String> headers;
    private final ClientListener listener;

    private RequestOptions(Builder builder) {
        this.timeout = builder.timeout;
        this.retryPolicy = builder.retryPolicy;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(builder.headers));
        this.listener = builder.listener;
    }

    /** @return options that change nothing */
    public static RequestOptions none() {
        return NONE;
    }

    /** @return a builder with no option set */
    public static Builder builder() {
        return new Builder();
    }

    /** @return how long one HTTP exchange (answer head and body) may take, if set */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /** @return how to retry, if set */
    public Optional<RetryPolicy> retryPolicy() {
        return Optional.ofNullable(retryPolicy);
    }

    /** @return the extra headers, in the order given */
    public Map<String, String> headers() {
        return headers;
    }

    /** @return who hears of retries and status changes, if set */
    public Optional<ClientListener> listener() {
        return Optional.ofNullable(listener);
    }

    /** These options over {@code base}: every option set here wins, headers are merged. */
    RequestOptions over(RequestOptions base) {
        Builder merged = builder();
        merged.timeout = timeout != null ? timeout : base.timeout;
        merged.retryPolicy = retryPolicy != null ? retryPolicy : base.retryPolicy;
        merged.listener = listener != null ? listener : base.listener;
        merged.headers.putAll(base.headers);
        merged.headers.putAll(headers);
        return new RequestOptions(merged);
    }

    @Override
    public String toString() {
        return "RequestOptions[timeout=" + timeout + ", retryPolicy=" + retryPolicy + ", headers=" + headers.keySet() + "]";
    }

    /** Builds {@link RequestOptions}; every option is optional. */
    public static final class Builder {
        private Duration timeout;
        private RetryPolicy retryPolicy;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private ClientListener listener;

        private Builder() {}

        /**
         * @param timeout how long one HTTP exchange may take, answer body included (a retry gets the same again)
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            if (Objects.requireNonNull(timeout, "timeout").isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive, got " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * @param policy how to retry these calls
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * @param name  a header to send, e.g. {@code Prefer} against the mock; not {@code Authorization} or
         *              {@code User-Agent}, which the client sets, nor one Java's HTTP client reserves
         * @param value its value
         * @return this builder
         * @throws IllegalArgumentException for a reserved or malformed header
         */
        public Builder header(String name, String value) {
            checkHeader(name, value);
            headers.put(name, value);
            return this;
        }

        /**
         * @param listener who hears of retries and of status changes while awaiting
         * @return this builder
         */
        public Builder listener(ClientListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** @return the options */
        public RequestOptions build() {
            return new RequestOptions(this);
        }
    }

    /** Refuses now what would otherwise fail at the first send. */
    static void checkHeader(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (SET_BY_THE_CLIENT.contains(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException(name + " is set by the client (apiKey()/userAgent())");
        }
        // Java's HTTP client's own rules: legal characters, and no restricted names such as Host or Content-Length.
        HttpRequest.newBuilder().header(name, value);
    }
}
