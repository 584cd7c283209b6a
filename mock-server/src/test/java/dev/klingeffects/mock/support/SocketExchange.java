package dev.klingeffects.mock.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

/**
 * One request over a raw socket, read to the end, saying how the connection ended: the bytes that arrived
 * and whether it ended with a reset (RST) or a plain close (EOF). For faults no HTTP client reports exactly.
 *
 * @param received the bytes that arrived
 * @param reset    whether the connection was reset rather than closed
 */
public record SocketExchange(byte[] received, boolean reset) {

    /** @return what arrived, as text */
    public String text() {
        return new String(received, StandardCharsets.ISO_8859_1);
    }

    /** @return the body: what arrived after the head */
    public String body() {
        int end = text().indexOf("\r\n\r\n");
        return end < 0 ? "" : text().substring(end + 4);
    }

    /** Sends {@code method path} with these extra header lines and body over HTTP/1.1, then reads to the end. */
    public static SocketExchange send(int port, String method, String path, String headerLines, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + headerLines
                + (bytes.length > 0 ? "Content-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n" : "")
                + "\r\n";
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    received.write(buffer, 0, n);
                }
            } catch (SocketException e) {
                return new SocketExchange(received.toByteArray(), true);
            }
            return new SocketExchange(received.toByteArray(), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
