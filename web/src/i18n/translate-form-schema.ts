/**
 * The texts of a form-js schema through a lookup: labels (date and time labels too), descriptions, text blocks,
 * placeholders and option labels, nested components included. Pure (no i18next, no DOM),
 * so the catalogue tests use the same walk as the task page.
 */
const TEXT_PROPERTIES = ['label', 'dateLabel', 'timeLabel', 'description', 'text', 'placeholder'] as const;

type Component = Record<string, unknown> & { components?: Component[]; values?: unknown };

/** Every translatable text of the schema, in order, each once. */
export function formSchemaTexts(schema: { components?: unknown[] }): string[] {
  const texts = new Set<string>();
  mapFormSchemaTexts(schema, (text) => (texts.add(text), text));
  return [...texts];
}

/** A copy of the schema with each text replaced by `lookup(text)` (the schema itself is left as it is). */
export function mapFormSchemaTexts<T extends { components?: unknown[] }>(
  schema: T,
  lookup: (text: string) => string,
): T {
  const copy = structuredClone(schema);
  (copy.components as Component[] | undefined)?.forEach((c) => mapComponent(c, lookup));
  return copy;
}

function mapComponent(c: Component, lookup: (text: string) => string): void {
  for (const p of TEXT_PROPERTIES) if (typeof c[p] === 'string' && c[p]) c[p] = lookup(c[p] as string);
  if (Array.isArray(c.values))
    for (const v of c.values as { label?: unknown }[])
      if (typeof v.label === 'string' && v.label) v.label = lookup(v.label);
  c.components?.forEach((child) => mapComponent(child, lookup));
}
