package io.paperpost.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FieldErrorsTest {

    @Test
    void aStepThatRefusesItsInputIsRecordedAndAnswersTheFallback() {
        FieldErrors errors = new FieldErrors();
        int papers = errors.attempt(() -> {
            throw new InvalidInputException("papers", "Choose between 5 and 30.");
        }, 10);
        String zone = errors.attempt(() -> "Europe/Berlin", "UTC");

        assertThat(papers).isEqualTo(10);
        assertThat(zone).isEqualTo("Europe/Berlin");
        assertThat(errors.has("papers")).isTrue();
        assertThat(errors.has("zone")).isFalse();
        assertThat(errors.message("papers")).isEqualTo("Choose between 5 and 30.");
        assertThat(errors.message("zone")).isNull();
    }

    @Test
    void throwIfAnyCarriesEveryErrorWithTheFirstAsTheMessage() {
        FieldErrors errors = new FieldErrors();
        errors.attempt(() -> {
            throw new InvalidInputException("hour", "Choose an hour from 0 to 23.");
        }, 0);
        errors.attempt(() -> {
            throw new InvalidInputException("zone", "Choose a time zone.");
        }, "UTC");

        assertThatThrownBy(errors::throwIfAny).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo("hour");
            assertThat(e.getMessage()).isEqualTo("Choose an hour from 0 to 23.");
            assertThat(e.all()).extracting(FieldErrors.FieldError::field).containsExactly("hour", "zone");
        });
    }

    @Test
    void nothingRefusedThrowsNothing() {
        FieldErrors errors = new FieldErrors();
        errors.throwIfAny();
        assertThat(errors.isEmpty()).isTrue();
        assertThat(errors.isFirst("anything")).isFalse();
    }

    @Test
    void errorsGatheredByAnEarlierStepKeepEachFieldOnce() {
        FieldErrors inner = new FieldErrors();
        inner.attempt(() -> {
            throw new InvalidInputException("zone", "first");
        }, null);
        FieldErrors outer = new FieldErrors();
        outer.attempt(() -> {
            inner.throwIfAny();
            return null;
        }, null);
        outer.attempt(() -> {
            throw new InvalidInputException("zone", "second");
        }, null);

        assertThat(outer.list()).containsExactly(new FieldErrors.FieldError("zone", "first"));
    }

    @Test
    void theSummaryFollowsTheOrderOfTheFormAndTheFirstThereTakesTheFocus() {
        FieldErrors errors = new FieldErrors();
        errors.attempt(() -> {
            throw new InvalidInputException("papers", "p");
        }, null);
        errors.attempt(() -> {
            throw new InvalidInputException("unlisted", "u");
        }, null);
        errors.attempt(() -> {
            throw new InvalidInputException("hour", "h");
        }, null);

        FieldErrors ordered = errors.inFormOrder(List.of("topics", "hour", "papers"));

        assertThat(ordered.list()).extracting(FieldErrors.FieldError::field).containsExactly("hour", "papers",
                "unlisted");
        assertThat(ordered.isFirst("hour")).isTrue();
    }
}
