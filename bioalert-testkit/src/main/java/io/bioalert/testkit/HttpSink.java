package io.bioalert.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A real HTTP server on loopback that records every request and answers with what the test decides:
 * a webhook receiver, a Slack stand-in, a feed server.
 */
public final class HttpSink implements AutoCloseable {

    /** One request as received, with {@link System#nanoTime()} at arrival. Header names are lower case. */
    public record Request(String method, String path, Map<String, String> headers, String body, long receivedAtNanos) {
        public String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    /** What to answer. */
    public record Response(int status, Map<String, String> headers, String body) {
        public static Response ok(String body) {
            return new Response(200, Map.of("Content-Type", "text/plain"), body);
        }

        public static Response status(int status) {
            return new Response(status, Map.of(), "");
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Function<Request, Response> responder = r -> Response.ok("ok");

    private HttpSink(HttpServer server) {
        this.server = server;
    }

    public static HttpSink start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
            HttpSink sink = new HttpSink(server);
            server.createContext("/", sink::handle);
            server.setExecutor(Executors.newFixedThreadPool(8));
            server.start();
            return sink;
        } catch (IOException e) {
            throw new IllegalStateException("HTTP sink did not start", e);
        }
    }

    public HttpSink respondWith(Function<Request, Response> responder) {
        this.responder = responder;
        return this;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public void clear() {
        requests.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    headers, new String(in.readAllBytes(), StandardCharsets.UTF_8), System.nanoTime());
            requests.add(request);
            Response response = responder.apply(request);
            byte[] body = response.body() == null ? new byte[0] : response.body().getBytes(StandardCharsets.UTF_8);
            response.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
