// Element construction without innerHTML: text always goes in through textContent, so server text
// can never become markup.

/** Creates an element with attributes (on* keys become listeners) and children (strings become text). */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (key.startsWith('on') && typeof value === 'function') {
      element.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (key === 'className') {
      element.className = value;
    } else if (value === true) {
      element.setAttribute(key, '');
    } else {
      element.setAttribute(key, String(value));
    }
  }
  element.append(...children.flat().filter((child) => child !== null && child !== undefined));
  return element;
}

/** Replaces all children of `parent`. */
export function replaceChildren(parent, ...children) {
  parent.replaceChildren(...children.flat().filter((child) => child !== null && child !== undefined));
}

export function byId(id) {
  return document.getElementById(id);
}

/** Turns a configuration path into an element id, as in "training.learningRate" to "f-training-learningRate". */
export function fieldId(path, prefix = 'f') {
  return `${prefix}-${path.replaceAll('.', '-')}`;
}
