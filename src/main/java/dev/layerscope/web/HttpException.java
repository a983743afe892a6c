package dev.layerscope.web;

/** Ends a request with a 4xx status and an {@link HttpError} body. */
final class HttpException extends RuntimeException {

    private final int status;
    private final HttpError body;

    HttpException(int status, HttpError body) {
        super(body.error());
        this.status = status;
        this.body = body;
    }

    int status() {
        return status;
    }

    HttpError body() {
        return body;
    }
}
