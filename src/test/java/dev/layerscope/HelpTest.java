package dev.layerscope;

import dev.layerscope.config.Presets;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class HelpTest {

    @Test
    void runSectionNamesEveryPresetAndOption() {
        for (String preset : Presets.names()) {
            assertTrue(Help.TEXT.contains(preset), "help misses preset " + preset);
        }
        for (String option : new String[] {"--preset", "--config", "--epochs", "--seed", "--out"}) {
            assertTrue(Help.TEXT.contains(option), "help misses " + option);
        }
    }
}
