package dev.klingeffects.mock;

import static dev.klingeffects.mock.support.Requests.KEY;
import static dev.klingeffects.mock.support.Requests.SUBMIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.klingeffects.contract.ContractSpec;
import dev.klingeffects.mock.config.SettingsParser;
import dev.klingeffects.mock.support.Requests;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A slow body is a fault nobody waits for: a stop ends it at once instead of waiting out the grace. */
class SlowBodyStopTest {

    @Test
    void aStopEndsTheSlowBodyOfAClientThatGaveUpAtOnce() throws Exception {
        MockServer server = MockServer.create(SettingsParser.parse(new String[] {"--port", "0", "--access-log", "false",
                "--shutdown-grace", "10"}, Map.of(), ContractSpec.load().modellix())).start();
        String body = Requests.singleImage("pet_lion_pro");
        String request = "POST " + SUBMIT + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + KEY
                + "\r\nPrefer: fault=slow-body, delay=20000\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length() + "\r\n\r\n" + body;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.err;
        try {
            try (Socket client = new Socket("127.0.0.1", server.port())) {
                client.setSoTimeout(10_000);
                client.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
                assertThat(client.getInputStream().read()).isEqualTo('H');
            }
            // The client gave up after the first piece; the dribble would go on for 18 s more.
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));

            long started = System.nanoTime();
            server.stop();
            long millis = (System.nanoTime() - started) / 1_000_000;

            // Without ending the dribble the stop waits out the whole 10 s grace, then gives up on it.
            assertThat(millis).isLessThan(5_000);
            assertThat(server.requestsInFlight()).isZero();
        } finally {
            System.setErr(original);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("ERROR").doesNotContain("WARN");
    }
}
