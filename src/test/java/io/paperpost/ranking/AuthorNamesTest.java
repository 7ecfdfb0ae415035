package io.paperpost.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AuthorNamesTest {

    @Test
    void normalizeIgnoresCaseAccentsAndSpacing() {
        assertEquals("jose garcia", AuthorNames.normalize("  José   García "));
        assertEquals(AuthorNames.normalize("José García"), AuthorNames.normalize("jose garcia"));
    }

    @Test
    void punctuationBetweenNamePartsCountsAsOneSpace() {
        assertEquals("j garcia lopez", AuthorNames.normalize("J. García-López"));
    }
}
