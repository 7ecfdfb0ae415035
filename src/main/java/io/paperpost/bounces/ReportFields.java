package io.paperpost.bounces;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The field groups of a delivery-status or feedback-report body: header-like lines (folded lines continue the one
 * before), groups separated by blank lines (RFC 3464 §2.1: the per-message fields, then one group per recipient).
 * Names are lower-cased; the first occurrence of a field in a group wins.
 */
final class ReportFields {

    private ReportFields() {
    }

    static List<Map<String, String>> groups(String body) {
        List<Map<String, String>> groups = new ArrayList<>();
        Map<String, String> group = new LinkedHashMap<>();
        String name = null;
        for (String line : body.split("\r?\n", -1)) {
            if (line.isBlank()) {
                if (!group.isEmpty()) {
                    groups.add(group);
                    group = new LinkedHashMap<>();
                }
                name = null;
            } else if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && name != null) {
                group.computeIfPresent(name, (n, value) -> value + " " + line.strip());
            } else {
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    name = null;
                    continue;
                }
                name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                group.putIfAbsent(name, line.substring(colon + 1).strip());
            }
        }
        if (!group.isEmpty()) {
            groups.add(group);
        }
        return groups;
    }

    /** The part after the type of a typed field ({@code rfc822; a@b}, {@code smtp; 550 ...}), or all of it. */
    static String untyped(String value) {
        if (value == null) {
            return null;
        }
        int semicolon = value.indexOf(';');
        String rest = (semicolon >= 0 ? value.substring(semicolon + 1) : value).strip();
        return rest.isEmpty() ? null : rest;
    }

    /** An address without its angle brackets, or null when it is none. */
    static String address(String value) {
        String rest = untyped(value);
        if (rest == null) {
            return null;
        }
        if (rest.startsWith("<") && rest.endsWith(">")) {
            rest = rest.substring(1, rest.length() - 1).strip();
        }
        return rest.indexOf('@') > 0 && rest.indexOf(' ') < 0 ? rest : null;
    }
}
