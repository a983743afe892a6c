// Checks a parsed JSON value against a shape from schema.js and returns a copy with numbers
// normalised: Jackson writes NaN and infinities as the strings "NaN", "Infinity" and "-Infinity",
// and this turns them back into numbers. Fields the shape does not list are kept as they are.

/** Raised for a message that does not match its shape; `path` names the offending field. */
export class ProtocolError extends Error {
  constructor(path, message) {
    super(`${path}: ${message}`);
    this.name = 'ProtocolError';
    this.path = path;
  }
}

const SPECIAL_NUMBERS = Object.freeze({ NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity });

/** Validates `value` against `shape` and returns the normalised copy; throws ProtocolError. */
export function validateShape(value, shape, path) {
  if (typeof shape === 'string') {
    return validateLeaf(value, shape, path);
  }
  if (Array.isArray(shape)) {
    if (!Array.isArray(value)) {
      throw new ProtocolError(path, `expected a list, got ${describe(value)}`);
    }
    return value.map((item, i) => validateShape(item, shape[0], `${path}[${i}]`));
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ProtocolError(path, `expected an object, got ${describe(value)}`);
  }
  const result = { ...value };
  for (const [rawKey, fieldShape] of Object.entries(shape)) {
    const optional = rawKey.endsWith('?');
    const key = optional ? rawKey.slice(0, -1) : rawKey;
    const fieldPath = `${path}.${key}`;
    if (value[key] === undefined || value[key] === null) {
      if (!optional) {
        throw new ProtocolError(fieldPath, 'missing');
      }
      result[key] = null;
      continue;
    }
    result[key] = validateShape(value[key], fieldShape, fieldPath);
  }
  return result;
}

function validateLeaf(value, type, path) {
  switch (type) {
    case 'number':
      return toNumber(value, path);
    case 'numbers':
      return listOf(value, path, (item, itemPath) => toNumber(item, itemPath));
    case 'booleans':
      return listOf(value, path, (item, itemPath) => {
        if (typeof item !== 'boolean') {
          throw new ProtocolError(itemPath, `expected true or false, got ${describe(item)}`);
        }
        return item;
      });
    case 'string':
      if (typeof value !== 'string') {
        throw new ProtocolError(path, `expected a string, got ${describe(value)}`);
      }
      return value;
    default:
      throw new ProtocolError(path, `unknown shape type ${type}`);
  }
}

/** Converts a JSON number, or one of Jackson's strings for NaN and infinities, to a number. */
export function toNumber(value, path) {
  if (typeof value === 'number') {
    return value;
  }
  if (typeof value === 'string' && Object.hasOwn(SPECIAL_NUMBERS, value)) {
    return SPECIAL_NUMBERS[value];
  }
  throw new ProtocolError(path, `expected a number, got ${describe(value)}`);
}

function listOf(value, path, convert) {
  if (!Array.isArray(value)) {
    throw new ProtocolError(path, `expected a list, got ${describe(value)}`);
  }
  return value.map((item, i) => convert(item, `${path}[${i}]`));
}

function describe(value) {
  if (value === null) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return 'a list';
  }
  return typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : typeof value;
}
