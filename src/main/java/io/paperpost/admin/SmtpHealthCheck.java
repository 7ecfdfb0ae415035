package io.paperpost.admin;

import io.paperpost.mail.MailConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * SMTP reachable, at /q/health/ready: opens a connection to the configured server and reads its 220 greeting
 * (and nothing more: no login, no mail). Up without a check when mail goes to the local outbox.
 */
@Readiness
@ApplicationScoped
public class SmtpHealthCheck implements HealthCheck {

    @Inject
    MailConfig mail;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("SMTP server");
        if (mail.host().isEmpty()) {
            return response.up().withData("outbox", mail.outboxDir().toString()).build();
        }
        String server = mail.host().get() + ":" + mail.port();
        response.withData("server", server);
        int timeout = (int) Math.min(5_000, mail.connectTimeout().toMillis());
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(mail.host().get(), mail.port()), timeout);
            socket.setSoTimeout(timeout);
            if (mail.tls() == MailConfig.Tls.SSL) {
                // The greeting comes inside TLS; a completed TCP connection is what we can check cheaply.
                return response.up().build();
            }
            String greeting = new BufferedReader(
                    new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            if (greeting != null && greeting.startsWith("220")) {
                return response.up().build();
            }
            return response.down().withData("greeting", String.valueOf(greeting)).build();
        } catch (Exception e) {
            return response.down().withData("error", e.getClass().getSimpleName() + ": " + e.getMessage()).build();
        }
    }
}
