package dev.layerscope;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AppTest {

    @Test
    void helpListsCommands() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = App.execute(new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        assertEquals(0, status);
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("run [options]"), text);
        assertTrue(text.contains("serve"), text);
    }

    @Test
    void helpAfterCommandPrintsHelp() {
        for (String command : new String[] {"run", "serve"}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            int status = App.execute(new String[] {command, "--help"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                    System.err);

            assertEquals(0, status, command);
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("--preset NAME"), command);
        }
    }
}
