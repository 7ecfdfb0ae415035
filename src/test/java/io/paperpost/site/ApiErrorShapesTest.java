package io.paperpost.site;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.paperpost.TestData;
import io.paperpost.mail.GreenMailResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
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
        given().auth().preemptive().basic("admin", TestData.ADMIN_PASSWORD).queryParam("limit", "abc")
                .get("/api/v1/admin/runs").then().statusCode(400).body("field", is("limit"));
    }

    @Test
    void aDigestRunForADateFarFromTodayIs400NamingTheDate() {
        given().auth().preemptive().basic("admin", TestData.ADMIN_PASSWORD).contentType("application/json")
                .queryParam("date", "2199-01-01").post("/api/v1/admin/digests").then().statusCode(400)
                .body("field", is("date")).body("error", containsString("days of today"));
    }

    @Test
    void aRequestLineTooLongIs414InTheShapeOfItsPath() {
        String longQuery = "x".repeat(5000);
        given().queryParam("q", longQuery).get("/api/v1/topics").then().statusCode(414)
                .contentType("application/json").body("error", containsString("longer than 4096"));
        given().queryParam("q", longQuery).get("/").then().statusCode(414).contentType(containsString("text/html"))
                .body(containsString("That address is too long"));
    }

    @Test
    void aDeclaredBodyTooLargeIs413WithoutReadingIt() throws IOException {
        // A raw request: HTTP clients will not declare a length they do not send.
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /api/v1/subscriptions HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + 64L * 1024 * 1024 + "\r\n\r\n{")
                    .getBytes(StandardCharsets.US_ASCII));
            // The server answers at once and closes only once the unread body ends, so read by Content-Length.
            BufferedReader in = new BufferedReader(
                    new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder answer = new StringBuilder();
            int bodyLength = 0;
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                answer.append(line).append('\n');
                if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                    bodyLength = Integer.parseInt(line.substring(15).strip());
                }
            }
            char[] body = new char[bodyLength];
            for (int read = 0; read < bodyLength;) {
                read += in.read(body, read, bodyLength - read);
            }
            answer.append(body);
            assertThat(answer).startsWith("HTTP/1.1 413").contains("application/json").contains("larger than");
        }
    }
}
