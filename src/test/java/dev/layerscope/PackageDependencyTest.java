package dev.layerscope;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Checks the import rules between packages by reading the main sources. */
class PackageDependencyTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/layerscope");
    /** Packages that must stay free of the web server and of JSON. */
    private static final List<String> CORE = List.of("math", "network", "training", "data", "stats");

    /** Returns "file: import line" for every import starting with {@code prefix} in the selected packages. */
    private static List<String> imports(String prefix, Predicate<String> packageSelected) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                Path folder = SOURCES.relativize(file).getParent();
                String packageName = folder == null ? "" : folder.toString().replace('/', '.');
                if (!packageSelected.test(packageName)) {
                    continue;
                }
                for (String line : Files.readAllLines(file)) {
                    if (line.startsWith("import " + prefix)) {
                        found.add(file + ": " + line);
                    }
                }
            }
        }
        return found;
    }

    @Test
    void onlyMathImportsSmile() throws IOException {
        assertEquals(List.of(), imports("smile.", packageName -> !packageName.equals("math")));
    }

    @Test
    void corePackagesImportNoJackson() throws IOException {
        assertEquals(List.of(), imports("com.fasterxml.jackson", CORE::contains));
    }

    @Test
    void corePackagesImportNoJavalin() throws IOException {
        assertEquals(List.of(), imports("io.javalin", CORE::contains));
    }
}
