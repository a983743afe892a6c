package dev.layerscope.web;

import dev.layerscope.config.FieldError;

import java.util.List;

/**
 * The JSON body of every 4xx response: a sentence, the first invalid field repeated at the top
 * level, and every invalid field in {@code errors}.
 */
record HttpError(String error, String field, String value, String allowed, List<FieldError> errors) {

    HttpError {
        errors = List.copyOf(errors);
    }

    static HttpError of(String error, String field, String value, String allowed) {
        return new HttpError(error, field, value, allowed, List.of(new FieldError(field, value, allowed)));
    }

    static HttpError of(String error, List<FieldError> errors) {
        FieldError first = errors.get(0);
        return new HttpError(error, first.field(), first.value(), first.allowed(), errors);
    }
}
