package io.paperpost.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A reader's stored interest vectors describe the interests saved last, or nothing. */
class ChoosingInterestsTest {

    static Reader embeddedReader(String interests) {
        Reader reader = new Reader();
        reader.interests = interests;
        reader.interestVectors = new byte[]{0, 0, 0, 0};
        reader.interestVectorsModel = "some-model";
        return reader;
    }

    @Test
    void newInterestsClearTheVectorsOfTheOldOnes() {
        Reader reader = embeddedReader("speech recognition");
        reader.choose(new Preferences(List.of(), "graph neural networks", List.of()));
        assertThat(reader.interestVectors).isNull();
        assertThat(reader.interestVectorsModel).isNull();
    }

    @Test
    void savingTheSameInterestsKeepsTheirVectors() {
        Reader reader = embeddedReader("speech recognition");
        reader.choose(new Preferences(List.of("cs.CL"), "speech recognition", List.of("Ana García")));
        assertThat(reader.interestVectorsModel).isEqualTo("some-model");
    }

    @Test
    void aConfirmedSignupWithOtherInterestsClearsThem() {
        Reader reader = embeddedReader("speech recognition");
        PendingSignup signup = new PendingSignup();
        signup.interests = "robot manipulation";
        reader.chooseAs(signup);
        assertThat(reader.interestVectors).isNull();
    }
}
