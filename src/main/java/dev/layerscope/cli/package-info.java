/**
 * Command-line commands: {@code run} trains one configuration headless and writes statistics as JSON
 * Lines; {@code serve} starts the web server.
 */
package dev.layerscope.cli;
