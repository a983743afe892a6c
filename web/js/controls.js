// The builder form: renders the controls from builderFields.js, reads them into a configuration,
// writes a configuration into them, and shows each field error in place beside its control.

import { allFields, BUILDER_GROUPS, parseFieldValue } from './builderFields.js';
import { describeDataset } from './datasetInfo.js';
import { el, fieldId, replaceChildren } from './dom.js';
import { createLayerEditor } from './layerEditor.js';
import { getPath, setPath, withDefaults } from './urlState.js';

/**
 * Renders the builder into `form`; `datasets` are the entries of /api/meta. `paths` limits it to some
 * fields (the embedded page shows a few), and then the per-layer editor is left out. Returns its API.
 */
export function createBuilder(form, { datasets, onChange, paths = null, maxima = {} }) {
  const inputs = new Map();
  const datasetNames = datasets.map((dataset) => dataset.name);
  const layerEditor = createLayerEditor({ onChange });
  const included = (field) => paths === null || paths.includes(field.path);
  const groups = BUILDER_GROUPS.filter((group) => group.fields.some(included)).map((group) => el('fieldset', { className: 'builder-group' },
    el('legend', {}, group.title),
    group.fields.filter(included).map((field) => {
      const row = renderField(field, datasetNames, onChange);
      inputs.set(field.path, row.input);
      return row.element;
    }),
    group.title === 'Network' && paths === null ? layerEditor.element : null));
  replaceChildren(form, groups);
  let base = {};
  const datasetInput = inputs.get('data.dataset');
  const datasetInfo = el('p', { className: 'field-help', id: 'f-data-dataset-info', 'aria-live': 'polite' });
  const numberIn = (path) => (inputs.has(path) ? Number(String(inputs.get(path).value).trim() || NaN) : undefined);
  const showDatasetInfo = () => {
    const settings = { samples: numberIn('data.samples'), testFraction: numberIn('data.testFraction') };
    datasetInfo.textContent = describeDataset(datasets, datasetInput.value, settings);
  };
  if (datasetInput) {
    datasetInput.closest('.field').append(datasetInfo);
    for (const path of ['data.dataset', 'data.samples', 'data.testFraction']) {
      inputs.get(path)?.addEventListener('input', showDatasetInfo);
      inputs.get(path)?.addEventListener('change', showDatasetInfo);
    }
    showDatasetInfo();
  }

  /** Reads every control over the last written configuration. Returns {config, errors}. */
  function read() {
    const config = structuredClone(base);
    const errors = [];
    for (const field of allFields()) {
      const input = inputs.get(field.path);
      if (!input || (field.uniform && layerEditor.enabled())) {
        continue;
      }
      const parsed = parseFieldValue(field, field.kind === 'bool' ? input.checked : input.value, maxima);
      if (parsed.error) {
        errors.push({ field: field.path, value: input.value, allowed: parsed.error, error: 'invalid value' });
      } else {
        setPath(config, field.path, parsed.value);
      }
    }
    const network = config.network || (config.network = {});
    if (paths !== null) {
      return { config, errors };
    }
    if (layerEditor.enabled()) {
      const layers = layerEditor.read(errors);
      network.hiddenLayers = layers;
      delete network.depth;
      delete network.width;
      delete network.activation;
    } else {
      delete network.hiddenLayers;
    }
    return { config, errors };
  }

  /**
   * Fills the controls from a configuration, missing settings at their defaults, and keeps it as the
   * base for fields the form lacks.
   */
  function write(partialConfig) {
    const config = withDefaults(partialConfig);
    base = structuredClone(config);
    for (const field of allFields()) {
      const value = getPath(config, field.path);
      const input = inputs.get(field.path);
      if (value === undefined || !input) {
        continue;
      }
      if (field.kind === 'bool') {
        input.checked = Boolean(value);
      } else {
        ensureOption(input, value);
        input.value = String(value);
      }
    }
    if (datasetInput) {
      showDatasetInfo();
    }
    layerEditor.write(getPath(config, 'network.hiddenLayers'), {
      depth: getPath(config, 'network.depth'),
      width: getPath(config, 'network.width'),
      activation: getPath(config, 'network.activation'),
    });
    showErrors([]);
  }

  /** Shows errors ({field, value, allowed, error}) beside their controls; returns those with no control. */
  function showErrors(errors) {
    form.querySelectorAll('.field-error').forEach((node) => { node.textContent = ''; });
    form.querySelectorAll('[aria-invalid]').forEach((node) => node.removeAttribute('aria-invalid'));
    const unplaced = [];
    for (const error of errors) {
      const message = form.querySelector(`#${CSS.escape(fieldId(error.field))}-error`) || layerEditor.errorSlot(error.field);
      if (!message) {
        unplaced.push(error);
        continue;
      }
      message.textContent = describeError(error);
      const input = inputs.get(error.field);
      if (input) {
        input.setAttribute('aria-invalid', 'true');
      }
    }
    return unplaced;
  }

  /** Makes every control read-only (a viewer's builder) or editable again; each control is disabled itself, so it also looks disabled. */
  function setDisabled(disabled) {
    form.querySelectorAll('fieldset').forEach((fieldset) => { fieldset.disabled = disabled; });
    form.querySelectorAll('input, select, textarea, button').forEach((control) => { control.disabled = disabled; });
  }

  /** Hides or locks (shows disabled) the controls of the given paths. */
  function restrict(hiddenPaths, lockedPaths) {
    for (const [path, input] of inputs) {
      input.closest('.field').hidden = hiddenPaths.includes(path);
      input.disabled = lockedPaths.includes(path);
    }
  }

  return { read, write, showErrors, setDisabled, restrict };
}

/** Describes a field error in one sentence: the value and what is allowed. */
export function describeError(error) {
  const value = error.value === undefined || error.value === null ? '' : ` "${error.value}"`;
  const allowed = error.allowed ? ` Allowed: ${error.allowed}.` : '';
  return `Invalid value${value}.${allowed}`;
}

export function renderField(field, datasets, onChange, prefix = 'f') {
  const id = fieldId(field.path, prefix);
  const options = field.options === 'datasets' ? datasets : field.options;
  const described = `${id}-error${field.help ? ` ${id}-help` : ''}`;
  let input;
  if (field.kind === 'select') {
    input = el('select', { id, name: field.path, 'aria-describedby': described, onChange },
      options.map((option) => el('option', { value: option }, option)));
  } else if (field.kind === 'bool') {
    input = el('input', { id, name: field.path, type: 'checkbox', 'aria-describedby': described, onChange });
  } else {
    input = el('input', {
      id, name: field.path, type: 'text', inputmode: field.kind === 'int' ? 'numeric' : 'decimal',
      autocomplete: 'off', spellcheck: 'false', 'aria-describedby': described, onChange,
    });
  }
  const element = el('div', { className: `field field-${field.kind}`, 'data-field': field.path },
    el('label', { for: id }, field.label),
    input,
    field.help ? el('p', { className: 'field-help', id: `${id}-help` }, field.help) : null,
    el('p', { className: 'field-error', id: `${id}-error`, 'aria-live': 'polite' }));
  return { element, input };
}

// A preset may name a choice the page's list lacks; add it rather than show a different one.
function ensureOption(input, value) {
  if (input.tagName === 'SELECT' && ![...input.options].some((option) => option.value === String(value))) {
    input.append(el('option', { value: String(value) }, String(value)));
  }
}
