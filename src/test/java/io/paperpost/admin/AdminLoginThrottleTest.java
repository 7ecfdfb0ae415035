package io.paperpost.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;

import io.paperpost.TestData;
import io.paperpost.mail.GreenMailResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Failed admin sign-ins are logged and, past the allowance, slowed down per client. */
@QuarkusTest
@WithTestResource(GreenMailResource.class)
class AdminLoginThrottleTest {

    private static final int ALLOWED = 3;

    @Inject
    AdminLoginThrottle throttle;
    @Inject
    AdminConfig config;

    @BeforeEach
    void allowAFewFailures() {
        throttle.allow(ALLOWED, Duration.ofHours(1));
    }

    @AfterEach
    void restoreTheConfiguredAllowance() {
        throttle.allow(config.loginFailures(), config.loginFailurePeriod());
    }

    @Test
    void afterTheAllowedFailuresEvenTheRightPasswordWaitsWithRetryAfter() {
        for (int i = 0; i < ALLOWED; i++) {
            given().auth().preemptive().basic("admin", "guess-" + i).get("/api/v1/admin/runs").then().statusCode(401);
        }
        given().auth().preemptive().basic("admin", "guess-again").get("/api/v1/admin/runs").then().statusCode(429)
                .header("Retry-After", matchesPattern("[1-9][0-9]*")).contentType("application/json")
                .body("error", containsString("Too many failed sign-ins"));
        given().auth().preemptive().basic("admin", TestData.ADMIN_PASSWORD).get("/api/v1/admin/runs").then()
                .statusCode(429);
        given().auth().preemptive().basic("admin", "guess").get("/admin").then().statusCode(429)
                .contentType(containsString("text/html")).body(containsString("Too many failed sign-ins"));
    }

    @Test
    void successfulSignInsAndRequestsWithoutCredentialsUseNoAllowance() {
        for (int i = 0; i < ALLOWED + 2; i++) {
            given().auth().preemptive().basic("admin", TestData.ADMIN_PASSWORD).get("/api/v1/admin/runs").then()
                    .statusCode(200);
            given().get("/api/v1/admin/runs").then().statusCode(401);
        }
        given().auth().preemptive().basic("admin", "one-wrong").get("/api/v1/admin/runs").then().statusCode(401);
        given().auth().preemptive().basic("admin", TestData.ADMIN_PASSWORD).get("/api/v1/admin/runs").then()
                .statusCode(200);
    }

    @Test
    void theLoggedUserNameIsOneShortLineWhateverWasSent() {
        String header = "Basic " + java.util.Base64.getEncoder()
                .encodeToString(
                        ("ad\nmin" + "x".repeat(100) + ":pw").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(AdminLoginThrottle.userNameIn(header)).startsWith("ad?min").hasSize(65).doesNotContain("\n");
        assertThat(AdminLoginThrottle.userNameIn("Basic !!!")).isEqualTo("?");
    }
}
