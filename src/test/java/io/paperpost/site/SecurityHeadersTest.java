package io.paperpost.site;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.paperpost.mail.GreenMailResource;
import io.paperpost.subscription.ReaderTokens;
import io.paperpost.subscription.TokenPurpose;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@WithTestResource(GreenMailResource.class)
class SecurityHeadersTest {

    @Inject
    ReaderTokens tokens;

    @ParameterizedTest
    @ValueSource(strings = {"/", "/admin", "/api/v1/admin/runs", "/q/health", "/no-such-page", "/favicon.svg",
            "/preferences/not-a-token"})
    void everyResponseForbidsFramingSniffingAndReferrersToOtherSites(String path) {
        given().get(path).then()
                .header("Content-Security-Policy", is("frame-ancestors 'none'"))
                .header("X-Content-Type-Options", is("nosniff"))
                .header("Referrer-Policy", is("same-origin"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/preferences/%s", "/preferences/%s/export", "/unsubscribe/%s", "/confirm/%s",
            "/feedback/%s"})
    void pagesBehindASignedLinkAreNeverStored(String path) {
        String token = tokens.issue(TokenPurpose.MANAGE, 424242);
        given().get(path.formatted(token)).then().header("Cache-Control", is("no-store"));
    }

    @Test
    void publicPagesAndStaticFilesKeepTheirOwnCaching() {
        given().get("/").then().header("Cache-Control", nullValue());
        given().get("/favicon.svg").then().header("Cache-Control", containsString("max-age"));
    }
}
