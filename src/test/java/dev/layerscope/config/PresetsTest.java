package dev.layerscope.config;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PresetsTest {

    @Test
    void namesMatchPresetFolder() throws IOException {
        List<String> files;
        try (Stream<Path> paths = Files.list(Path.of("presets"))) {
            files = paths.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(".json"))
                    .map(name -> name.substring(0, name.length() - ".json".length()))
                    .sorted()
                    .toList();
        }

        assertEquals(files, Presets.names().stream().sorted().toList());
        assertTrue(Presets.names().size() >= 8);
    }

    @Test
    void everyPresetLoadsUnderItsName() {
        for (String name : Presets.names()) {
            RunConfig config = Presets.load(name);

            assertEquals(name, config.name());
            assertFalse(config.description().isBlank(), name + " has no description");
        }
    }

    @Test
    void unknownPresetListsKnownOnes() {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> Presets.load("nope"));

        assertTrue(thrown.getMessage().contains("relu-he"), thrown.getMessage());
    }
}
