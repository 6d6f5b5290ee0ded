/**
 * Parsing of the form-encoded bodies (and query strings) the `stripe` SDK sends:
 * `amount=1000&metadata[order_id]=42&capabilities[transfers][requested]=true&expand[0]=x`.
 *
 * Keys are split by hand (no regular expression over client text); the number of fields and
 * the nesting depth are capped so a request's work is bounded.
 */

/** A parsed value: a string leaf, a nested object, or an array (keys `a[0]`, `a[1]`, …). */
export type FormValue = string | FormObject | FormValue[];
export interface FormObject {
  [key: string]: FormValue;
}

/** Thrown when a body cannot be parsed; the server answers 400 invalid_request_error. */
export class FormError extends Error {
  constructor(
    message: string,
    readonly param?: string,
  ) {
    super(message);
  }
}

export const MAX_FORM_FIELDS = 500;
export const MAX_FORM_DEPTH = 6;

/** Splits `a[b][c]` into `['a', 'b', 'c']`. */
function splitKey(key: string): string[] {
  const open = key.indexOf('[');
  if (open === -1) return [key];
  const parts = [key.slice(0, open)];
  let at = open;
  while (at < key.length) {
    if (key[at] !== '[') throw new FormError(`Invalid parameter name: ${key}`, key);
    const close = key.indexOf(']', at);
    if (close === -1) throw new FormError(`Invalid parameter name: ${key}`, key);
    parts.push(key.slice(at + 1, close));
    at = close + 1;
  }
  if (parts.length > MAX_FORM_DEPTH) throw new FormError(`Parameter nested too deeply: ${key}`, key);
  return parts;
}

/** Objects whose keys are exactly 0..n-1 become arrays (the SDK's indexed array format). */
function arrays(value: FormValue, path: string[]): FormValue {
  if (typeof value === 'string' || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  for (const key of keys) value[key] = arrays(value[key], [...path, key]);
  const isMetadata = path[path.length - 1] === 'metadata';
  if (!isMetadata && keys.length > 0 && keys.every((key, index) => key === String(index))) {
    return keys.map((key) => value[key]);
  }
  return value;
}

/** Parses a form-encoded body or query string into nested objects. */
export function parseStripeForm(body: string): FormObject {
  const root: FormObject = Object.create(null) as FormObject;
  if (body.length === 0) return root;
  const params = new URLSearchParams(body);
  let count = 0;
  for (const [key, value] of params) {
    count += 1;
    if (count > MAX_FORM_FIELDS) throw new FormError(`Too many parameters (more than ${MAX_FORM_FIELDS}).`);
    const parts = splitKey(key);
    let node: FormObject = root;
    for (let i = 0; i < parts.length - 1; i++) {
      const part = parts[i];
      const next = node[part];
      if (next === undefined) {
        const child: FormObject = Object.create(null) as FormObject;
        node[part] = child;
        node = child;
      } else if (typeof next === 'object' && !Array.isArray(next)) {
        node = next;
      } else {
        throw new FormError(`Invalid parameter: ${key}`, parts[0]);
      }
    }
    const last = parts[parts.length - 1];
    if (typeof node[last] === 'object') throw new FormError(`Invalid parameter: ${key}`, parts[0]);
    node[last] = value;
  }
  const result = arrays(root, []) as FormObject;
  // Plain prototypes for the caller (Object.create(null) only guards against "__proto__" keys while building).
  return JSON.parse(JSON.stringify(result)) as FormObject;
}
