package dev.layerscope;

/** The text printed by {@code --help}: every command and option. */
final class Help {

    static final String TEXT = """
            Layerscope: watch gradients vanish and explode while deep networks train.

            Usage:
              java -jar layerscope.jar [serve] [options]   start the web server
              java -jar layerscope.jar run [options]       train headless, write statistics as JSON Lines
              java -jar layerscope.jar --help              print this text

            """;

    private Help() {
    }
}
