package dev.klingeffects.client;

import java.time.Duration;

/**
 * A failed attempt that the client will try again.
 *
 * @param operation what was being done, e.g. {@code get task task-1}
 * @param attempt   which attempt failed, from 1
 * @param delay     how long the client waits before the next attempt
 * @param failure   why the attempt failed
 */
public record RetryEvent(String operation, int attempt, Duration delay, ModellixException failure) {}
