package dev.klingeffects.contracttests.support;

import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * RestAssured against an in-process mock: every response is checked against the spec by the
 * OpenAPI validation filter, and every call is recorded for contract coverage. Register it with
 * {@code @RegisterExtension}: the mock runs for the whole test class. {@link #http()} does the same
 * without RestAssured.
 */
public final class AcceptanceApi implements BeforeAllCallback, AfterAllCallback {

    private static final OpenApiValidationFilter SPEC_FILTER = new OpenApiValidationFilter(SpecValidators.responses());

    private final String[] flags;
    private InProcessMock mock;
    private CoverageRecorder recorder;
    private SpecCheckedHttp http;

    private AcceptanceApi(String... flags) {
        this.flags = flags;
    }

    /** A mock with these flags for the test class that registers it. */
    public static AcceptanceApi perClass(String... flags) {
        return new AcceptanceApi(flags);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        mock = InProcessMock.start(flags);
        recorder = new CoverageRecorder(context.getRequiredTestClass());
        http = new SpecCheckedHttp(mock.baseUrl(), recorder);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        mock.close();
    }

    /** @return a request with the filters and the base URI set */
    public RequestSpecification given() {
        return RestAssured.given().baseUri(mock.baseUrl()).filter(SPEC_FILTER).filter(recorder);
    }

    /**
     * @return a plain JDK client for this class's mock, with the same spec check and coverage record as
     * {@link #given()}, for tests that send hundreds of requests (RestAssured costs tens of ms per request)
     */
    public SpecCheckedHttp http() {
        return http;
    }

    /** @return a request to the admin API, which takes JSON only */
    public RequestSpecification admin() {
        return given().contentType("application/json");
    }

    /** @return a request authorised with this key */
    public RequestSpecification as(String key) {
        return given().header("Authorization", "Bearer " + key);
    }

    /** @return the mock, for its admin API */
    public InProcessMock mock() {
        return mock;
    }
}
