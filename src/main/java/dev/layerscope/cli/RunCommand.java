package dev.layerscope.cli;

import java.io.PrintStream;

/** The {@code run} command: trains one configuration headless. */
public final class RunCommand {

    private RunCommand() {
    }

    public static int execute(String[] args, PrintStream out, PrintStream err) {
        // TODO: replaced by the headless trainer.
        err.println("run: not available in this build");
        return 2;
    }
}
