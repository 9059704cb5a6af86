package io.bioalert.ingest.fetch;

import io.bioalert.ingest.config.IngestConfig;
import io.bioalert.net.UrlGuard;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * GETs feeds and pages politely: a User-Agent naming the project, conditional requests with the
 * validators of the last answer, a per-host delay. And safely, since whoever creates a source chooses the
 * URL: every hop, the first and each redirect (followed here, at most {@value #MAX_REDIRECTS}), passes the
 * {@link UrlGuard} and is connected to the very address that was checked; the body is read up to
 * {@code max-bytes} and no further; the whole fetch, redirects, headers and body, ends within
 * {@code request-timeout}, and a request still running then is reset, not left to finish.
 */
@ApplicationScoped
public class HttpFetcher {

    static final int MAX_REDIRECTS = 5;

    private final Vertx vertx;
    private final HttpClient client;
    private final IngestConfig.Fetch config;
    private final PolitenessGate gate;
    private final UrlGuard guard;

    /** One hop's answer; the body only for a 200. */
    private record Answer(int status, String location, String contentType, String etag, String lastModified, byte[] body) {
    }

    HttpFetcher(Vertx vertx, IngestConfig config) {
        this.vertx = vertx;
        this.config = config.fetch();
        this.gate = new PolitenessGate(this.config.politenessDelay(), Clock.systemUTC());
        this.guard = new UrlGuard(this.config.allowHosts().orElse(List.of()));
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) this.config.connectTimeout().toMillis())
                .setMaxRedirects(0)
                .setVerifyHost(true)
                .setKeepAlive(false));
    }

    /** The guard sources are checked with when they are created. */
    public UrlGuard guard() {
        return guard;
    }

    /** GET with If-None-Match / If-Modified-Since when validators are given. */
    public FetchResult get(String url, String etag, String lastModified) throws FetchException {
        long deadline = System.nanoTime() + config.requestTimeout().toNanos();
        String current = url;
        try {
            for (int hop = 0; ; hop++) {
                UrlGuard.Target target;
                try {
                    target = guard.resolve(current);
                } catch (UrlGuard.Refused e) {
                    throw new FetchException("refused " + current + ": " + e.getMessage());
                }
                gate.await(target.uri().getHost());
                Answer answer = exchange(target, etag, lastModified, deadline, url);
                int status = answer.status();
                if (status >= 300 && status < 400 && status != 304 && answer.location() != null) {
                    if (hop == MAX_REDIRECTS) {
                        throw new FetchException("more than " + MAX_REDIRECTS + " redirects from " + url);
                    }
                    current = resolve(target.uri(), answer.location(), url);
                    continue;
                }
                if (status == 304) {
                    return new FetchResult(304, new byte[0], null, current, etag, lastModified);
                }
                if (status != 200) {
                    throw new FetchException("HTTP " + status + " from " + url);
                }
                return new FetchResult(200, answer.body(), answer.contentType(), current, answer.etag(), answer.lastModified());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException("interrupted fetching " + url, e);
        }
    }

    private static String resolve(URI base, String location, String url) throws FetchException {
        try {
            return base.resolve(location.strip()).toString();
        } catch (IllegalArgumentException e) {
            throw new FetchException("bad redirect location from " + url);
        }
    }

    private Answer exchange(UrlGuard.Target target, String etag, String lastModified, long deadline, String url)
            throws FetchException, InterruptedException {
        long remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (remainingMillis <= 0) {
            throw timedOut(url);
        }
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setAbsoluteURI(target.uri().toString())
                .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(target.address(), target.port())))
                .setFollowRedirects(false)
                .setIdleTimeout(remainingMillis)
                .putHeader("User-Agent", config.userAgent())
                .putHeader("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/html;q=0.8, */*;q=0.5");
        if (etag != null) {
            options.putHeader("If-None-Match", etag);
        }
        if (lastModified != null) {
            options.putHeader("If-Modified-Since", lastModified);
        }
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        AtomicReference<HttpClientRequest> inFlight = new AtomicReference<>();
        // On an event loop of its own: this thread may be a Vert.x worker (a REST call polling now), whose
        // context would run the callbacks only after this method returns.
        ((VertxInternal) vertx).createEventLoopContext().runOnContext(start -> client.request(options)
                .onFailure(answer::completeExceptionally)
                .onSuccess(request -> {
                    inFlight.set(request);
                    request.send()
                            .onFailure(answer::completeExceptionally)
                            .onSuccess(response -> read(request, response, answer));
                }));
        try {
            return answer.get(remainingMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            cancel(inFlight);
            throw timedOut(url);
        } catch (InterruptedException e) {
            cancel(inFlight);
            throw e;
        } catch (ExecutionException e) {
            cancel(inFlight);
            Throwable cause = e.getCause();
            if (cause instanceof FetchException fetch) {
                throw new FetchException(fetch.getMessage() + " at " + url);
            }
            if (cause instanceof TimeoutException || cause instanceof io.netty.handler.timeout.TimeoutException) {
                throw timedOut(url);
            }
            throw new FetchException(cause.getClass().getSimpleName() + " fetching " + url
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), cause);
        }
    }

    private void read(HttpClientRequest request, HttpClientResponse response, CompletableFuture<Answer> answer) {
        int status = response.statusCode();
        String location = response.getHeader("Location");
        String contentType = response.getHeader("Content-Type");
        String etag = response.getHeader("ETag");
        String lastModified = response.getHeader("Last-Modified");
        if (status != 200) {
            // Nothing of a redirect's or an error's body is needed; the connection is not reused anyway.
            answer.complete(new Answer(status, location, contentType, etag, lastModified, null));
            request.reset();
            return;
        }
        int max = config.maxBytes();
        String declared = response.getHeader("Content-Length");
        if (declared != null && declared.strip().matches("\\d{1,18}") && Long.parseLong(declared.strip()) > max) {
            answer.completeExceptionally(tooLarge(max));
            request.reset();
            return;
        }
        Buffer body = Buffer.buffer();
        response.exceptionHandler(answer::completeExceptionally);
        response.handler(chunk -> {
            if (answer.isDone()) {
                return;
            }
            if (body.length() + chunk.length() > max) {
                answer.completeExceptionally(tooLarge(max));
                request.reset();
                return;
            }
            body.appendBuffer(chunk);
        });
        response.endHandler(end -> answer.complete(new Answer(status, location, contentType, etag, lastModified, body.getBytes())));
    }

    private static FetchException tooLarge(int max) {
        return new FetchException("body larger than " + max + " bytes");
    }

    private FetchException timedOut(String url) {
        return new FetchException("timed out after " + config.requestTimeout().toSeconds() + "s: " + url);
    }

    private static void cancel(AtomicReference<HttpClientRequest> inFlight) {
        HttpClientRequest request = inFlight.get();
        if (request != null) {
            request.reset();
        }
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
