package io.paperpost.papers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Recorded source responses under src/test/resources/papers. */
public final class Fixtures {

    private Fixtures() {
    }

    public static byte[] bytes(String path) {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream("papers/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture papers/" + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
