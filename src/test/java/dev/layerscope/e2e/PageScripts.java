package dev.layerscope.e2e;

/** JavaScript run inside the page by the tests, to read what the page drew. */
final class PageScripts {

    private PageScripts() {
    }

    /** Number of points of each dataset (one per layer) of the gradient chart. */
    static final String GRADIENT_POINTS_PER_LAYER = """
            const chart = Chart.getChart(document.getElementById('chart-gradient-canvas'));
            return chart ? chart.data.datasets.map((dataset) => dataset.data.length) : null;""";

    /** The x values (epochs) of the gradient chart's first dataset. */
    static final String GRADIENT_EPOCHS = """
            const chart = Chart.getChart(document.getElementById('chart-gradient-canvas'));
            return chart && chart.data.datasets.length > 0 ? chart.data.datasets[0].data.map((point) => point.x) : [];""";

    /** The y values of every dataset of the gradient chart, as one flat list. */
    static final String GRADIENT_VALUES = """
            const chart = Chart.getChart(document.getElementById('chart-gradient-canvas'));
            return chart ? chart.data.datasets.flatMap((dataset) => dataset.data.map((point) => point.y)) : [];""";

    /**
     * Share of the network canvas's pixels that differ from white, and the number of distinct colours
     * among them: a blank or single-colour canvas scores 0 on both.
     */
    static final String CANVAS_INK = """
            const canvas = document.getElementById(arguments[0]);
            const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
            let inked = 0;
            const colours = new Set();
            for (let i = 0; i < data.length; i += 4) {
              const opaqueWhite = data[i] > 250 && data[i + 1] > 250 && data[i + 2] > 250;
              if (data[i + 3] > 0 && !opaqueWhite) {
                inked += 1;
                colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
              }
            }
            return [inked / (data.length / 4), colours.size];""";
}
