package dev.layerscope.cli;

import dev.layerscope.config.ConfigException;
import dev.layerscope.config.FieldError;
import dev.layerscope.web.ServerSettings;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServeOptionsTest {

    @Test
    void defaultsListenOnLocalhost7070() {
        ServerSettings settings = ServeOptions.parse(new String[0], Map.of());

        assertEquals("localhost", settings.host());
        assertEquals(7070, settings.port());
        assertEquals("*", settings.frameAncestors());
        assertEquals(64, settings.limits().maxLayers());
    }

    @Test
    void environmentSetsAndFlagsOverride() {
        Map<String, String> environment = Map.of("LAYERSCOPE_PORT", "8080", "LAYERSCOPE_HOST", "0.0.0.0",
                "LAYERSCOPE_MAX_SESSIONS", "12");

        ServerSettings settings = ServeOptions.parse(new String[] {"--port", "9090", "--max-viewers=40"}, environment);

        assertEquals(9090, settings.port());
        assertEquals("0.0.0.0", settings.host());
        assertEquals(12, settings.limits().maxSessions());
        assertEquals(40, settings.limits().maxViewersPerSession());
    }

    @Test
    void everyInvalidOptionIsReported() {
        String[] args = {"--port", "99999", "--max-layers", "many", "--colour", "red", "--frame-ancestors", "a;b"};

        ConfigException e = assertThrows(ConfigException.class, () -> ServeOptions.parse(args, Map.of()));

        List<String> fields = e.errors().stream().map(FieldError::field).toList();
        assertEquals(List.of("--colour", "--max-layers", "--frame-ancestors", "--port"), fields);
        assertEquals("99999", e.errors().get(3).value());
        assertTrue(e.errors().get(3).allowed().contains("65535"), e.errors().get(3).allowed());
    }

    @Test
    void invalidOptionExitsWithUsageStatus() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = ServeCommand.execute(new String[] {"--port", "-1"}, Map.of(), System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(2, status);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--port"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void environmentNamesFollowOptionNames() {
        assertEquals("LAYERSCOPE_MAX_EPOCHS_PER_SECOND", ServeOptions.environmentName("max-epochs-per-second"));
    }
}
