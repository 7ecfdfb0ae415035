package io.paperpost.subscription;

import io.paperpost.mail.MailBodies;
import io.paperpost.mail.MailSendException;
import io.paperpost.mail.MailSender;
import io.paperpost.mail.OutgoingMail;
import io.paperpost.ranking.Topic;
import io.paperpost.site.Links;
import io.paperpost.site.SiteConfig;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/** The emails of the subscription lifecycle: confirm, already subscribed, welcome, confirm a new address. */
@ApplicationScoped
public class SubscriptionMails {

    private static final Logger LOG = Logger.getLogger(SubscriptionMails.class);

    @CheckedTemplate(basePath = "mail")
    static class Templates {
        static native TemplateInstance confirm(String siteName, String confirmUrl, String contactLine);

        static native TemplateInstance alreadySubscribed(String siteName, String manageUrl, String contactLine);

        static native TemplateInstance welcome(String siteName, String what, String when, int papersPerEmail,
                String manageUrl, String unsubscribeUrl, String contactLine);

        static native TemplateInstance emailChange(String siteName, String newEmail, String confirmUrl,
                String contactLine);
    }

    /** Most emails waiting for the background sender before signups send their own. */
    static final int QUEUE_CAPACITY = 10_000;

    private final ThreadPoolExecutor outbound = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUE_CAPACITY), r -> {
                Thread thread = new Thread(r, "subscription-mail");
                thread.setDaemon(true);
                return thread;
            }, new ThreadPoolExecutor.AbortPolicy());

    @Inject
    MailSender sender;
    @Inject
    ReaderTokens tokens;
    @Inject
    Links links;
    @Inject
    SiteConfig site;
    @Inject
    TopicCatalog catalog;

    /** The link to confirm the reader; the subject names the {@link PendingSignup} it confirms, or is empty. */
    void sendConfirmation(Reader reader, String linkSubject) {
        String url = links.confirm(tokens.issue(TokenPurpose.CONFIRM, reader.id, linkSubject));
        send(reader.email, "Confirm your " + site.name() + " subscription",
                MailBodies.render(() -> Templates.confirm(site.name(), url, site.contactLine())), Map.of());
    }

    void sendAlreadySubscribed(Reader reader) {
        String url = links.preferences(tokens.issue(TokenPurpose.MANAGE, reader.id));
        send(reader.email, "You are already subscribed to " + site.name(),
                MailBodies.render(() -> Templates.alreadySubscribed(site.name(), url, site.contactLine())), Map.of());
    }

    /** After confirming: what will arrive, when, and how to change it. */
    void sendWelcome(Reader reader) {
        String manageUrl = links.preferences(tokens.issue(TokenPurpose.MANAGE, reader.id));
        String unsubscribeUrl = links.unsubscribe(tokens.issue(TokenPurpose.UNSUBSCRIBE, reader.id));
        String what = describeChoices(reader);
        String when = ScheduleText.describe(Schedule.of(reader));
        MailBodies bodies = MailBodies.render(() -> Templates.welcome(site.name(), what, when, reader.papersPerEmail,
                manageUrl, unsubscribeUrl, site.contactLine()));
        if (reader.mailFormat == MailFormat.PLAIN) {
            bodies = new MailBodies(bodies.text(), null);
        }
        send(reader.email, "Welcome to " + site.name() + ": here is what to expect", bodies,
                Map.of("List-Unsubscribe", "<" + unsubscribeUrl + ">", "List-Unsubscribe-Post",
                        "List-Unsubscribe=One-Click"));
    }

    /** To the new address: confirm it before the subscription moves there. */
    void sendEmailChange(Reader reader, String newEmail, String token) {
        String url = links.emailChange(token);
        send(newEmail, "Confirm your new address for " + site.name(),
                MailBodies.render(() -> Templates.emailChange(site.name(), newEmail, url, site.contactLine())),
                Map.of());
        LOG.infof("Reader %d asked to change their address; confirmation sent to the new one", reader.id);
    }

    private String describeChoices(Reader reader) {
        String topics = reader.topics.stream().map(id -> catalog.find(id).map(Topic::name).orElse(id))
                .collect(Collectors.joining(", "));
        StringBuilder what = new StringBuilder();
        if (!topics.isEmpty()) {
            what.append("topics: ").append(topics);
        }
        if (!reader.interests.isBlank()) {
            what.append(what.isEmpty() ? "" : "; ").append("your interests: \u201c").append(reader.interests)
                    .append('\u201d');
        }
        if (!reader.followedAuthors.isEmpty()) {
            what.append(what.isEmpty() ? "" : "; ").append("authors: ")
                    .append(String.join(", ", reader.followedAuthors));
        }
        return what.toString();
    }

    /**
     * Queues the email for the background sender: the request does not wait for the mail server (which serves one
     * message at a time), and a known address answers as fast as an unknown one. When the queue is full the
     * request sends the email itself, which slows signups down instead of dropping mail.
     */
    private void send(String to, String subject, MailBodies bodies, Map<String, String> headers) {
        Map<String, String> all = new HashMap<>(headers);
        all.put("Auto-Submitted", "auto-generated");
        // Our own Message-ID: Jakarta Mail's default looks the host name up for every message.
        String messageId = "subscription-" + UUID.randomUUID() + "@" + URI.create(site.baseUrl()).getHost();
        OutgoingMail mail = new OutgoingMail(to, subject, bodies.text(), bodies.html(), messageId, all);
        try {
            outbound.execute(() -> deliver(mail));
        } catch (RejectedExecutionException e) {
            deliver(mail);
        }
    }

    private void deliver(OutgoingMail mail) {
        try {
            sender.send(mail);
        } catch (MailSendException | RuntimeException e) {
            // The change is stored; the reader can ask again. Say so in the log for the operator.
            LOG.warnf("Could not send '%s': %s", mail.subject(), e.getMessage());
        }
    }

    /** Waits (up to the timeout) until every queued email has been handed to the mail server; for tests. */
    public void awaitQueued(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while ((outbound.getQueue().size() > 0 || outbound.getActiveCount() > 0) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    /** On shutdown, emails already queued are still sent (for a little while). */
    @PreDestroy
    void drain() throws InterruptedException {
        outbound.shutdown();
        if (!outbound.awaitTermination(20, TimeUnit.SECONDS)) {
            LOG.warnf("%d subscription emails were not sent before shutdown", outbound.shutdownNow().size());
        }
    }
}
