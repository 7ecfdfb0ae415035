package io.paperpost.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperpost.PackagedApp;
import io.paperpost.PackagedDatabase;
import io.paperpost.mail.ScriptedSmtpServer;
import io.paperpost.mail.ScriptedSmtpServer.Step;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "A restart or a crash while emails are still queued" loses them no more: the packaged application on its own
 * database takes signups while the mail server greylists every message, is killed with SIGKILL, and a new start
 * against a mail server that accepts sends every confirmation, once. One confirmation the server held when the process
 * died (the 250 not yet back) is sent again after its lease: at least once, at most twice, never lost.
 */
class MailQueueRestartIT {

    static final List<String> GREYLISTED = List.of("first@example.org", "second@example.org", "third@example.org");
    static final String MID_SEND = "mid-send@example.org";

    final HttpClient http = HttpClient.newHttpClient();
    PackagedDatabase database;
    ScriptedSmtpServer smtp;

    @BeforeEach
    void setUp() throws Exception {
        database = new PackagedDatabase("mail-queue-it", "paperpost_mail_queue_it_");
        smtp = new ScriptedSmtpServer();
    }

    @AfterEach
    void tearDown() throws Exception {
        database.close();
        if (smtp != null) {
            smtp.close();
        }
    }

    @Test
    void confirmationsQueuedOrMidSendWhenTheProcessIsKilledAreSentAfterTheRestart() throws Exception {
        PackagedApp first = start("greylisted");
        smtp.script(Collections.nCopies(GREYLISTED.size(), Step.DEFER_421).toArray(Step[]::new));
        for (String email : GREYLISTED) {
            signUp(first, email);
        }
        awaitUntil("every confirmation was tried once and deferred",
                () -> smtp.tried().containsAll(GREYLISTED), Duration.ofSeconds(30));

        // The next one reaches the server, which holds back its 250 while the process dies.
        smtp.answerDataAfter(Duration.ofSeconds(30));
        signUp(first, MID_SEND);
        awaitUntil("the server has the mid-send confirmation", () -> smtp.accepted().contains(MID_SEND),
                Duration.ofSeconds(30));
        first.kill();
        assertThat(smtp.accepted()).as("only the mid-send one reached the server").containsExactly(MID_SEND);

        smtp.answerDataAfter(Duration.ZERO);
        start("restarted");
        List<String> everyone = new ArrayList<>(GREYLISTED);
        everyone.add(MID_SEND);
        awaitUntil("every confirmation went out after the restart",
                () -> smtp.accepted().containsAll(GREYLISTED) && smtp.accepted().stream()
                        .filter(MID_SEND::equals).count() == 2,
                Duration.ofSeconds(60));
        // Nothing more comes: each is recorded as sent.
        Thread.sleep(3_000);

        Map<String, Long> received = smtp.accepted().stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        System.out.println("MailQueueRestartIT: emails the server took per address " + received);
        assertThat(received.keySet()).containsExactlyInAnyOrderElementsOf(everyone);
        GREYLISTED.forEach(email -> assertThat(received.get(email)).as(email).isEqualTo(1));
        assertThat(received.get(MID_SEND)).as("the one the server held: sent again after its lease").isEqualTo(2);
    }

    private void signUp(PackagedApp app, String email) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest
                .newBuilder(URI.create("http://127.0.0.1:" + app.port + "/api/v1/subscriptions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"topics\":[\"cs.LG\"]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }

    /**
     * The packaged application with a short retry delay and lease, so the test waits seconds, not minutes. The delay
     * (10 s) outlasts the first instance's life after its deferrals, so their retries fall to the restarted one.
     */
    private PackagedApp start(String name) throws Exception {
        List<String> settings = new ArrayList<>(PackagedApp.digestSettings(smtp.port(), 1, "5s"));
        settings.addAll(List.of("-Dpaperpost.mail.retry-initial-delay=10s", "-Dpaperpost.mail.queue.lease=3s",
                "-Dpaperpost.mail.queue.poll-interval=500ms", "-Dpaperpost.subscription.welcome-email=false"));
        return database.start(name, settings);
    }

    private static void awaitUntil(String what, java.util.function.BooleanSupplier condition, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
