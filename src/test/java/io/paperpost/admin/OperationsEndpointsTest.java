package io.paperpost.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.paperpost.TestData;
import io.paperpost.mail.GreenMailResource;
import io.paperpost.subscription.Reader;
import io.paperpost.subscription.ReaderStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Health checks (database, SMTP) at /q/health, open for load balancers, and the digest's metrics in Prometheus format
 * at /q/metrics, for the admin only.
 */
@QuarkusTest
@WithTestResource(GreenMailResource.class)
class OperationsEndpointsTest {

    @Inject
    TestData data;

    @Test
    void healthReportsTheDatabaseAndTheSmtpServer() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItem("SMTP server"))
                .body("checks.find { it.name == 'SMTP server' }.status", is("UP"))
                .body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void metricsCountTheEmailsOfARun() {
        data.reset();
        LocalDate day = LocalDate.of(2026, 3, 2);
        data.demoPapersFirstSeenOn(day);
        QuarkusTransaction.requiringNew().run(() -> {
            Reader reader = new Reader();
            reader.setEmail("metrics@example.org");
            reader.status = ReaderStatus.ACTIVE;
            reader.topics = java.util.List.of("llm-inference");
            reader.createdAt = java.time.Instant.now();
            reader.persist();
        });
        TestData.asAdmin().queryParam("date", day.toString()).post("/api/v1/admin/digests").then().statusCode(200)
                .body("sent", is(1));
        // The metrics name runs and counts: behind the admin credentials, as Prometheus' basic_auth sends them.
        given().get("/q/metrics").then().statusCode(401);
        TestData.asAdmin().get("/q/metrics").then().statusCode(200)
                .body(containsString("paperpost_digest_emails_total{outcome=\"sent\"}"))
                .body(containsString("paperpost_digest_stage_seconds_count{stage=\"render\"}"))
                .body(containsString("paperpost_digest_run_seconds_count{trigger=\"ADMIN\"}"))
                .body(containsString("paperpost_digest_queue 0.0"));
    }
}
