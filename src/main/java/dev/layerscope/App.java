package dev.layerscope;

import dev.layerscope.cli.RunCommand;
import dev.layerscope.cli.ServeCommand;
import dev.layerscope.data.DatasetFolders;
import dev.layerscope.data.Datasets;

import java.io.PrintStream;
import java.util.Arrays;

/** Entry point: {@code run} trains headless; no command (or {@code serve}) starts the web server. */
public final class App {

    private App() {
    }

    public static void main(String[] args) {
        try {
            Datasets.useFolders(DatasetFolders.fromEnvironment(System.getenv()));
        } catch (IllegalArgumentException e) {
            System.err.println("Invalid environment: " + e.getMessage());
            System.exit(2);
        }
        int status = execute(args, System.out, System.err);
        if (status != ServeCommand.KEEP_RUNNING) {
            System.exit(status);
        }
    }

    /** Runs one command and returns the process exit status. */
    static int execute(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0 && args[0].equals("help") || Arrays.asList(args).contains("--help")
                || Arrays.asList(args).contains("-h")) {
            out.print(Help.TEXT);
            return 0;
        }
        if (args.length > 0 && args[0].equals("run")) {
            return RunCommand.execute(Arrays.copyOfRange(args, 1, args.length), out, err);
        }
        String[] serveArgs = args.length > 0 && args[0].equals("serve") ? Arrays.copyOfRange(args, 1, args.length) : args;
        return ServeCommand.execute(serveArgs, out, err);
    }
}
