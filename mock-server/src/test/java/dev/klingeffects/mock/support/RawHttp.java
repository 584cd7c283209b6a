package dev.klingeffects.mock.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Sends raw bytes over a socket, for requests no HTTP client would send, and reads the answer to EOF. */
public final class RawHttp {

    /** The status and body of the answer; status -1 when the server closed without one. */
    public record Answer(int status, String body) {}

    private RawHttp() {}

    /** @return the server's answer to these bytes */
    public static Answer exchange(int port, byte[] request) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(10_000);
            try {
                socket.getOutputStream().write(request);
                socket.getOutputStream().flush();
                socket.shutdownOutput();
            } catch (IOException e) {
                // the server may refuse and close before it read everything: its answer still counts
            }
            return parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A connection that sent part of a request and keeps its output open, as a slow or stalled client
     * does. {@link #send} trickles more; {@link #answer} waits for the server's answer.
     */
    public static final class OpenRequest implements AutoCloseable {
        private final Socket socket;

        private OpenRequest(Socket socket) {
            this.socket = socket;
        }

        /** Sends more bytes; false once the server has closed the connection. */
        public boolean send(byte[] bytes) {
            try {
                socket.getOutputStream().write(bytes);
                socket.getOutputStream().flush();
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        /** @return the server's answer, read to EOF (the server closes after refusing a body) */
        public Answer answer() {
            try {
                return parse(readAll(socket.getInputStream()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // already gone
            }
        }
    }

    /** Opens a connection and sends {@code start} without ending the request. */
    public static OpenRequest open(int port, byte[] start) {
        try {
            Socket socket = new Socket();
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(20_000);
            OpenRequest request = new OpenRequest(socket);
            request.send(start);
            return request;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readAll(InputStream in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // a reset after the answer: keep what arrived
        }
        return out.toByteArray();
    }

    private static Answer parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        if (!text.startsWith("HTTP/1.1 ") || text.length() < 12) {
            return new Answer(-1, text);
        }
        int status = Integer.parseInt(text.substring(9, 12));
        int bodyStart = text.indexOf("\r\n\r\n");
        String body = bodyStart < 0 ? "" : text.substring(bodyStart + 4);
        if (text.substring(0, Math.max(0, bodyStart)).toLowerCase().contains("transfer-encoding: chunked")) {
            body = unchunk(body);
        }
        return new Answer(status, new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }

    private static String unchunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int position = 0;
        while (position < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", position);
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(chunked.substring(position, lineEnd).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            body.append(chunked, lineEnd + 2, Math.min(chunked.length(), lineEnd + 2 + size));
            position = lineEnd + 2 + size + 2;
        }
        return body.toString();
    }
}
