package dev.layerscope.data;

import java.util.List;
import java.util.stream.Collectors;

/** Raised when a CSV file cannot become a dataset; carries every problem found, in file order. */
public final class CsvException extends RuntimeException {

    private final List<CsvProblem> problems;

    public CsvException(List<CsvProblem> problems) {
        super(problems.stream().map(CsvProblem::describe).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a CsvException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<CsvProblem> problems() {
        return problems;
    }
}
