package io.bioalert.ingest.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real local HTTP server that answers with bytes exactly as given: pages and feeds in GBK, Big5 or any
 * other encoding, with or without a charset in their Content-Type ({@link FeedServer} serves text as UTF-8).
 */
public final class EncodedServer implements AutoCloseable {

    private record Route(String contentType, byte[] body) {
    }

    private final HttpServer server;
    private final Map<String, Route> routes = new ConcurrentHashMap<>();

    public EncodedServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public EncodedServer serve(String path, String contentType, byte[] body) {
        routes.put(path, new Route(contentType, body));
        return this;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            Route route = routes.get(exchange.getRequestURI().getPath());
            if (route == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", route.contentType());
            exchange.sendResponseHeaders(200, route.body().length);
            exchange.getResponseBody().write(route.body());
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
