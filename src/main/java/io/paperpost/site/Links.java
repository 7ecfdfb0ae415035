package io.paperpost.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Absolute links readers get in emails. One place, so every link starts with the configured base URL. */
@ApplicationScoped
public class Links {

    @Inject
    SiteConfig site;

    public String home() {
        return base() + "/";
    }

    public String confirm(String token) {
        return base() + "/confirm/" + token;
    }

    public String preferences(String token) {
        return base() + "/preferences/" + token;
    }

    public String feedback(String token) {
        return base() + "/feedback/" + token;
    }

    /** A steering link of the digest: fewer like this, mute or follow an author, mute a topic. */
    public String steer(String token) {
        return base() + "/steer/" + token;
    }

    /** A digest's "Save" link: saves the paper to the reader's reading list (after one button). */
    public String save(String token) {
        return base() + "/save/" + token;
    }

    /** The reader's reading list. */
    public String readingList(String token) {
        return base() + "/reading-list/" + token;
    }

    public String emailChange(String token) {
        return base() + "/email-change/" + token;
    }

    public String emailChangeUndo(String token) {
        return base() + "/email-change/undo/" + token;
    }

    public String unsubscribe(String token) {
        return base() + "/unsubscribe/" + token;
    }

    /** One sent digest shown as a page ("View in your browser"). */
    public String digest(String token) {
        return base() + "/digest/" + token;
    }

    /** The reader's past digests ("Past emails"). */
    public String digests(String token) {
        return base() + "/digests/" + token;
    }

    /** The reader's Atom feed of their picks. */
    public String feed(String token) {
        return base() + "/feed/" + token + ".atom";
    }

    /** Where a paper can be read: its arXiv page when the id is an arXiv id, else a search for its title. */
    public static String paper(String id, String title) {
        if (id.matches("\\d{4}\\.\\d{4,5}") || id.matches("[a-z-]+(\\.[A-Z]{2})?/\\d{7}")) {
            return "https://arxiv.org/abs/" + id;
        }
        return "https://scholar.google.com/scholar?q=" + URLEncoder.encode(title, StandardCharsets.UTF_8);
    }

    private String base() {
        String url = site.baseUrl();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
