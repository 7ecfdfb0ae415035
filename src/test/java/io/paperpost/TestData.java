package io.paperpost;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.paperpost.bounces.BounceReport;
import io.paperpost.delivery.Delivery;
import io.paperpost.feedback.Feedback;
import io.paperpost.mail.GreenMailResource;
import io.paperpost.mail.queue.MailQueueWorker;
import io.paperpost.mail.queue.QueuedMail;
import io.paperpost.papers.DemoPapers;
import io.paperpost.papers.Paper;
import io.paperpost.papers.PaperNews;
import io.paperpost.subscription.PendingSignup;
import io.paperpost.subscription.Reader;
import io.paperpost.subscription.SuppressedAddress;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;

/** Puts the shared test database and mailbox in a known state. */
@ApplicationScoped
public class TestData {

    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "test-admin-password";

    @Inject
    DemoPapers demoPapers;
    @Inject
    MailQueueWorker mailQueue;

    /** A request authenticated as the operator. */
    public static RequestSpecification asAdmin() {
        return RestAssured.given().auth().preemptive().basic(ADMIN_USER, ADMIN_PASSWORD);
    }

    /** Posts JSON Lines to the admin import endpoint, recording new papers as first seen on the day. */
    public static ValidatableResponse postPapers(String jsonLines, LocalDate firstSeenOn) {
        return asAdmin().contentType("application/x-ndjson").queryParam("firstSeenOn", firstSeenOn.toString())
                .body(jsonLines.getBytes(StandardCharsets.UTF_8)).post("/api/v1/admin/papers").then();
    }

    /**
     * Runs the day's digest as the operator, expecting exactly one email, and returns it as GreenMail received it
     * (the inbox is emptied after).
     */
    public static MimeMessage digestEmailOf(LocalDate day) {
        asAdmin().queryParam("date", day.toString()).post("/api/v1/admin/digests").then().statusCode(200)
                .body("sent", org.hamcrest.Matchers.is(1));
        GreenMail mail = GreenMailResource.greenMail();
        assertThat(mail.waitForIncomingEmail(5_000, 1)).as("an email arrived").isTrue();
        MimeMessage[] received = mail.getReceivedMessages();
        assertThat(received).hasSize(1);
        GreenMailResource.purge();
        return received[0];
    }

    /** Empties readers, deliveries and papers, and the GreenMail inbox. */
    public void reset() {
        try {
            // Emails of the previous test still queued would land in this test's mailbox.
            mailQueue.awaitIdle(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        QuarkusTransaction.requiringNew().run(() -> {
            BounceReport.deleteAll();
            QueuedMail.deleteAll();
            Feedback.deleteAll();
            Delivery.deleteAll();
            PendingSignup.deleteAll();
            Reader.deleteAll();
            SuppressedAddress.deleteAll();
            PaperNews.deleteAll();
            Paper.deleteAll();
        });
        GreenMailResource.purge();
    }

    /** Imports the 281 sample papers as first seen on the given day. */
    public void demoPapersFirstSeenOn(LocalDate day) {
        try {
            demoPapers.importDemoPapers(day);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
