package io.paperpost.mail;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Points the application under test at a {@link ScriptedSmtpServer}; tests script it through {@link #server()}. */
public class ScriptedSmtpResource implements QuarkusTestResourceLifecycleManager {

    private static ScriptedSmtpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = new ScriptedSmtpServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "paperpost.mail.host", "127.0.0.1",
                "paperpost.mail.port", String.valueOf(server.port()),
                "paperpost.mail.tls", "none");
    }

    @Override
    public void stop() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ScriptedSmtpServer server() {
        return server;
    }
}
