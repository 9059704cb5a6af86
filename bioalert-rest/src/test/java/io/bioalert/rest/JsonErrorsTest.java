package io.bioalert.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What each way of sending unreadable JSON is answered with, and how the body looks on the wire. */
class JsonErrorsTest {

    enum Kind { EMAIL, SLACK, WEBHOOK }

    record Destination(Kind type, String url) {
    }

    record Request(String name, List<Destination> destinations) {
    }

    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ErrorBody answer(String body) {
        return JsonErrors.of(catchThrowableOfType(JsonProcessingException.class, () -> json.readValue(body, Request.class)));
    }

    @Test
    void malformedJsonNamesTheRequest() {
        ErrorBody body = answer("{\"name\": ");
        assertThat(body.fields()).extracting(ErrorBody.FieldError::field).containsExactly("request");
        assertThat(body.error()).startsWith("invalid request: request ");
    }

    @Test
    void aWrongTypeNamesItsPath() {
        assertThat(answer("{\"destinations\": [{\"url\": {\"x\": 1}}]}").fields())
                .extracting(ErrorBody.FieldError::field).containsExactly("destinations[0].url");
    }

    @Test
    void anUnknownFieldIsNamedAsUnknown() {
        ErrorBody body = answer("{\"nmae\": \"x\"}");
        assertThat(body.fields()).containsExactly(new ErrorBody.FieldError("nmae", "is not a known field"));
    }

    @Test
    void anUnknownEnumValueListsTheValidOnes() {
        ErrorBody.FieldError field = answer("{\"destinations\": [{\"type\": \"FAX\"}]}").fields().get(0);
        assertThat(field.field()).isEqualTo("destinations[0].type");
        assertThat(field.valid()).containsExactly("EMAIL", "SLACK", "WEBHOOK");
        assertThat(field.message()).isEqualTo("must be one of EMAIL, SLACK, WEBHOOK");
    }

    @Test
    void onTheWireEveryErrorHasTheSameTwoKeys() throws Exception {
        Map<String, Object> fieldError = json.readValue(json.writeValueAsString(ErrorBody.of("url", "is refused")),
                new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { });
        assertThat(fieldError.keySet()).containsExactly("error", "fields");
        assertThat(fieldError.get("fields")).isEqualTo(List.of(Map.of("field", "url", "message", "is refused")));
        Map<String, Object> message = json.readValue(json.writeValueAsString(ErrorBody.message("quota spent")),
                new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { });
        assertThat(message).isEqualTo(Map.of("error", "quota spent", "fields", List.of()));
    }
}
