package dev.klingeffects.mock.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code String} parameter of a test or lifecycle method that takes the mock's base URL, e.g.
 * {@code http://127.0.0.1:41234}, under {@link KlingEffectsMockTest} or a registered
 * {@link KlingEffectsMockExtension}.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface KlingEffectsMockBaseUrl {}
