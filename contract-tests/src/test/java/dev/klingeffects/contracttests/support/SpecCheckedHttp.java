package dev.klingeffects.contracttests.support;

import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Sends requests with the JDK's client, checks every response against the spec (the validator of
 * {@link SpecValidators#responses()}, as RestAssured's filter does) and records every call for
 * contract coverage.
 */
public final class SpecCheckedHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String baseUrl;
    private final CoverageRecorder recorder;
    // HTTP/1.1: the mock speaks nothing else; no upgrade attempt on every request.
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** A client for the server at {@code baseUrl} whose calls go into {@code recorder}. */
    public SpecCheckedHttp(String baseUrl, CoverageRecorder recorder) {
        this.baseUrl = baseUrl;
        this.recorder = recorder;
    }

    /** What came back: the status and the body. */
    public record Answer(int status, String body) {

        /** @return the body's top-level field {@code name}, as text; fails when the body is not JSON */
        public String field(String name) {
            try {
                return JSON.readTree(body).path(name).asText();
            } catch (IOException e) {
                throw new AssertionError("the body is not JSON: " + body, e);
            }
        }
    }

    /** POSTs this JSON body to {@code path} with the key as bearer token. */
    public Answer postJson(String key, String path, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        HttpResponse<String> response = send(request);
        check(SimpleRequest.Builder.post(path).withHeader("Authorization", "Bearer " + key)
                .withContentType("application/json").withBody(json).build(), response);
        recorder.record("POST", path, response.statusCode());
        return new Answer(response.statusCode(), response.body());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void check(SimpleRequest request, HttpResponse<String> response) {
        SimpleResponse.Builder specResponse = SimpleResponse.Builder.status(response.statusCode()).withBody(response.body());
        response.headers().map().forEach(specResponse::withHeader);
        ValidationReport report = SpecValidators.responses().validate(request, specResponse.build());
        if (report.hasErrors()) {
            throw new AssertionError(request.getMethod() + " " + request.getPath() + " answered "
                    + response.statusCode() + " outside the spec:\n" + SimpleValidationReportFormat.getInstance().apply(report)
                    + "\nbody: " + response.body());
        }
    }
}
