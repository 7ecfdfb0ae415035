package io.paperpost.subscription;

/** How a reader takes their daily picks. Either way they are in the reader's Atom feed. */
public enum DeliveryChannel {
    /** The daily email (the default). */
    EMAIL,
    /** Only the feed: the picks are ranked and recorded at the reader's hour, and no email is sent. */
    FEED
}
