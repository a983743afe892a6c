/**
 * The live protocol's messages and their JSON encoding (documented in {@code docs/protocol.md}):
 * parsing of client messages, server frames, and the split of statistics into scalar frames and
 * heavy detail frames of bounded size.
 */
package dev.layerscope.web.protocol;
