package dev.layerscope.e2e;

/** JavaScript run inside the page by the tests, to read what the page drew. */
final class PageScripts {

    private PageScripts() {
    }

    /**
     * Number of points of each dataset (one per layer) of the gradient chart, or null before the page
     * has loaded Chart.js (it loads after the builder appears, so a poll may run first).
     */
    static final String GRADIENT_POINTS_PER_LAYER = """
            if (typeof Chart === 'undefined') {
              return null;
            }
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

    /** The red channel of the first sample image's canvas (grey images have equal channels), row-major. */
    static final String FIRST_SAMPLE_RED = """
            const canvas = document.querySelector('#chart-prediction .sample-grid canvas');
            const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
            return Array.from({ length: data.length / 4 }, (_, i) => data[4 * i]);""";

    /**
     * Presses the predictions card's PNG button, catching the download link instead of following it,
     * and returns the exported image's width, height and number of dark pixels (red below 128).
     */
    static final String PREDICTION_PNG = """
            const card = document.getElementById('chart-prediction');
            let href = null;
            const click = HTMLAnchorElement.prototype.click;
            HTMLAnchorElement.prototype.click = function () { href = this.href; };
            try {
              card.querySelector('.chart-actions button').click();
            } finally {
              HTMLAnchorElement.prototype.click = click;
            }
            return new Promise((resolve, reject) => {
              const image = new Image();
              image.onerror = () => reject(new Error('the export is not an image: ' + String(href).slice(0, 40)));
              image.onload = () => {
                const canvas = document.createElement('canvas');
                canvas.width = image.width;
                canvas.height = image.height;
                const context = canvas.getContext('2d');
                context.drawImage(image, 0, 0);
                const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
                let dark = 0;
                for (let i = 0; i < data.length; i += 4) {
                  dark += data[i] < 128 ? 1 : 0;
                }
                resolve([image.width, image.height, dark]);
              };
              image.src = href;
            });""";
}
