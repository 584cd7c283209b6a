package dev.klingeffects.mock;

import dev.klingeffects.contract.ContractError;
import dev.klingeffects.mock.http.Reply;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers itself, before a request reaches the routes (a malformed request line, an
 * illegal header, a URI too long), in the API's error shape rather than Jetty's HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {

    private final long maxBodyBytes;

    JsonErrorHandler(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Jetty writes error bodies only for GET, POST and HEAD by default; every answer here has one. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        if (cause instanceof EofException) {
            // The connection is closing under a request still waiting for its answer: a delayed answer when
            // the stop's grace ran out, or a client that went away. Nobody asked for a 500 and none happened
            // in the mock: the connection is cut, as a server going down cuts it.
            request.getConnectionMetaData().getConnection().getEndPoint().close(cause);
            callback.failed(cause);
            return;
        }
        ContractError error = ErrorMapping.forStatus(code, maxBodyBytes);
        response.setStatus(error.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        // Jetty drops the connection after refusing a request itself; say so, or a keep-alive
        // client sends its next request into a closed socket.
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.write(true, ByteBuffer.wrap(body(error)), callback);
    }

    private static byte[] body(ContractError error) {
        return Reply.error(error).body();
    }
}
