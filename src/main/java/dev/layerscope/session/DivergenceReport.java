package dev.layerscope.session;

import dev.layerscope.training.DivergedException;
import dev.layerscope.training.Divergence;

/**
 * Why a session's training stopped: the engine's divergence with its message, as sent to clients.
 *
 * @param layerIndex the layer where the value was found, 0 = first hidden layer
 * @param quantity   which value, for example {@code weightGradient} or {@code loss}
 */
public record DivergenceReport(long step, int epoch, int layerIndex, String quantity, String message, String advice) {

    static DivergenceReport from(DivergedException exception) {
        Divergence divergence = exception.divergence();
        return new DivergenceReport(divergence.step(), divergence.epoch(), divergence.layerIndex(),
                divergence.quantity(), exception.getMessage(), divergence.advice());
    }
}
