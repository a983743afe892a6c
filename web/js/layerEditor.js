// "Set each layer": one row per hidden layer with its own width and activation. When off, the
// builder's depth, width and activation apply to every hidden layer.

import { ACTIVATIONS } from './builderFields.js';
import { el, replaceChildren } from './dom.js';

export function createLayerEditor({ onChange }) {
  const toggle = el('input', { id: 'f-per-layer', type: 'checkbox', onChange: () => { refresh(); onChange(); } });
  const rows = el('div', { className: 'layer-rows' });
  const add = el('button', { type: 'button', onClick: () => { addRow(lastRowValues()); onChange(); } }, 'Add layer');
  const remove = el('button', { type: 'button', onClick: () => { rows.lastElementChild?.remove(); onChange(); } }, 'Remove last');
  const body = el('div', { className: 'layer-editor-body', hidden: true }, rows, el('div', { className: 'row-buttons' }, add, remove));
  const element = el('div', { className: 'layer-editor' },
    el('div', { className: 'field field-bool' }, el('label', { for: 'f-per-layer' }, 'Set each layer'), toggle),
    body,
    el('p', { className: 'field-error', id: 'f-network-hiddenLayers-error', 'aria-live': 'polite' }));

  function refresh() {
    body.hidden = !toggle.checked;
    document.querySelectorAll('[data-field="network.depth"], [data-field="network.width"], [data-field="network.activation"]')
      .forEach((node) => { node.hidden = toggle.checked; });
    if (toggle.checked && rows.children.length === 0) {
      const depth = Number(document.getElementById('f-network-depth')?.value) || 1;
      const width = Number(document.getElementById('f-network-width')?.value) || 32;
      const activation = document.getElementById('f-network-activation')?.value || 'relu';
      for (let i = 0; i < depth; i++) {
        addRow({ width, activation });
      }
    }
  }

  // Each row keeps the layer's other settings (batchNorm, dropout) so that reading it back loses nothing.
  function addRow({ width, activation, ...rest }) {
    const index = rows.children.length;
    const widthInput = el('input', { type: 'text', inputmode: 'numeric', 'aria-label': `Width of layer ${index}`, value: width, onChange });
    const activationSelect = el('select', { 'aria-label': `Activation of layer ${index}`, onChange },
      ACTIVATIONS.map((name) => el('option', { value: name, selected: name === activation }, name)));
    const row = el('div', { className: 'layer-row' }, el('span', { className: 'layer-label' }, `layer ${index}`), widthInput, activationSelect);
    row.dataset.rest = JSON.stringify(rest);
    rows.append(row);
  }

  function lastRowValues() {
    const last = rows.lastElementChild;
    return last ? { width: last.querySelector('input').value, activation: last.querySelector('select').value } : { width: 32, activation: 'relu' };
  }

  return {
    element,
    enabled: () => toggle.checked,
    /** Reads the rows; appends an error for each invalid width. */
    read(errors) {
      return [...rows.children].map((row, i) => {
        const text = row.querySelector('input').value.trim();
        if (!/^\d+$/.test(text)) {
          errors.push({ field: 'network.hiddenLayers', value: text, allowed: `a whole number for the width of layer ${i}` });
        }
        return { ...JSON.parse(row.dataset.rest || '{}'), width: Number(text), activation: row.querySelector('select').value };
      });
    },
    write(layers) {
      replaceChildren(rows);
      toggle.checked = Array.isArray(layers);
      (layers || []).forEach((layer) => addRow(layer));
      refresh();
    },
    errorSlot: (field) => (field.startsWith('network.hiddenLayers') ? element.querySelector('.field-error') : null),
  };
}
