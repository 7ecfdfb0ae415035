package io.paperpost.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PickAssemblerTest {

    @Test
    void aReasonCountsOneUpvoteInTheSingular() {
        assertEquals("1 upvote", PickAssembler.upvotes(1));
        assertEquals("2 upvotes", PickAssembler.upvotes(2));
        assertEquals("184 upvotes", PickAssembler.upvotes(184));
    }
}
