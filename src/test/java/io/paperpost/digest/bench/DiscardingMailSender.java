package io.paperpost.digest.bench;

import io.paperpost.mail.MailSender;
import io.paperpost.mail.OutgoingMail;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.LongAdder;

/**
 * Accepts every email and keeps nothing, so the night benchmark measures rank and render (and the ledger)
 * without an SMTP server. Enabled only by {@link NightBenchmarkProfile} with {@code -Dbench.night.smtp=discard}.
 */
@Alternative
@Singleton
public class DiscardingMailSender implements MailSender {

    private final LongAdder accepted = new LongAdder();

    @Override
    public void send(OutgoingMail mail) {
        accepted.increment();
    }

    @Override
    public String describe() {
        return "nowhere (discarding sender, " + accepted.sum() + " emails accepted)";
    }
}
