package dev.layerscope.cli;

import dev.layerscope.config.ConfigException;
import dev.layerscope.config.FieldError;
import dev.layerscope.web.Server;
import dev.layerscope.web.ServerSettings;

import java.io.PrintStream;
import java.util.Map;

/** The default command: starts the web server and keeps the process alive. */
public final class ServeCommand {

    /** Returned by {@link #execute} when the server started and the process must stay alive. */
    public static final int KEEP_RUNNING = -1;
    /** Exit status for invalid options. */
    static final int USAGE_ERROR = 2;
    /** Exit status when the server could not start, for example because the port is taken. */
    static final int START_FAILED = 1;

    private ServeCommand() {
    }

    public static int execute(String[] args, PrintStream out, PrintStream err) {
        return execute(args, System.getenv(), out, err);
    }

    static int execute(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        ServerSettings settings;
        try {
            settings = ServeOptions.parse(args, environment);
        } catch (ConfigException e) {
            for (FieldError error : e.errors()) {
                err.println("serve: " + error.message());
            }
            err.println("Run with --help for every option.");
            return USAGE_ERROR;
        }
        Server server = new Server(settings);
        try {
            server.start();
        } catch (RuntimeException e) {
            String reason = String.valueOf(e.getMessage()).replaceAll("[.\\s]+$", "");
            err.println("serve: could not listen on " + settings.host() + ":" + settings.port() + ": " + reason
                    + ". If another program uses the port, choose another with --port N or LAYERSCOPE_PORT=N.");
            server.close();
            return START_FAILED;
        }
        out.println("Layerscope is running at http://" + settings.host() + ":" + server.port() + "/ (Ctrl+C stops it)");
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "layerscope-shutdown"));
        return KEEP_RUNNING;
    }
}
