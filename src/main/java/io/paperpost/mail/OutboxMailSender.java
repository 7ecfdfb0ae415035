package io.paperpost.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes every email as an .eml file instead of sending it: what a developer or a trial install uses when
 * no SMTP server is configured. The files open in any mail program, and /dev/outbox shows them.
 */
public class OutboxMailSender implements MailSender {

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);

    private final Path directory;
    private final InternetAddress from;
    private final Clock clock;
    private final Session session = Session.getInstance(new Properties());
    private final AtomicLong sequence = new AtomicLong();

    public OutboxMailSender(Path directory, InternetAddress from, Clock clock) {
        this.directory = directory;
        this.from = from;
        this.clock = clock;
    }

    @Override
    public void send(OutgoingMail mail) throws MailSendException {
        try {
            MimeMessage message = MimeMessages.build(session, from, mail);
            Files.createDirectories(directory);
            String recipient = mail.to().replaceAll("[^A-Za-z0-9@._-]", "_");
            String name = FILE_TIME.format(clock.instant()) + "-" + sequence.incrementAndGet() + "-" + recipient
                    + ".eml";
            Path temporary = directory.resolve(name + ".part");
            try (OutputStream out = Files.newOutputStream(temporary)) {
                message.writeTo(out);
            }
            // Renamed whole, so the outbox page never shows half a file.
            Files.move(temporary, directory.resolve(name));
        } catch (MessagingException e) {
            throw new MailSendException("cannot build the message: " + e.getMessage(),
                    MailSendException.Kind.MESSAGE_REJECTED, e);
        } catch (IOException e) {
            throw new MailSendException("cannot write to the outbox " + directory + ": " + e.getMessage(),
                    MailSendException.Kind.TEMPORARY, e);
        }
    }

    @Override
    public String describe() {
        return "outbox " + directory.toAbsolutePath();
    }

    public Path directory() {
        return directory;
    }

    /** The outbox's files, newest first. */
    public List<Path> list() throws IOException {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return files;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "*.eml")) {
            stream.forEach(files::add);
        }
        files.sort(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed());
        return files;
    }

    /** Reads one file of the outbox by its name; empty when there is no such file. */
    public Optional<MimeMessage> read(String fileName) throws IOException, MessagingException {
        if (!fileName.matches("[A-Za-z0-9@._-]+\\.eml")) {
            return Optional.empty();
        }
        Path file = directory.resolve(fileName);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file)) {
            return Optional.of(new MimeMessage(session, in));
        }
    }
}
