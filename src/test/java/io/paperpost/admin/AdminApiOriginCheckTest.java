package io.paperpost.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.paperpost.TestData;
import io.paperpost.digest.DigestRun;
import io.paperpost.mail.GreenMailResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Browsers attach saved basic-auth credentials to cross-site posts: the admin API refuses changes from elsewhere. */
@QuarkusTest
@WithTestResource(GreenMailResource.class)
class AdminApiOriginCheckTest {

    @Inject
    TestData data;

    @BeforeEach
    void setUp() {
        data.reset();
    }

    @Test
    void aDigestPostedFromAnotherSiteIsRefusedAndStartsNothing() {
        long runsBefore = runs();
        admin().header("Origin", "http://evil.example").post("/api/v1/admin/digests").then().statusCode(403)
                .contentType("application/json").body("error", containsString("not from another site"));
        admin().header("Origin", "null").post("/api/v1/admin/imports/run").then().statusCode(403);
        admin().header("Sec-Fetch-Site", "cross-site").post("/api/v1/admin/digests").then().statusCode(403);
        assertThat(runs()).isEqualTo(runsBefore);
    }

    @Test
    void scriptsAndTheSitesOwnPagesStillChangeThings() {
        long runsBefore = runs();
        admin().post("/api/v1/admin/digests").then().statusCode(200);
        admin().header("Origin", "http://localhost:" + RestAssured.port).header("Sec-Fetch-Site", "same-origin")
                .post("/api/v1/admin/digests").then().statusCode(200);
        assertThat(runs()).isEqualTo(runsBefore + 2);
    }

    @Test
    void readingFromAnotherSiteIsLeftToTheSameOriginPolicy() {
        admin().header("Origin", "http://evil.example").get("/api/v1/admin/runs").then().statusCode(200);
    }

    private static long runs() {
        return QuarkusTransaction.requiringNew().call(() -> DigestRun.count());
    }

    private static RequestSpecification admin() {
        return given().auth().preemptive().basic("admin", TestData.ADMIN_PASSWORD);
    }
}
