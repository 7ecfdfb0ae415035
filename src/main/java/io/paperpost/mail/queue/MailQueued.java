package io.paperpost.mail.queue;

/** An email was queued or made due: the worker wakes once the transaction that did it has committed. */
record MailQueued() {
}
