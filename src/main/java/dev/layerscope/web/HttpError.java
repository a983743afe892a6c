package dev.layerscope.web;

import dev.layerscope.config.FieldError;

import java.util.ArrayList;
import java.util.List;

/**
 * The JSON body of every 4xx response: a sentence, the first invalid field repeated at the top
 * level, and every invalid field in {@code errors}.
 */
record HttpError(String error, String field, String value, String allowed, List<FieldError> errors) {

    /** Errors listed in one response; a configuration rarely has more than a handful. */
    static final int MAX_LISTED_ERRORS = 50;

    HttpError {
        errors = List.copyOf(errors);
    }

    static HttpError of(String error, String field, String value, String allowed) {
        return new HttpError(error, field, value, allowed, List.of(new FieldError(field, value, allowed)));
    }

    static HttpError of(String error, List<FieldError> errors) {
        FieldError first = errors.get(0);
        return new HttpError(error, first.field(), first.value(), first.allowed(), listed(errors));
    }

    /**
     * Returns the first {@value #MAX_LISTED_ERRORS} errors and an entry that counts the rest, so that a
     * 64 KiB body of unknown keys does not get a response ten times its size.
     */
    static List<FieldError> listed(List<FieldError> errors) {
        if (errors.size() <= MAX_LISTED_ERRORS) {
            return errors;
        }
        List<FieldError> listed = new ArrayList<>(errors.subList(0, MAX_LISTED_ERRORS));
        listed.add(new FieldError("(document)", (errors.size() - MAX_LISTED_ERRORS) + " more invalid fields",
                "not listed; fix the fields above and send it again"));
        return listed;
    }
}
