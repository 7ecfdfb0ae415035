package io.paperpost.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperpost.site.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressesTest {

    @Test
    void trimsAndLowerCasesTheDomainOnly() {
        assertThat(EmailAddresses.normalize("  Ada.Lovelace+papers@Example.ORG "))
                .isEqualTo("Ada.Lovelace+papers@example.org");
    }

    @Test
    void keepsInternationalDomainsInUnicodeAndSendsThemInPunycode() {
        String normalized = EmailAddresses.normalize("forscher@Universität.de");
        assertThat(normalized).isEqualTo("forscher@universität.de");
        assertThat(EmailAddresses.toAscii(normalized)).isEqualTo("forscher@xn--universitt-y5a.de");
    }

    /** Spellings of one mailbox: each is the same reader as ada@universität.de. */
    static final String[] SPELLINGS_OF_ONE_MAILBOX = {
            "ada@universität.de", "Ada@Universität.DE", "ada@xn--universitt-y5a.de", "ADA@XN--UNIVERSITT-Y5A.DE",
            "ada\u200B@universität.de", "a\u00ADda@univer\u200Bsität.de", "\uFEFFada@universität.de\u2060",
            "ａｄａ@ｕｎｉｖｅｒｓｉｔäｔ.ｄｅ", "ａｄａ＠universität．de", "ada\uFE0F@universita\u0308t.de", " ada@universität.de\u00A0"};

    @Test
    void everySpellingOfOneMailboxHasOneKey() {
        for (String spelling : SPELLINGS_OF_ONE_MAILBOX) {
            assertThat(EmailAddresses.key(spelling)).as(spelling).isEqualTo("ada@xn--universitt-y5a.de");
        }
    }

    @Test
    void storesTheDomainInUnicodeWhicheverSpellingWasTypedAndSendsItInPunycode() {
        assertThat(EmailAddresses.normalize("Ada@XN--UNIVERSITT-Y5A.de")).isEqualTo("Ada@universität.de");
        assertThat(EmailAddresses.normalize("ａｄａ\u200B@ｅｘａｍｐｌｅ.org")).isEqualTo("ada@example.org");
        assertThat(EmailAddresses.toAscii("Ada@universität.de")).isEqualTo("Ada@xn--universitt-y5a.de");
    }

    @Test
    void normalizingTwiceChangesNothing() {
        for (String spelling : SPELLINGS_OF_ONE_MAILBOX) {
            String once = EmailAddresses.normalize(spelling);
            assertThat(EmailAddresses.normalize(once)).as(spelling).isEqualTo(once);
        }
    }

    @Test
    void anAddressOfOnlyInvisibleCharactersIsAskedForAgain() {
        assertThatThrownBy(() -> EmailAddresses.normalize("\u200B\u00AD"))
                .hasMessage("Please enter your email address.");
    }

    @Test
    void aPunycodeDomainTooLongForAMailServerIsRefused() {
        String label = "ü".repeat(45);
        String typed = "ada@" + String.join(".", label, label, label, label, label) + ".de";
        assertThat(typed.length()).isLessThan(254);
        assertThatThrownBy(() -> EmailAddresses.normalize(typed)).hasMessageContaining("254");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "@example.org", "ada@", "ada@localhost", "ada@@example.org",
            "ada@exa mple.org",
            "ada@example.org\r\nBcc: x@example.org", "ada@example.org\u0000", "\"Ada\" <ada@example.org>",
            "ada(comment)@example.org",
            "ada@-example.org", "ädä@example.org", "ada@example..org",
            "ada\u3000@example.org", "a\u200B@b", "ada@\u200B", "ad\u0430@example.org", "ada@exa_mple.org"})
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
