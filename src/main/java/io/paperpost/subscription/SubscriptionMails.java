package io.paperpost.subscription;

import io.paperpost.mail.MailBodies;
import io.paperpost.mail.MailConfig;
import io.paperpost.mail.OutgoingMail;
import io.paperpost.mail.RetryPolicy;
import io.paperpost.mail.queue.MailQueue;
import io.paperpost.ranking.Topic;
import io.paperpost.site.Links;
import io.paperpost.site.SiteConfig;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The emails of the subscription lifecycle: confirm, already subscribed, welcome, confirm a new address, the notice
 * of a change to the old one, fresh links after signing out everywhere. Each goes
 * through the durable {@link MailQueue}; callers run in the transaction of the change the email is about.
 */
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

        static native TemplateInstance addressChanged(String siteName, String newEmail, String undoUrl,
                String contactLine);

        static native TemplateInstance freshLinks(String siteName, String manageUrl, String contactLine);
    }

    /** What each email is for, as the queue gives it back in its outcome. */
    enum Kind {
        CONFIRM, ALREADY_SUBSCRIBED, WELCOME, EMAIL_CHANGE, ADDRESS_CHANGED, FRESH_LINKS
    }

    @Inject
    MailQueue queue;
    @Inject
    TokenConfig tokenConfig;
    @Inject
    MailConfig mailConfig;
    @Inject
    ReaderTokens tokens;
    @Inject
    Links links;
    @Inject
    SiteConfig site;
    @Inject
    TopicCatalog catalog;

    /**
     * The link to confirm the reader; the subject names the {@link PendingSignup} it confirms, or is empty. It
     * replaces a confirmation still waiting for its (next) attempt, whose link may be outdated.
     */
    void sendConfirmation(Reader reader, String linkSubject) {
        queue.cancelWaiting(reader.id, Kind.CONFIRM.name());
        queueConfirmation(reader, linkSubject);
    }

    /**
     * The link to confirm a reader created in this transaction, who has nothing in the queue to replace. An import
     * queues thousands: the bulk delete of {@link #sendConfirmation} made Hibernate flush the whole batch before
     * each one (10,000 readers took 99 s).
     */
    void sendFirstConfirmation(Reader reader) {
        queueConfirmation(reader, "");
    }

    private void queueConfirmation(Reader reader, String linkSubject) {
        String url = links.confirm(tokens.issue(TokenPurpose.CONFIRM, reader.id, linkSubject));
        send(Kind.CONFIRM, reader.id, reader.email, "Confirm your " + site.name() + " subscription",
                MailBodies.render(() -> Templates.confirm(site.name(), url, site.contactLine())), Map.of());
    }

    /** True while a confirmation to the reader waits for its first attempt or is being handed to the server. */
    boolean confirmationOnItsWay(Reader reader) {
        return queue.onItsWay(reader.id, Kind.CONFIRM.name());
    }

    /** Makes a deferred confirmation to the reader due now; false when none is waiting. */
    boolean bringConfirmationForward(Reader reader) {
        return queue.bringForward(reader.id, Kind.CONFIRM.name()) > 0;
    }

    void sendAlreadySubscribed(Reader reader) {
        String url = links.preferences(tokens.issue(TokenPurpose.MANAGE, reader.id));
        send(Kind.ALREADY_SUBSCRIBED, reader.id, reader.email, "You are already subscribed to " + site.name(),
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
        send(Kind.WELCOME, reader.id, reader.email, "Welcome to " + site.name() + ": here is what to expect", bodies,
                Map.of("List-Unsubscribe", "<" + unsubscribeUrl + ">", "List-Unsubscribe-Post",
                        "List-Unsubscribe=One-Click"));
    }

    /** To the new address: confirm it before the subscription moves there. */
    void sendEmailChange(Reader reader, String newEmail, String token) {
        String url = links.emailChange(token);
        send(Kind.EMAIL_CHANGE, reader.id, newEmail, "Confirm your new address for " + site.name(),
                MailBodies.render(() -> Templates.emailChange(site.name(), newEmail, url, site.contactLine())),
                Map.of());
        LOG.infof("Reader %d asked to change their address; confirmation queued for the new one", reader.id);
    }

    /**
     * To the address the reader just left: the change, and a link to undo it. Without it, someone who got hold of a
     * manage link (a forwarded email) could move the subscription away and the owner would never know.
     */
    void sendAddressChanged(Reader reader, String oldEmail, String undoToken) {
        String url = links.emailChangeUndo(undoToken);
        String newEmail = reader.email;
        send(Kind.ADDRESS_CHANGED, reader.id, oldEmail, "Your " + site.name() + " address was changed",
                MailBodies.render(() -> Templates.addressChanged(site.name(), newEmail, url, site.contactLine())),
                Map.of());
    }

    /** After signing out everywhere: the one link that works now. */
    void sendFreshLinks(Reader reader) {
        String url = links.preferences(tokens.issue(TokenPurpose.MANAGE, reader.id));
        send(Kind.FRESH_LINKS, reader.id, reader.email, "Your new " + site.name() + " preferences link",
                MailBodies.render(() -> Templates.freshLinks(site.name(), url, site.contactLine())), Map.of());
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
     * How long a link emailed by these emails works: the configured lifetime counted from the email's last possible
     * attempt, since the link is made when the email is queued and a deferred email may go out hours later.
     */
    Duration linkLifetime() {
        return tokenConfig.confirmationLifetime().plus(RetryPolicy.of(mailConfig).longestDelivery());
    }

    /**
     * Queues the email in the caller's transaction: it commits with the change it is about, is sent once the change
     * has committed, and the request never waits for the mail server.
     */
    private void send(Kind kind, long readerId, String to, String subject, MailBodies bodies,
            Map<String, String> headers) {
        Map<String, String> all = new HashMap<>(headers);
        all.put("Auto-Submitted", "auto-generated");
        // Our own Message-ID: Jakarta Mail's default looks the host name up for every message.
        String messageId = "subscription-" + UUID.randomUUID() + "@" + URI.create(site.baseUrl()).getHost();
        queue.enqueue(kind.name(), readerId, new OutgoingMail(to, subject, bodies.text(), bodies.html(), messageId,
                all));
    }
}
