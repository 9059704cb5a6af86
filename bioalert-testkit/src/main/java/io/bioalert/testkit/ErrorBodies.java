package io.bioalert.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The one 400 body of all three services (bioalert-rest's {@code ErrorBody}), as each service's tests check it. */
public final class ErrorBodies {

    private ErrorBodies() {
    }

    /** Checks that {@code r} is a 400 in that body and answers the first field it names. */
    public static String firstField(Response r) {
        r.then().statusCode(400).contentType(ContentType.JSON);
        Map<String, Object> body = r.jsonPath().getMap("$");
        assertEquals(Set.of("error", "fields"), body.keySet(), "the body's members");
        String error = (String) body.get("error");
        assertTrue(error.startsWith("invalid request: "), () -> "error: " + error);
        List<Map<String, Object>> fields = r.jsonPath().getList("fields");
        assertFalse(fields.isEmpty(), "a 400 names at least one field");
        fields.forEach(f -> assertTrue(Set.of("field", "message", "valid").containsAll(f.keySet()),
                () -> "a field's members: " + f.keySet()));
        return (String) fields.get(0).get("field");
    }
}
