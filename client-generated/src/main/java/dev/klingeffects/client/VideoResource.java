package dev.klingeffects.client;

/**
 * One generated file of a successful task.
 *
 * @param url    download URL, valid until the task's result expiry
 * @param type   kind of file, {@code video} for effects
 * @param width  width in pixels, or null
 * @param height height in pixels, or null
 * @param format container, e.g. {@code mp4}, or null
 * @param role   e.g. {@code primary}, or null
 */
public record VideoResource(String url, String type, Integer width, Integer height, String format, String role) {}
