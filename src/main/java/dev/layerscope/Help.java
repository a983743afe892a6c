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
                               tanh-small-init, relu-he, dying-relu, exploding-init, selu-lecun,
                               batchnorm-sigmoid, deep-relu-letters (files in presets/, a starting
                               point for your own)
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
