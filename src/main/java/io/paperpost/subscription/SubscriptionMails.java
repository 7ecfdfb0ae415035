package io.paperpost.subscription;

import java.util.Map;

import org.jboss.logging.Logger;

import io.paperpost.delivery.MailBodies;
import io.paperpost.delivery.MailSendException;
import io.paperpost.delivery.MailSender;
import io.paperpost.delivery.OutgoingMail;
import io.paperpost.site.Links;
import io.paperpost.site.SiteConfig;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The emails of the subscription lifecycle: confirm your address, and you are already subscribed. */
@ApplicationScoped
public class SubscriptionMails {

    private static final Logger LOG = Logger.getLogger(SubscriptionMails.class);

    @CheckedTemplate(basePath = "mail")
    static class Templates {
        static native TemplateInstance confirm(String siteName, String confirmUrl, String contactLine);

        static native TemplateInstance alreadySubscribed(String siteName, String manageUrl, String contactLine);
    }

    @Inject
    MailSender sender;
    @Inject
    ReaderTokens tokens;
    @Inject
    Links links;
    @Inject
    SiteConfig site;

    void sendConfirmation(Reader reader) {
        String url = links.confirm(tokens.issue(TokenPurpose.CONFIRM, reader.id));
        send(reader, "Confirm your " + site.name() + " subscription",
                MailBodies.render(() -> Templates.confirm(site.name(), url, site.contactLine())));
    }

    void sendAlreadySubscribed(Reader reader) {
        String url = links.preferences(tokens.issue(TokenPurpose.MANAGE, reader.id));
        send(reader, "You are already subscribed to " + site.name(),
                MailBodies.render(() -> Templates.alreadySubscribed(site.name(), url, site.contactLine())));
    }

    private void send(Reader reader, String subject, MailBodies bodies) {
        try {
            sender.send(new OutgoingMail(reader.email, subject, bodies.text(), bodies.html(), null,
                    Map.of("Auto-Submitted", "auto-generated")));
        } catch (MailSendException e) {
            // The reader is stored; submitting the form again resends. Say so in the log for the operator.
            LOG.warnf("Could not send '%s' to reader %d: %s", subject, reader.id, e.getMessage());
        }
    }
}
