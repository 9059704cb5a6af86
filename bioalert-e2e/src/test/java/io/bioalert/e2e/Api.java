package io.bioalert.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** JSON over HTTP to the services' REST APIs, as a user's script would call them. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    private Api() {
    }

    static JsonNode post(String url, String token, String body, int expectedStatus) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : body)), url, token, expectedStatus);
    }

    static JsonNode get(String url, String token, int expectedStatus) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), url, token, expectedStatus);
    }

    private static JsonNode send(HttpRequest.Builder request, String url, String token, int expectedStatus) {
        request.timeout(Duration.ofSeconds(20));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new AssertionError(request.build().method() + " " + url + " answered " + response.statusCode() + ": " + response.body());
            }
            boolean json = response.headers().firstValue("Content-Type").orElse("").contains("json");
            return json ? JSON.readTree(response.body()) : JSON.getNodeFactory().textNode(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + json, e);
        }
    }
}
