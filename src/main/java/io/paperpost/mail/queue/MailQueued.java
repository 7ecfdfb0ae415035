package io.paperpost.mail.queue;

/** An email was queued: the worker wakes once the transaction that queued it has committed. */
record MailQueued(long mailId) {
}
