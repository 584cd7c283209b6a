package dev.klingeffects.contracttests.support;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Records method, path and status of every acceptance call, one file per test class, for the
 * contract coverage report.
 */
public final class CoverageRecorder implements Filter {

    /** Prefix of the record files in the coverage folder. */
    public static final String PREFIX = "acceptance-";

    private final Path file;

    /** @param testClass the test class whose calls are recorded; its earlier records are dropped */
    public CoverageRecorder(Class<?> testClass) {
        this.file = ContractFiles.coverageDir().resolve(PREFIX + testClass.getSimpleName() + ".tsv");
        try {
            Files.writeString(file, "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                           FilterContext context) {
        Response answer = context.next(request, response);
        String path = URI.create(request.getURI()).getPath();
        record(request.getMethod(), path, answer.statusCode());
        return answer;
    }

    /** Records one call made without RestAssured. */
    public void record(String method, String path, int status) {
        append(method + "\t" + path + "\t" + status + "\n");
    }

    private synchronized void append(String line) {
        try {
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
