package io.paperpost.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.paperpost.site.InvalidInputException;

class EmailAddressesTest {

    @Test
    void trimsAndLowerCasesTheDomainOnly() {
        assertThat(EmailAddresses.normalize("  Ada.Lovelace+papers@Example.ORG ")).isEqualTo("Ada.Lovelace+papers@example.org");
    }

    @Test
    void keepsInternationalDomainsInUnicodeAndSendsThemInPunycode() {
        String normalized = EmailAddresses.normalize("forscher@Universität.de");
        assertThat(normalized).isEqualTo("forscher@universität.de");
        assertThat(EmailAddresses.toAscii(normalized)).isEqualTo("forscher@xn--universitt-y5a.de");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "@example.org", "ada@", "ada@localhost", "ada@@example.org", "ada@exa mple.org",
            "ada@example.org\r\nBcc: x@example.org", "ada@example.org\u0000", "\"Ada\" <ada@example.org>", "ada(comment)@example.org",
            "ada@-example.org", "ädä@example.org", "ada@example..org"})
    void refusesWhatIsNotOneMailbox(String typed) {
        assertThatThrownBy(() -> EmailAddresses.normalize(typed))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("email"));
    }

    @Test
    void refusesMoreThan254Characters() {
        String local = "a".repeat(64);
        String domain = "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(57) + ".org";
        assertThat((local + "@" + domain).length()).isEqualTo(254);
        assertThat(EmailAddresses.normalize(local + "@" + domain)).hasSize(254);
        assertThatThrownBy(() -> EmailAddresses.normalize(local + "@x" + domain)).hasMessageContaining("254");
    }
}
