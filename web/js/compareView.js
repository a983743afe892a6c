// The compare panel: the few settings in which run B differs from run A.

import { allFields, COMPARE_PATHS, parseFieldValue } from './builderFields.js';
import { describeError, renderField } from './controls.js';
import { fieldId } from './dom.js';
import { getPath, setPath } from './urlState.js';

export function createCompareView({ toggle, container, onChange, maxima = {} }) {
  const fields = allFields().filter((field) => COMPARE_PATHS.includes(field.path));
  const inputs = new Map();
  for (const field of fields) {
    const row = renderField(field, [], onChange, 'b');
    inputs.set(field.path, row.input);
    container.append(row.element);
  }
  toggle.addEventListener('change', () => { container.hidden = !toggle.checked; onChange(); });

  return {
    enabled: () => toggle.checked,
    /** Run B's configuration, run A's with B's settings over it, and errors shown beside B's controls. */
    configFor(configA) {
      const config = structuredClone(configA);
      const errors = [];
      for (const field of fields) {
        const input = inputs.get(field.path);
        const parsed = parseFieldValue(field, input.type === 'checkbox' ? input.checked : input.value, maxima);
        const slot = container.querySelector(`#${CSS.escape(fieldId(field.path, 'b'))}-error`);
        slot.textContent = parsed.error ? describeError({ value: input.value, allowed: parsed.error }) : '';
        if (parsed.error) {
          errors.push({ field: `B ${field.path}`, value: input.value, allowed: parsed.error });
        } else {
          setPath(config, field.path, parsed.value);
        }
      }
      if (config.network && Array.isArray(config.network.hiddenLayers)) {
        delete config.network.hiddenLayers;
      }
      return { config, errors };
    },
    /** Shows B's configuration; with no B, starts from A's values. */
    write(configA, configB) {
      toggle.checked = Boolean(configB);
      container.hidden = !configB;
      const source = configB || configA;
      for (const [path, input] of inputs) {
        const value = getPath(source, path);
        if (input.type === 'checkbox') {
          input.checked = Boolean(value);
        } else if (value !== undefined) {
          input.value = String(value);
        }
      }
    },
  };
}
