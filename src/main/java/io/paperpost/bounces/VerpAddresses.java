package io.paperpost.bounces;

import io.paperpost.mail.OutgoingMail;
import io.paperpost.mail.ReturnPath;
import io.paperpost.subscription.ReaderTokens;
import io.paperpost.subscription.TokenPurpose;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * VERP (variable envelope return path): each email's envelope sender names it, {@code bounces+<id>.<tag>@domain},
 * where {@code id} is the email's Message-ID before the {@code @} and {@code tag} its signature
 * ({@link ReaderTokens#tag}). A bounce then names the email even when the remote server returns nothing of it;
 * the signature keeps a forged bounce from suppressing anyone.
 */
@ApplicationScoped
public class VerpAddresses implements ReturnPath {

    /** RFC 5321 §4.5.3.1.1. */
    static final int MAX_LOCAL_PART = 64;
    /** Lower-case only: some servers change the case of a local part, and the tag is checked in any case. */
    private static final Pattern ID = Pattern.compile("[a-z0-9-]+");

    @Inject
    BounceConfig config;
    @Inject
    ReaderTokens tokens;

    void check(@Observes StartupEvent started) {
        if (config.verp().enabled() && config.verp().domain().filter(d -> !d.isBlank()).isEmpty()) {
            throw new IllegalStateException("paperpost.bounces.verp.enabled is true but paperpost.bounces.verp.domain "
                    + "is not set: the return path needs the domain whose MX delivers to the bounce mailbox");
        }
    }

    /**
     * The return path of the email, when VERP is on and its Message-ID fits (a digest's does; an account email's
     * UUID is too long for 64 octets, and its Message-ID alone names it).
     */
    @Override
    public Optional<String> envelopeFrom(OutgoingMail mail) {
        if (!config.verp().enabled() || mail.messageId() == null) {
            return Optional.empty();
        }
        String id = mail.messageId().substring(0, Math.max(0, mail.messageId().indexOf('@')));
        if (!ID.matcher(id).matches()) {
            return Optional.empty();
        }
        String local = config.verp().localPart() + "+" + id + "." + tokens.tag(TokenPurpose.RETURN_PATH, id);
        return local.length() > MAX_LOCAL_PART
                ? Optional.empty()
                : Optional.of(local + "@" + config.verp().domain().orElseThrow());
    }

    /** The Message-ID local part a signed return path names, or empty for any other address. */
    public Optional<String> messageIdPart(String address) {
        int at = address.lastIndexOf('@');
        String prefix = config.verp().localPart().toLowerCase(Locale.ROOT) + "+";
        String local = at < 0 ? "" : address.substring(0, at).toLowerCase(Locale.ROOT);
        int dot = local.lastIndexOf('.');
        if (!local.startsWith(prefix) || dot <= prefix.length()) {
            return Optional.empty();
        }
        String id = local.substring(prefix.length(), dot);
        return tokens.hasTag(TokenPurpose.RETURN_PATH, id, local.substring(dot + 1))
                ? Optional.of(id)
                : Optional.empty();
    }
}
