package io.bioalert.ingest.support;

import io.bioalert.testkit.HttpSink;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A real local HTTP server for feeds and pages: routes by path, answers conditional GETs with 304 when
 * the route has an ETag and the request names it, and can be slow or fail per route.
 */
public final class FeedServer implements AutoCloseable {

    private final HttpSink sink = HttpSink.start();
    private final Map<String, Function<HttpSink.Request, HttpSink.Response>> routes = new ConcurrentHashMap<>();

    public FeedServer() {
        sink.respondWith(r -> routes.getOrDefault(r.path().replaceAll("\\?.*", ""), x -> HttpSink.Response.status(404)).apply(r));
    }

    /** Serves {@code body}; with an ETag, a request naming it gets 304 Not Modified. */
    public FeedServer serve(String path, String contentType, String body, String etag) {
        routes.put(path, r -> {
            if (etag != null && etag.equals(r.header("If-None-Match"))) {
                return new HttpSink.Response(304, Map.of("ETag", etag), "");
            }
            return new HttpSink.Response(200, etag == null ? Map.of("Content-Type", contentType)
                    : Map.of("Content-Type", contentType, "ETag", etag), body);
        });
        return this;
    }

    public FeedServer route(String path, Function<HttpSink.Request, HttpSink.Response> responder) {
        routes.put(path, responder);
        return this;
    }

    public String url(String path) {
        return sink.url(path);
    }

    public long requestsTo(String path) {
        return sink.requests().stream().filter(r -> r.path().startsWith(path)).count();
    }

    public java.util.List<HttpSink.Request> requests(String path) {
        return sink.requests().stream().filter(r -> r.path().startsWith(path)).toList();
    }

    @Override
    public void close() {
        sink.close();
    }
}
