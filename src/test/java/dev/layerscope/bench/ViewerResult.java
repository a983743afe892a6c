package dev.layerscope.bench;

/**
 * What one viewer received in the {@code viewers} benchmark.
 *
 * @param receivedBytes   payload bytes of every frame (characters for the in-process client: the same
 *                        figure for the ASCII JSON the server writes)
 * @param latencyMillis   for every epoch frame whose publication was logged, publication to arrival
 */
record ViewerResult(int epochFrames, int outOfOrder, int detailFrames, long receivedBytes, boolean closedByServer,
                    double[] latencyMillis) {

    ViewerResult {
        latencyMillis = latencyMillis.clone();
    }

    @Override
    public double[] latencyMillis() {
        return latencyMillis.clone();
    }

    static ViewerResult of(ViewerSocket socket) {
        return new ViewerResult(socket.epochFrames(), socket.outOfOrder(), socket.detailFrames(), socket.receivedChars(),
                socket.closedByServer(), socket.latencies().values());
    }
}
