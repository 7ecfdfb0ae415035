package io.paperpost.mail;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A real SMTP server (GreenMail) on a free port for the application under test; tests read what arrived
 * through {@link #greenMail()}.
 */
public class GreenMailResource implements QuarkusTestResourceLifecycleManager {

    private static GreenMail greenMail;

    @Override
    public Map<String, String> start() {
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return Map.of(
                "paperpost.mail.host", "127.0.0.1",
                "paperpost.mail.port", String.valueOf(greenMail.getSmtp().getPort()),
                "paperpost.mail.tls", "none");
    }

    @Override
    public void stop() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    public static GreenMail greenMail() {
        return greenMail;
    }

    /** Empties every mailbox, so each test sees only its own emails. */
    public static void purge() {
        if (greenMail == null) {
            return;
        }
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (FolderException e) {
            throw new IllegalStateException("cannot empty GreenMail's mailboxes", e);
        }
    }
}
