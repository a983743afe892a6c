/**
 * The HTTP and WebSocket server: Javalin wiring, REST handlers, the socket handler and the
 * per-connection writer. Nothing outside this package and {@code cli} imports Javalin.
 */
package dev.layerscope.web;
