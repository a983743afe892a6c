package dev.layerscope.cli;

import java.io.PrintStream;

/** The default command: starts the web server. */
public final class ServeCommand {

    /** Returned by {@link #execute} when the server started and the process must stay alive. */
    public static final int KEEP_RUNNING = -1;

    private ServeCommand() {
    }

    public static int execute(String[] args, PrintStream out, PrintStream err) {
        // TODO: replaced by the web server.
        err.println("serve: not available in this build");
        return 2;
    }
}
