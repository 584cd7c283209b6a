package dev.klingeffects.mock.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the Kling effects mock in-process, on a free port, for every test of the annotated class: one mock for
 * the class, reset before each test, stopped after the last. Test and lifecycle methods take its base URL and
 * its admin client as parameters:
 *
 * <pre>{@code
 * @KlingEffectsMockTest
 * class EffectServiceTest {
 *     @Test
 *     void reportsWhyAnEffectFailed(@KlingEffectsMockBaseUrl String baseUrl, MockAdmin mock) { ... }
 * }
 * }</pre>
 *
 * <p>The defaults are those of {@link KlingEffectsMockExtension#create()}: the mock's clock follows the wall
 * clock and a task ends about a second after its submit, so {@code submitAndAwait} finishes on its own. For
 * tests that run in parallel, or for a mock per test, register {@link KlingEffectsMockExtension} in an
 * instance field instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(KlingEffectsMockExtension.class)
public @interface KlingEffectsMockTest {

    /**
     * @return whether the mock's time moves only when the test advances it ({@link MockAdmin#advanceClock});
     *         default: it follows the wall clock
     */
    boolean frozenClock() default false;

    /** @return the only API keys the mock accepts (default: any non-empty key) */
    String[] apiKeys() default {};

    /**
     * @return any flags of the mock, as on its command line, after the defaults (which they override), e.g.
     *         {@code {"--concurrent-limit", "3"}} or {@code {"--profile", "realistic"}}
     */
    String[] flags() default {};
}
