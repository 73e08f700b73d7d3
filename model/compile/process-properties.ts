/** Process-level settings kept in zeebe:properties. */
import { extension, type BpmnElement } from '../moddle';
import { ZEEBE, type Properties } from '../zeebe';

/** `starterGroups`: comma-separated groups allowed to start instances (besides the built-in roles). */
export function starterGroupsOf(process: BpmnElement): string[] | undefined {
  const properties = extension<Properties>(process, ZEEBE.properties)?.properties ?? [];
  const value = properties.find((property) => property.name === 'starterGroups')?.value;
  if (value === undefined) return undefined;
  return value
    .split(',')
    .map((group) => group.trim())
    .filter(Boolean);
}
