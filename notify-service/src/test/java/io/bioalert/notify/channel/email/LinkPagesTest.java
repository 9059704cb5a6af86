package io.bioalert.notify.channel.email;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.bioalert.testkit.RealInfrastructure;
import io.bioalert.testkit.ServiceTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The pages a mail link opens only ask: the action is a POST of their form. */
@QuarkusTest
@RealInfrastructure
@WithTestResource(value = ServiceTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "notify"), @ResourceArg(name = "smtp", value = "shared")})
class LinkPagesTest {

    @Test
    void theConfirmAndUnsubscribePagesAreOneButtonFormsThatPostBack() {
        String confirm = given().get("/api/confirm/c_unknown").then().statusCode(200)
                .contentType("text/html").extract().asString();
        assertThat(confirm).contains("<title>Confirm BioAlert alerts</title>")
                .contains("<form method=\"post\"><button type=\"submit\">Confirm</button></form>")
                .contains("Send alerts for this watchlist to this address?");
        String unsubscribe = given().get("/api/unsubscribe/u_unknown").then().statusCode(200).extract().asString();
        assertThat(unsubscribe).contains("<button type=\"submit\">Unsubscribe</button>").contains("Stop these BioAlert alerts?");
    }

    @Test
    void whatThePageSaysIsEscaped() {
        String page = LinkPages.linkAction("<script>x</script>", "A & B?", "<b>Go</b>").render();
        assertThat(page).contains("<title>&lt;script&gt;x&lt;/script&gt;</title>").contains("<p>A &amp; B?</p>")
                .contains("&lt;b&gt;Go&lt;/b&gt;").doesNotContain("<script>");
    }
}
