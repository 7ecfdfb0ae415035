package io.paperpost.site;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.paperpost.TestData;
import io.paperpost.mail.GreenMailResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Every refused API request answers the one JSON shape, {error, field}, with the status that says why. */
@QuarkusTest
@WithTestResource(GreenMailResource.class)
class ApiErrorShapesTest {

    @Test
    void aJsonRequestWithoutAJsonContentTypeIs415() {
        given().body("{\"email\":\"x@example.org\",\"topics\":[\"cs.LG\"]}").post("/api/v1/subscriptions").then()
                .statusCode(415).contentType("application/json").body("error", containsString("application/json"));
        given().contentType("text/plain").body("{\"email\":\"x@example.org\"}").post("/api/v1/subscriptions").then()
                .statusCode(415).body("error", containsString("application/json"));
    }

    @Test
    void aNumberThatIsNotANumberIs400NamingTheParameter() {
        given().auth().preemptive().basic("admin", TestData.ADMIN_PASSWORD).queryParam("limit", "abc")
                .get("/api/v1/admin/imports").then().statusCode(400).contentType("application/json")
                .body("field", is("limit"));
        given().auth().preemptive().basic("admin", TestData.ADMIN_PASSWORD).queryParam("limit", "0")
                .get("/api/v1/admin/readers/1/deliveries").then().statusCode(400).body("field", is("limit"))
                .body("error", containsString("from 1 to 500"));
    }
}
