package io.paperpost.readinglist;

import io.paperpost.site.InvalidInputException;
import java.util.Locale;

/** The rules of a reader's note on a saved paper. */
final class Notes {

    /**
     * Zero-width (non-)joiners are format characters that emoji and some scripts (Persian, Hindi) need; the others,
     * such as bidirectional overrides, can make a note read differently from what it holds.
     */
    private static final int ZWNJ = 0x200C;
    private static final int ZWJ = 0x200D;

    private Notes() {
    }

    /**
     * The note as stored: line ends as {@code \n}, trimmed, null when blank.
     *
     * @throws InvalidInputException when longer than {@value ReadingListEntry#MAX_NOTE} characters or holding a
     *                               control character other than a line break or tab
     */
    static String check(String note) {
        if (note == null) {
            return null;
        }
        // Browsers send a textarea's line breaks as CRLF (HTML's form submission); one character each when stored.
        String text = note.replace("\r\n", "\n").strip();
        if (text.isEmpty()) {
            return null;
        }
        if (text.length() > ReadingListEntry.MAX_NOTE) {
            throw new InvalidInputException("note", "A note can have at most 1,000 characters; this one has "
                    + String.format(Locale.ENGLISH, "%,d", text.length()) + ".");
        }
        boolean control = text.codePoints()
                .anyMatch(c -> c != '\n' && c != '\t' && (Character.getType(c) == Character.CONTROL
                        || Character.getType(c) == Character.FORMAT && c != ZWNJ && c != ZWJ));
        if (control) {
            throw new InvalidInputException("note",
                    "The note holds an invisible control character. Please type it again without it.");
        }
        return text;
    }
}
