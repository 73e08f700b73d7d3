/** How a variable value is kept: JSON up to a limit (then cut and flagged), and the text equality search compares. */
export const VALUE_LIMIT = 8192;
const KEY_LIMIT = 255;

export interface StoredValue {
  json: string;
  truncated: boolean;
  /** A string as is, anything else as JSON: `variables=amount=150` and `variables=customer=ACME` both match. */
  key: string;
}

export function storedValue(value: unknown): StoredValue {
  const json = JSON.stringify(value === undefined ? null : value) ?? 'null';
  const key = typeof value === 'string' ? value : json;
  const truncated = json.length > VALUE_LIMIT;
  return {
    json: truncated ? json.slice(0, VALUE_LIMIT) : json,
    truncated,
    key: key.slice(0, KEY_LIMIT),
  };
}

/** The search form of a `variables=name=value` filter value (compared with `StoredValue.key`). */
export function searchKey(text: string): string {
  return text.slice(0, KEY_LIMIT);
}
