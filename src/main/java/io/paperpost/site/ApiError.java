package io.paperpost.site;

/**
 * The one error shape of the JSON API: what went wrong, and which field when one input is to blame.
 */
public record ApiError(String error, String field) {

    public static ApiError of(String error) {
        return new ApiError(error, null);
    }
}
