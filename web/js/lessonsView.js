// The lesson list and the open lesson: text, the formula beside the live chart it concerns, a
// question to answer before starting, and the button that loads the lesson's preset.

import { el, replaceChildren } from './dom.js';
import { formatNumber, formatScientific } from './format.js';
import { sigmoidDerivative, xavierVariance } from './formulas.js';
import { LESSONS } from './lessons.js';

const CHART_IDS = Object.freeze({
  loss: 'chart-loss', gradient: 'chart-gradient', variance: 'chart-variance', fractions: 'chart-fractions',
});

/** `hiddenWidth()` returns the width of the builder's hidden layers, which the Xavier calculator starts from. */
export function createLessonsView({ list, stage, chartsHome, onLoad, hiddenWidth = () => 32 }) {
  let openId = null;
  let borrowedChart = null;

  replaceChildren(list, LESSONS.map((lesson, i) => el('li', {},
    el('button', { type: 'button', className: 'lesson-link', 'data-lesson': lesson.id, onClick: () => open(lesson.id) }, `${i + 1}. ${lesson.title}`))));

  /** Opens lesson `id`, moving its chart beside the text. */
  function open(id) {
    const lesson = LESSONS.find((entry) => entry.id === id);
    if (!lesson) {
      return;
    }
    openId = id;
    returnChart();
    list.querySelectorAll('.lesson-link').forEach((button) => button.setAttribute('aria-current', String(button.dataset.lesson === id)));
    const prediction = el('textarea', { id: 'lesson-prediction', rows: 2, placeholder: 'Write your prediction before you press Start' });
    // Until the lesson's network is loaded, Start trains whatever the builder holds.
    const loadHint = el('p', { id: 'lesson-load-hint', className: 'lesson-hint', role: 'status' },
      'The builder still holds its own network: press "Load this lesson\'s network" before Start to train the one this lesson describes.');
    const load = () => {
      onLoad(lesson);
      loadHint.textContent = 'The builder now holds this lesson\'s network. Press Start.';
    };
    const text = el('div', { className: 'lesson-text' },
      el('h2', { id: 'lesson-title' }, lesson.title),
      el('p', {}, lesson.text),
      el('p', { className: 'formula', 'aria-label': `Formula: ${lesson.formula}` }, lesson.formula),
      lesson.widget === 'sigmoid' ? sigmoidExplorer() : null,
      lesson.widget === 'xavier' ? xavierCalculator(hiddenWidth()) : null,
      el('p', { className: 'lesson-question' }, el('strong', {}, 'Predict first: '), lesson.question),
      el('label', { for: 'lesson-prediction', className: 'visually-hidden' }, 'Your prediction'),
      prediction,
      el('div', { className: 'lesson-actions' },
        el('button', { type: 'button', className: 'primary', id: 'load-lesson', onClick: load }, 'Load this lesson\'s network'),
        el('button', { type: 'button', onClick: close }, 'Close lesson')),
      loadHint);
    const chartSlot = el('div', { className: 'lesson-chart' });
    replaceChildren(stage, el('article', { className: 'lesson', 'aria-labelledby': 'lesson-title' }, text, chartSlot));
    stage.hidden = false;
    borrowedChart = document.getElementById(CHART_IDS[lesson.chart]);
    if (borrowedChart) {
      chartSlot.append(borrowedChart);
    }
  }

  function close() {
    returnChart();
    openId = null;
    stage.hidden = true;
    replaceChildren(stage);
    list.querySelectorAll('.lesson-link').forEach((button) => button.setAttribute('aria-current', 'false'));
  }

  // Puts a chart moved beside a lesson back in its place among the charts.
  function returnChart() {
    if (borrowedChart) {
      const order = Object.values(CHART_IDS);
      const next = order.slice(order.indexOf(borrowedChart.id) + 1).map((id) => document.getElementById(id)).find((node) => node && node.parentElement === chartsHome);
      chartsHome.insertBefore(borrowedChart, next || chartsHome.firstChild?.nextSibling || null);
      borrowedChart = null;
    }
  }

  return { open, close, openLesson: () => openId };
}

function sigmoidExplorer() {
  const output = el('output', { id: 'sigmoid-output', for: 'sigmoid-z' });
  const input = el('input', { id: 'sigmoid-z', type: 'text', inputmode: 'decimal', value: '3' });
  const show = () => {
    const z = Number(input.value);
    output.textContent = input.value.trim() !== '' && Number.isFinite(z)
      ? `σ′(${formatNumber(z)}) = ${formatScientific(sigmoidDerivative(z), 3)}`
      : 'Type a number, such as 3, 10 or 100.';
  };
  input.addEventListener('input', show);
  show();
  const preset = (z) => el('button', { type: 'button', onClick: () => { input.value = String(z); show(); } }, `z = ${z}`);
  return el('div', { className: 'widget' },
    el('label', { for: 'sigmoid-z' }, 'z = '), input, ' ', preset(3), preset(10), preset(100), el('p', {}, output));
}

// Starts from a hidden-to-hidden layer of this network, where n_in = n_out = the hidden width.
function xavierCalculator(width) {
  const fanIn = el('input', { id: 'xavier-in', type: 'text', inputmode: 'numeric', value: String(width), size: 5 });
  const fanOut = el('input', { id: 'xavier-out', type: 'text', inputmode: 'numeric', value: String(width), size: 5 });
  const output = el('output', { for: 'xavier-in xavier-out' });
  const show = () => {
    const nIn = Number(fanIn.value);
    const nOut = Number(fanOut.value);
    if (!(Number.isInteger(nIn) && nIn > 0 && Number.isInteger(nOut) && nOut > 0)) {
      output.textContent = 'n_in and n_out are layer widths: whole numbers above 0.';
      return;
    }
    const variance = xavierVariance(nIn, nOut);
    output.textContent = `Var(W) = 2 / (${nIn} + ${nOut}) = ${formatNumber(variance, 4)}, so σ = ${formatNumber(Math.sqrt(variance), 4)}`;
  };
  fanIn.addEventListener('input', show);
  fanOut.addEventListener('input', show);
  show();
  return el('div', { className: 'widget' },
    el('label', { for: 'xavier-in' }, 'n_in '), fanIn, el('label', { for: 'xavier-out' }, ' n_out '), fanOut, el('p', {}, output));
}
