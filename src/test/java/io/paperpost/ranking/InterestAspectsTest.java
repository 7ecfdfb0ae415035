package io.paperpost.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperpost.ranking.InterestAspects.AspectText;
import java.util.List;
import org.junit.jupiter.api.Test;

class InterestAspectsTest {

    @Test
    void aShortInterestIsOneAspect() {
        assertEquals(List.of(new AspectText("KV cache eviction", false)), InterestAspects.of("KV cache eviction"));
    }

    @Test
    void aLongConversationalInterestSplitsIntoItsSentencesAndKeepsTheWholeFirst() {
        List<AspectText> aspects = InterestAspects.of("I'm looking for papers on using synthetic data to augment "
                + "supervised fine-tuning. Data selection for SFT would be great too, e.g. picking tokens.");
        assertEquals(3, aspects.size());
        assertEquals("using synthetic data to augment supervised fine-tuning Data selection for SFT would be great "
                + "too, e.g. picking tokens", aspects.get(0).text());
        assertEquals("using synthetic data to augment supervised fine-tuning", aspects.get(1).text());
        assertTrue(aspects.get(2).text().startsWith("Data selection for SFT"));
        assertTrue(aspects.stream().noneMatch(AspectText::negative));
    }

    @Test
    void whatTheReaderDoesNotWantBecomesANegativeAspectWithoutItsCueWords() {
        List<AspectText> aspects = InterestAspects.of("Network traffic forecasting is a nice extra, but I don't "
                + "need satellite-network logistics. RL-based training for reasoning is not what I'm after.");
        assertEquals(new AspectText("Network traffic forecasting is a nice extra", false), aspects.get(0));
        assertEquals(new AspectText("satellite-network logistics", true), aspects.get(1));
        assertEquals(new AspectText("RL-based training for reasoning", true), aspects.get(2));
        assertEquals("Network traffic forecasting is a nice extra", InterestAspects.positiveText(aspects));
    }

    @Test
    void textsWithoutWordsHaveNoAspects() {
        assertTrue(InterestAspects.of("").isEmpty());
        assertTrue(InterestAspects.of(null).isEmpty());
        assertTrue(InterestAspects.of("🙂🚀 ?!").isEmpty());
        assertEquals("", InterestAspects.positiveText(InterestAspects.of("🙂")));
    }

    @Test
    void aVeryLongTextIsCutAndYieldsAtMostEightAspects() {
        String text = "Diffusion models for protein design. ".repeat(200);
        List<AspectText> aspects = InterestAspects.of(text);
        assertTrue(aspects.size() <= 8);
        assertTrue(aspects.get(0).text().length() <= InterestAspects.MAX_TEXT);
        assertFalse(aspects.get(0).negative());
    }
}
