package io.paperpost.mail;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The local outbox, for developers and trial installs without an SMTP server: lists every email that would
 * have been sent and shows each one rendered, with a button to send today's digest now. Off in production.
 */
@Path("/dev/outbox")
public class OutboxResource {

    @CheckedTemplate(basePath = "delivery")
    static class Templates {
        static native TemplateInstance outbox(String directory, List<OutboxEntry> emails, String notice);

        static native TemplateInstance outboxEmail(String name, List<ShownHeader> headers, String text);
    }

    /** A header as a person reads it: unfolded, with RFC 2047 encoded words decoded. */
    public record ShownHeader(String name, String value) {

        static ShownHeader of(Header header) {
            String raw = MimeUtility.unfold(header.getValue());
            try {
                return new ShownHeader(header.getName(), MimeUtility.decodeText(raw));
            } catch (UnsupportedEncodingException e) {
                return new ShownHeader(header.getName(), raw);
            }
        }
    }

    /** One email in the list. */
    public record OutboxEntry(String name, String to, String subject, String date) {
    }

    @Inject
    MailSender sender;
    @Inject
    MailConfig config;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list(@RestQuery String notice) throws IOException, MessagingException {
        OutboxMailSender outbox = outbox();
        List<OutboxEntry> entries = new ArrayList<>();
        for (java.nio.file.Path file : outbox.list()) {
            String name = file.getFileName().toString();
            MimeMessage message = outbox.read(name).orElseThrow();
            entries.add(new OutboxEntry(name, String.join(", ", header(message, "To")), message.getSubject(),
                    String.join(" ", header(message, "Date"))));
        }
        return Templates.outbox(outbox.directory().toAbsolutePath().toString(), entries, notice);
    }

    @GET
    @Path("{name}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show(@RestPath String name) throws IOException, MessagingException {
        MimeMessage message = outbox().read(name).orElseThrow(NotFoundException::new);
        List<ShownHeader> headers = Collections.list(message.getAllHeaders()).stream().map(ShownHeader::of).toList();
        return Templates.outboxEmail(name, headers, MimeParts.find(message, "text/plain"));
    }

    /** The HTML part alone, shown in a sandboxed frame on the email's page. */
    @GET
    @Path("{name}/html")
    @Produces(MediaType.TEXT_HTML)
    public String html(@RestPath String name) throws IOException, MessagingException {
        MimeMessage message = outbox().read(name).orElseThrow(NotFoundException::new);
        String html = MimeParts.find(message, "text/html");
        return html == null ? "<p>This email has no HTML part.</p>" : html;
    }

    /** The outbox, or 404 when mail goes to a real server or the page is off. */
    public static OutboxMailSender outbox(MailSender sender, MailConfig config) {
        if (!config.outboxPage() || !(sender instanceof OutboxMailSender outbox)) {
            throw new NotFoundException();
        }
        return outbox;
    }

    private OutboxMailSender outbox() {
        return outbox(sender, config);
    }

    private static List<String> header(MimeMessage message, String name) throws MessagingException {
        String[] values = message.getHeader(name);
        return values == null ? List.of() : List.of(values);
    }
}
