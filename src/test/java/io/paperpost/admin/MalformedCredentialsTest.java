package io.paperpost.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import io.paperpost.TestData;
import io.paperpost.mail.GreenMailResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A broken Authorization header is the client's mistake: a 401, never a 500 with a stack trace. */
@QuarkusTest
@WithTestResource(GreenMailResource.class)
class MalformedCredentialsTest {

    @ParameterizedTest
    @CsvSource({"/q/health,Basic !!!", "/q/health,Basic ====", "/api/v1/admin/runs,Basic !!!",
            "/api/v1/admin/runs,Basic ====", "/admin,Basic bm9jb2xvbg==", "/,Basic !!!", "/api/v1/admin/runs,Basic"})
    void aMalformedBasicHeaderIsRefusedWithoutAServerError(String path, String header) {
        given().header("Authorization", header).get(path).then().statusCode(401);
    }

    @ParameterizedTest
    @CsvSource({"/q/health", "/"})
    void openPathsStillAnswerWithoutCredentials(String path) {
        given().get(path).then().statusCode(200);
        given().auth().preemptive().basic("admin", TestData.ADMIN_PASSWORD).get("/api/v1/admin/runs").then()
                .statusCode(is(200));
    }
}
