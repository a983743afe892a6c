/**
 * The run configuration: immutable records validated at the edge, their JSON form (read with every
 * invalid field collected, written canonically), and the bundled presets. Uses Jackson for JSON.
 */
package dev.layerscope.config;
