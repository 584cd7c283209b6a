package dev.klingeffects.client;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Reads the client's settings from environment variables, naming the variable when a value is unusable. */
final class Settings {

    private Settings() {}

    /** @return the variable's value, stripped, if set and not blank */
    static Optional<String> read(UnaryOperator<String> env, String name) {
        return Optional.ofNullable(env.apply(name)).map(String::strip).filter(value -> !value.isEmpty());
    }

    /** @return whole seconds ({@code 30}) or ISO-8601 ({@code PT30S}) */
    static Duration duration(String name, String value) {
        try {
            return value.matches("[0-9]{1,9}") ? Duration.ofSeconds(Long.parseLong(value)) : Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be seconds (30) or ISO-8601 (PT30S), got '" + value + "'", e);
        }
    }

    /** Runs {@code apply}, saying which variable its refusal came from. */
    static void as(String name, Runnable apply) {
        try {
            apply.run();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }
}
