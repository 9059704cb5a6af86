package io.bioalert.notify.channel;

import io.bioalert.testkit.HttpSink;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A received request's headers in the shape the Standard Webhooks reference library reads. */
public final class ReceivedHeaders {

    private ReceivedHeaders() {
    }

    public static Map<String, List<String>> of(HttpSink.Request request) {
        return request.headers().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue())));
    }
}
