package io.paperpost.site;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateLocator;
import io.quarkus.qute.Variant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Dev mode only: templates are read straight from the top-level {@code templates/} folder and re-read after
 * an edit. Needed because Quarkus dev mode copies an edited file of a resource folder mapped with
 * {@code <targetPath>} to the wrong place, so the packaged copy under {@code templates/} on the classpath
 * would stay stale until dev mode is restarted.
 */
@IfBuildProfile("dev")
@ApplicationScoped
public class DevTemplates implements TemplateLocator {

    private static final Logger LOG = Logger.getLogger(DevTemplates.class);
    static final Path FOLDER = Path.of("templates");

    @Inject
    Engine engine;

    private final AtomicLong newestSeen = new AtomicLong(newestModification());

    @Override
    public Optional<TemplateLocation> locate(String id) {
        for (String candidate : new String[]{id, id + ".html", id + ".txt"}) {
            Path file = FOLDER.resolve(candidate).normalize();
            if (file.startsWith(FOLDER) && Files.isRegularFile(file)) {
                return Optional.of(new FileLocation(file));
            }
        }
        return Optional.empty();
    }

    @Override
    public int getPriority() {
        // Ahead of the classpath locator, which would find the copy made at startup.
        return DEFAULT_PRIORITY + 100;
    }

    /** Before each request: when any template changed since the last look, drop the parsed templates. */
    @ServerRequestFilter
    public void reloadEditedTemplates() {
        long newest = newestModification();
        if (newest > newestSeen.getAndSet(newest)) {
            engine.clearTemplates();
            LOG.info("A template under templates/ changed: templates reloaded");
        }
    }

    private static long newestModification() {
        if (!Files.isDirectory(FOLDER)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(FOLDER)) {
            return files.filter(Files::isRegularFile).mapToLong(DevTemplates::modified).max().orElse(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private record FileLocation(Path file) implements TemplateLocation {

        @Override
        public Reader read() {
            try {
                return Files.newBufferedReader(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public Optional<Variant> getVariant() {
            String type = file.toString().endsWith(".txt") ? "text/plain" : "text/html";
            return Optional.of(new Variant(Locale.ROOT, StandardCharsets.UTF_8, type));
        }
    }
}
