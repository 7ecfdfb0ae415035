package io.paperpost.papers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ArxivIdsTest {

    @Test
    void stripsTheVersionOfNewStyleIds() {
        assertEquals(new ArxivIds.ArxivId("2410.12345", 2), ArxivIds.parse("2410.12345v2").orElseThrow());
        assertEquals(new ArxivIds.ArxivId("0704.0001", null), ArxivIds.parse("0704.0001").orElseThrow());
    }

    @Test
    void readsOldStyleIds() {
        assertEquals(new ArxivIds.ArxivId("hep-th/9901001", 3), ArxivIds.parse("hep-th/9901001v3").orElseThrow());
        assertEquals(new ArxivIds.ArxivId("math.GT/0309136", null), ArxivIds.parse("math.GT/0309136").orElseThrow());
        assertEquals(new ArxivIds.ArxivId("cond-mat/0101001", 1), ArxivIds.parse("cond-mat/0101001v1").orElseThrow());
    }

    @Test
    void acceptsTheSpellingsSourcesUse() {
        assertEquals("2510.19338", ArxivIds.parse("http://arxiv.org/abs/2510.19338v1").orElseThrow().id());
        assertEquals("2510.19338", ArxivIds.parse("https://arxiv.org/pdf/2510.19338v1.pdf").orElseThrow().id());
        assertEquals(1, ArxivIds.parse("oai:arXiv.org:2510.19338v1").orElseThrow().version());
        assertEquals("2510.19338", ArxivIds.parse("arXiv:2510.19338").orElseThrow().id());
    }

    @Test
    void rejectsWhatIsNoArxivId() {
        assertTrue(ArxivIds.parse("t-8f0bf75574b4").isEmpty());
        assertTrue(ArxivIds.parse("10.1145/3448016").isEmpty());
        assertTrue(ArxivIds.parse("2410.123").isEmpty());
        assertTrue(ArxivIds.parse(null).isEmpty());
    }

    @Test
    void keysAreIdsWithoutVersion() {
        assertTrue(ArxivIds.isKey("2410.12345"));
        assertTrue(ArxivIds.isKey("hep-th/9901001"));
        assertFalse(ArxivIds.isKey("2410.12345v2"));
        assertFalse(ArxivIds.isKey("t-8f0bf75574b4"));
    }
}
