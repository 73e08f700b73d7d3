/** docs/coverage.md says what the deploy accepts: checked against the rules, cell by cell. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FEEL_FUNCTIONS } from '../../../model/feel-functions';
import { UNSUPPORTED_ELEMENTS } from '../../../model/lint/rules/supported-element';
import { EVENT_SUPPORT, type EventPosition } from '../../../model/lint/rules/supported-event';

const doc = readFileSync(join(__dirname, '../../../docs/coverage.md'), 'utf8');
const section = (title: string) => doc.split(/^## /m).find((s) => s.startsWith(title))!;
const rows = (text: string) =>
  text
    .split('\n')
    .filter((l) => l.startsWith('|') && !l.startsWith('|---'))
    .map((l) =>
      l
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim()),
    );

describe('docs/coverage.md', () => {
  it('marks exactly the element types supported-element rejects as unsupported', () => {
    const unsupported = new Set(UNSUPPORTED_ELEMENTS.map(([type]) => type));
    const typed = rows(section('Elements')).filter(([, type]) => type.startsWith('`bpmn:'));
    expect(typed.length).toBeGreaterThan(15);
    for (const [name, type, mark] of typed)
      expect([name, mark]).toEqual([name, unsupported.has(type.replace(/`/g, '')) ? '✗' : '✓']);
    const documented = new Set(typed.map(([, type]) => type.replace(/`/g, '')));
    expect([...unsupported].filter((type) => !documented.has(type))).toEqual([]);
  });

  it('gives every event definition and position the support supported-event gives it', () => {
    const [header, ...body] = rows(section('Events'));
    const positions = header.slice(1) as EventPosition[];
    expect([...positions].sort()).toEqual(Object.keys(EVENT_SUPPORT).sort());
    for (const [kind, ...marks] of body)
      positions.forEach((position, i) =>
        expect([kind, position, marks[i]]).toEqual([
          kind,
          position,
          (EVENT_SUPPORT[position] as readonly string[]).includes(kind) ? '✓' : '✗',
        ]),
      );
  });

  it('lists every FEEL function the engine knows, each with its origin', () => {
    const listed = rows(section('FEEL')).flatMap(([, names, origin]) =>
      [...(names ?? '').matchAll(/`([^`]+)`/g)].map((m) => `${m[1]}:${origin}`),
    );
    const known = FEEL_FUNCTIONS.map(
      (f) => `${f.name}:${f.origin === 'camunda' ? 'Camunda extension' : 'DMN standard'}`,
    );
    expect(listed.sort()).toEqual(known.sort());
  });
});
