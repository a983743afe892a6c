package dev.layerscope;

/** The text printed by {@code --help}: every command and option. */
final class Help {

    static final String TEXT = """
            Layerscope: watch gradients vanish and explode while deep networks train.

            Usage:
              java -jar layerscope.jar [serve] [options]   start the web server
              java -jar layerscope.jar run [options]       train headless, write statistics as JSON Lines
              java -jar layerscope.jar --help              print this text

            run: train one configuration headless
              --preset NAME    a bundled configuration: deep-sigmoid-normal, deep-sigmoid-xavier,
                               deep-tanh-xavier, tanh-small-init, relu-he, dying-relu,
                               exploding-init, selu-lecun, batchnorm-sigmoid, deep-relu-letters
                               (files in presets/, a starting point for your own)
              --config FILE    a configuration JSON file (docs/configuration.md); give --preset or --config
              --epochs N       train N epochs instead of the configured number (1 to 10000)
              --seed S         use seed S (an integer) instead of the configured one
              --out FILE       write the statistics to FILE instead of standard output; the file appears
                               only when the run ends, complete
              Writes one JSON object per line: the statistics at initialization, after every epoch, and
              every stats.everySteps steps when set (fields in docs/statistics.md; NaN and infinity are
              written as null). Prints one progress line per epoch to standard error.
              Exit status: 0 done, 1 output not writable, 2 invalid option or configuration (one line
              per invalid field), 3 training diverged (the lines up to the divergence are written).

            serve: the web server (the default command)
              Each option can also be set with an environment variable, LAYERSCOPE_ and the option's
              name in capitals with _ for -, for example LAYERSCOPE_PORT=8080; a flag wins over the
              environment. docs/server.md explains each one.
              --host NAME                  interface to listen on (localhost; 0.0.0.0 for every interface)
              --port N                     TCP port (7070; 0 picks a free port)
              --frame-ancestors SOURCES    sites that may embed the page in a frame, as CSP sources
                                           separated by spaces (*, any site)
              --training-threads N         threads shared by all sessions for training (the CPU count)
              --default-speed N            epochs per second a new session is capped at (5; 0 for no cap)
              --max-queued-bytes N         unsent frames a slow client may have before it is disconnected (4194304)
              --send-timeout-seconds N     time one frame may wait to be written before that (30)
              Limits (a configuration over one is rejected with an error naming it):
              --max-parameters N           weights, biases and batch-norm parameters per network (1000000)
              --max-trainer-megabytes N    memory of one trainer as the engine estimates it, in MiB (256)
              --max-total-trainer-megabytes N  memory of all trainers together, in MiB (half the JVM's -Xmx)
              --max-layers N               hidden layers per network (64)
              --max-width N                units per hidden layer (1024)
              --max-epochs N               training.epochs (2000)
              --max-samples N              data.samples (60000)
              --max-histogram-bins N       stats.histogramBins (100)
              --max-unit-sample N          stats.unitSample, units per layer sent to the page (64)
              --max-history-rows N         statistics one run keeps, snapshots x layers (200000)
              --max-sessions N             sessions on the server at once (200)
              --max-sessions-per-client N  sessions one client address may own at once (50)
              --max-viewers N              connections to one session, the owner's included (500)
              --max-connections-per-client N  WebSocket connections one client address holds open (2000)
              --max-upload-bytes N         size of an uploaded dataset (10485760)
              --max-uploads N              uploaded datasets kept at once, least recently used dropped first (20)
              --max-message-bytes N        size of a JSON request or WebSocket message (65536)
              --commands-per-second N      WebSocket messages per second and connection (10; bursts of 2x)
              --max-epochs-per-second N    highest speed cap an owner may set (100)
              --idle-seconds N             a session unused for this long is removed (1800)

            Environment:
              LAYERSCOPE_DATASET_FOLDERS   folders with the complete MNIST-style IDX files, as
                               name=folder pairs separated by commas, for example
                               mnist=/data/mnist,fashion-mnist=/usr/share/datasets/fashion-mnist;
                               each adds a dataset named NAME-full (all 60,000 training images) that
                               configurations may select (docs/datasets.md)

            """;

    private Help() {
    }
}
