package dev.layerscope.training;

/** Raised when the loss, a weight, an activation or a gradient becomes NaN or infinite. */
public final class DivergedException extends RuntimeException {

    private final transient Divergence divergence;

    public DivergedException(Divergence divergence) {
        super(divergence.message());
        this.divergence = divergence;
    }

    public Divergence divergence() {
        return divergence;
    }
}
