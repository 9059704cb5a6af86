package io.bioalert.notify.channel.http;

import io.bioalert.net.UrlGuard;
import io.bioalert.notify.delivery.AnswerLost;
import io.bioalert.notify.delivery.SendOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A POST to a subscriber's URL as the HTTP channels make it: the address checked by the {@link UrlGuard} at
 * send time (a name may resolve elsewhere since the destination was added), then {@link HttpTransport}, and
 * every way it can go turned into an outcome: a refused address disables the destination, an unresolved
 * name or a failed exchange is retried (marked answer-lost when the request had been written), an answer is
 * judged by the channel.
 */
@ApplicationScoped
public class GuardedPost {

    private final HttpTransport http;
    private final UrlGuard guard;

    GuardedPost(HttpTransport http, UrlGuard guard) {
        this.http = http;
        this.guard = guard;
    }

    /** @param receiver how outcomes name the receiver ("webhook", "Slack") */
    public CompletableFuture<SendOutcome> post(String receiver, String url, Map<String, String> headers, byte[] body,
            Function<HttpTransport.Answer, SendOutcome> judge) {
        UrlGuard.Target target;
        try {
            target = guard.resolve(url);
        } catch (UrlGuard.Unresolved e) {
            return CompletableFuture.completedFuture(SendOutcome.retry(receiver + " unreachable: " + e.getMessage(), null));
        } catch (UrlGuard.Refused e) {
            return CompletableFuture.completedFuture(SendOutcome.disable(receiver + " URL refused: " + e.getMessage()));
        }
        return http.post(target, headers, body)
                .thenApply(judge)
                .exceptionally(e -> new SendOutcome(SendOutcome.Kind.RETRY, receiver + " unreachable: " + rootMessage(e), null,
                        AnswerLost.in(e)));
    }

    /** The innermost cause, by class and message: "ConnectException: Connection refused". */
    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
