package io.paperpost.bounces;

/** A message that is not a readable DSN or ARF report; the message says what is wrong, for the operator. */
public class MalformedReportException extends Exception {

    public MalformedReportException(String reason) {
        super(reason, null, false, false);
    }
}
