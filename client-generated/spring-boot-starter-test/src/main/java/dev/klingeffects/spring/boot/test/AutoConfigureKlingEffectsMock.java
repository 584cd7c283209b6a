package dev.klingeffects.spring.boot.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the Kling effects mock in-process, on a free port, for a {@code @SpringBootTest}: the auto-configured
 * client is pointed at it ({@code modellix.base-url}, {@code modellix.api-key}), and its typed admin client
 * {@link dev.klingeffects.mock.junit5.MockAdmin} can be injected. The mock is reset before each test method and
 * stops when the test context closes.
 *
 * <pre>{@code
 * @SpringBootTest
 * @AutoConfigureKlingEffectsMock
 * class EffectServiceTest {
 *     @Autowired KlingEffectsClient client;
 *     @Autowired MockAdmin mock;
 *     ...
 * }
 * }</pre>
 *
 * <p>By default the mock's clock follows the wall clock and a task ends about a second after its submit, so
 * {@code submitAndAwait} finishes on its own; {@link #frozenClock()} stops time except through
 * {@link dev.klingeffects.mock.junit5.MockAdmin#advanceClock}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AutoConfigureKlingEffectsMock {

    /** @return whether the mock's time moves only when the test advances it (default: it follows the wall clock) */
    boolean frozenClock() default false;

    /**
     * @return the key the client sends, whatever the application's configuration says, so a real key is never
     *         sent to the mock
     */
    String apiKey() default "test-key";

    /**
     * @return any flags of the mock, as on its command line, after the defaults (which they override), e.g.
     *         {@code {"--concurrent-limit", "3"}} or {@code {"--processing-ms", "5000"}}
     */
    String[] flags() default {};
}
