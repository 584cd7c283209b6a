package dev.klingeffects.contracttests.support;

import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/**
 * RestAssured against an in-process mock: every response is checked against the spec by the
 * OpenAPI validation filter, and every call is recorded for contract coverage.
 */
public final class AcceptanceApi implements AutoCloseable {

    private static final OpenApiValidationFilter SPEC_FILTER =
            new OpenApiValidationFilter(SpecValidators.responsesOnly(ContractFiles.read(ContractFiles.spec())));

    private final InProcessMock mock;
    private final CoverageRecorder recorder;

    private AcceptanceApi(InProcessMock mock, CoverageRecorder recorder) {
        this.mock = mock;
        this.recorder = recorder;
    }

    /** Starts a mock with these flags for one test class. */
    public static AcceptanceApi start(Class<?> testClass, String... flags) {
        return new AcceptanceApi(InProcessMock.start(flags), new CoverageRecorder(testClass));
    }

    /** @return a request with the filters and the base URI set */
    public RequestSpecification given() {
        return RestAssured.given().baseUri(mock.baseUrl()).filter(SPEC_FILTER).filter(recorder);
    }

    /** @return a request authorised with this key */
    public RequestSpecification as(String key) {
        return given().header("Authorization", "Bearer " + key);
    }

    /** @return the mock, for its admin API */
    public InProcessMock mock() {
        return mock;
    }

    @Override
    public void close() {
        mock.close();
    }
}
