package dev.layerscope.web;

import dev.layerscope.config.FieldError;
import dev.layerscope.data.CsvException;
import dev.layerscope.data.CsvOptions;
import dev.layerscope.data.CsvProblem;
import dev.layerscope.session.SessionRegistry;
import dev.layerscope.session.UploadStore;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * {@code POST /api/datasets}: a CSV upload. The file is validated completely (on the training pool,
 * since parsing megabytes is work) and kept under a dataset name that configurations may use.
 */
final class DatasetRoutes {

    private static final int MAX_FILE_NAME_CHARS = 100;

    private final SessionRegistry registry;
    private final Executor work;

    DatasetRoutes(SessionRegistry registry, Executor work) {
        this.registry = registry;
        this.work = work;
    }

    void upload(Context ctx) {
        String contentType = String.valueOf(ctx.contentType()).toLowerCase(Locale.ROOT);
        if (!contentType.startsWith("text/csv") && !contentType.startsWith("text/plain")) {
            throw new HttpException(415, HttpError.of("the body must be a CSV file", "Content-Type",
                    String.valueOf(ctx.contentType()), "text/csv"));
        }
        String fileName = fileName(ctx.queryParam("name"));
        CsvOptions options = options(ctx.queryParam("labelColumn"), ctx.queryParam("header"));
        byte[] bytes = RequestBodies.read(ctx, registry.limits().maxUploadBytes(), "maxUploadBytes");
        CompletableFuture<UploadStore.UploadInfo> added = CompletableFuture.supplyAsync(
                () -> registry.uploads().add(fileName, bytes, options), work);
        ctx.future(() -> added.handle((info, failure) -> {
            Throwable cause = failure != null && failure.getCause() != null ? failure.getCause() : failure;
            if (cause instanceof CsvException csv) {
                HttpResponses.json(ctx, 400, HttpError.of("invalid CSV file: " + csv.problems().size()
                        + (csv.problems().size() == 1 ? " problem" : " problems"), fieldErrors(csv.problems())));
            } else if (failure != null) {
                HttpResponses.error(ctx, failure);
            } else {
                HttpResponses.json(ctx, 201, info);
            }
            return null;
        }));
    }

    private static List<FieldError> fieldErrors(List<CsvProblem> problems) {
        List<FieldError> errors = new ArrayList<>();
        for (CsvProblem problem : problems) {
            String where = problem.row() > 0 && problem.column() > 0 ? "row " + problem.row() + ", column " + problem.column()
                    : problem.row() > 0 ? "row " + problem.row() : problem.column() > 0 ? "column " + problem.column() : "file";
            errors.add(new FieldError("file", where, problem.message()));
        }
        return errors;
    }

    private static String fileName(String name) {
        if (name == null || name.isBlank()) {
            return "upload.csv";
        }
        if (name.length() > MAX_FILE_NAME_CHARS) {
            throw new HttpException(400, HttpError.of("the file name is too long", "name",
                    SessionRoutes.shorten(name), "up to " + MAX_FILE_NAME_CHARS + " characters"));
        }
        return name;
    }

    private static CsvOptions options(String labelColumn, String header) {
        int column = 0;
        if (labelColumn != null) {
            try {
                column = Integer.parseInt(labelColumn);
            } catch (NumberFormatException e) {
                column = -1;
            }
            if (column < 0) {
                throw new HttpException(400, HttpError.of("invalid label column", "labelColumn",
                        SessionRoutes.shorten(labelColumn), "0 (the last column) or a column number from 1"));
            }
        }
        CsvOptions.Header headerOption = CsvOptions.Header.DETECT;
        if (header != null) {
            try {
                headerOption = CsvOptions.Header.valueOf(header.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new HttpException(400, HttpError.of("invalid header option", "header",
                        SessionRoutes.shorten(header), "detect, present or absent"));
            }
        }
        return new CsvOptions(column, headerOption);
    }
}
