package io.paperpost.papers;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** A JSON Lines file in the sample format, read from disk: offline imports and the benchmark. */
public final class JsonLinesFileSource implements PaperSource {

    public static final String NAME = "file";

    private final String name;
    private final Path path;
    private final ObjectMapper json;

    public JsonLinesFileSource(String name, Path path, ObjectMapper json) {
        this.name = name;
        this.path = path;
        this.json = json;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void fetch(Sink sink) throws IOException {
        InputStream in;
        try {
            in = Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            throw new IOException("no JSON Lines file at " + path.toAbsolutePath());
        }
        try (in) {
            new JsonLinesPaperSource(name, in, json).fetch(sink);
        }
    }
}
