/** Command-line entry points: {@code run} trains headless, {@code serve} starts the web server. */
package dev.layerscope.cli;
