package io.paperpost.subscription;

import io.paperpost.site.InvalidInputException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** What the operator states about the consent of the readers they import; there is no default. */
public enum ImportConsent {
    /** They agreed elsewhere (the operator says so): active at once, recorded as {@link ReaderImport#BY_OPERATOR}. */
    CONFIRMED("confirmed"),
    /** Not known: each new reader is pending and gets the usual confirmation link, like a signup here. */
    DOUBLE_OPT_IN("double-opt-in");

    private final String parameter;

    ImportConsent(String parameter) {
        this.parameter = parameter;
    }

    /** The {@code consent} query parameter as sent. */
    public static ImportConsent parse(String value) {
        String names = Arrays.stream(values()).map(c -> c.parameter).collect(Collectors.joining(" or "));
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("consent", "Say how the readers consented: consent=" + names + ".");
        }
        return Arrays.stream(values()).filter(c -> c.parameter.equals(value.strip())).findFirst()
                .orElseThrow(() -> new InvalidInputException("consent", "'consent' must be " + names + "."));
    }
}
