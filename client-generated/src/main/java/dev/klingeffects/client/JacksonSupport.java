package dev.klingeffects.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The Jackson the client runs on: the oldest it supports, checked when a client is built, and its one mapper.
 * Teams bring their own Jackson (Spring Boot 3.0 ships 2.14), so nothing here may need a newer one: the
 * generated {@code ApiClient.createDefaultObjectMapper()} is not used because its RFC 3339 module needs 2.16.
 */
final class JacksonSupport {

    /** The oldest jackson-databind and jackson-core the client is tested on (the downstream build's floor). */
    static final Version FLOOR = new Version(2, 14, 0, null, "com.fasterxml.jackson.core", "jackson-databind");

    private JacksonSupport() {}

    static void requireSupportedVersion() {
        requireSupported(com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION,
                com.fasterxml.jackson.core.json.PackageVersion.VERSION);
    }

    static void requireSupported(Version databind, Version core) {
        if (olderThanFloor(databind) || olderThanFloor(core)) {
            throw new IllegalStateException("The Kling effects client needs Jackson " + FLOOR.getMajorVersion() + "."
                    + FLOOR.getMinorVersion() + " or newer, but found jackson-databind " + databind
                    + " and jackson-core " + core
                    + ". Align them, e.g. by importing com.fasterxml.jackson:jackson-bom 2.14.0 or newer.");
        }
    }

    private static boolean olderThanFloor(Version version) {
        return version.getMajorVersion() != FLOOR.getMajorVersion()
                || version.getMinorVersion() < FLOOR.getMinorVersion();
    }

    /** The generated layer's mapper settings, with Jackson's own Java time module only. */
    static ObjectMapper newMapper() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.setSerializationInclusion(JsonInclude.Include.NON_NULL);
        mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        mapper.configure(DeserializationFeature.FAIL_ON_INVALID_SUBTYPE, false);
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.enable(SerializationFeature.WRITE_ENUMS_USING_TO_STRING);
        mapper.enable(DeserializationFeature.READ_ENUMS_USING_TO_STRING);
        mapper.disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
        mapper.registerModule(new JavaTimeModule());
        return mapper;
    }
}
