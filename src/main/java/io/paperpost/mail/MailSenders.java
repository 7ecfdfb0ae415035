package io.paperpost.mail;

import io.paperpost.site.SiteConfig;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.util.Optional;
import org.jboss.logging.Logger;

/** Chooses how mail leaves: SMTP when a host is configured, else the local outbox. */
@ApplicationScoped
public class MailSenders {

    private static final Logger LOG = Logger.getLogger(MailSenders.class);

    // @Singleton, not @ApplicationScoped: callers may check which sender it is, which a client proxy would hide.
    @Produces
    @Singleton
    @DefaultBean
    MailSender mailSender(MailConfig config, SiteConfig site, Clock clock, Instance<ReturnPath> returnPaths) {
        InternetAddress from = fromAddress(config, site);
        ReturnPath returnPath = returnPaths.isResolvable() ? returnPaths.get() : mail -> Optional.empty();
        MailSender sender = config.host().isPresent()
                ? new SmtpMailSender(config, from, returnPath)
                : new OutboxMailSender(config.outboxDir(), from, clock);
        LOG.infof("Email goes to %s", sender.describe());
        return sender;
    }

    void close(@Disposes MailSender sender) {
        if (sender instanceof SmtpMailSender smtp) {
            smtp.close();
        }
    }

    static InternetAddress fromAddress(MailConfig config, SiteConfig site) {
        try {
            InternetAddress address = new InternetAddress(config.from(), true);
            if (address.getPersonal() == null) {
                address.setPersonal(site.name(), "UTF-8");
            }
            return address;
        } catch (AddressException | UnsupportedEncodingException e) {
            throw new IllegalStateException("paperpost.mail.from is not a valid address: " + config.from(), e);
        }
    }
}
