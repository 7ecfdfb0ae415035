package io.paperpost.papers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PaperKeysTest {

    @Test
    void matchesTheSampleDataKeys() {
        // The bundled sample's first paper, keyed by the documented rule.
        assertEquals("t-8f0bf75574b4",
                PaperKeys.fromTitle("Block-wise Adaptive Caching for Accelerating Diffusion Policy"));
    }

    @Test
    void ignoresCasePunctuationAndSpacing() {
        // SHA-1 of "hello world 2 0", computed independently.
        assertEquals("t-71af5ed865b9", PaperKeys.fromTitle("  HELLO -- World!! 2.0  "));
        // Letters outside a-z separate words like punctuation does: "h llo world 2 0".
        assertEquals("t-cbb61b8207ca", PaperKeys.fromTitle("Héllo World 2.0"));
    }
}
