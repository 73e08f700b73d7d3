import type { FormComponent, FormSchema } from '../../persistence/entities/form.entity';
import type { Mapping } from '../../model/process-graph';
import { badRequest } from '../errors/domain-error';

/**
 * The variables a task completion may set: the fields of its form and the variables its
 * output mappings read. A task with neither declares nothing to restrict by, so it takes any.
 * Everything else is refused: a form decides who signs or reviews only if its fields are all
 * that a completion can change.
 */
export function allowedTaskVariables(
  form: FormSchema | undefined,
  outputs: Mapping[] | undefined,
): Set<string> | undefined {
  const names = new Set<string>();
  for (const name of formRoots(form?.components)) names.add(name);
  for (const mapping of outputs ?? []) for (const name of expressionRoots(mapping.source)) names.add(name);
  return form || outputs?.length ? names : undefined;
}

/** 400 `TASK.VARIABLE_NOT_ALLOWED` naming the variables the task does not define. */
export function assertOnlyAllowed(
  taskId: string,
  variables: Record<string, unknown>,
  allowed: Set<string> | undefined,
): void {
  if (!allowed) return;
  const notAllowed = Object.keys(variables).filter((name) => !allowed.has(name));
  if (notAllowed.length)
    throw badRequest(
      'TASK.VARIABLE_NOT_ALLOWED',
      `Task ${taskId} does not define ${notAllowed.join(', ')}: a completion may set only its form's fields and declared outputs`,
      { notAllowed, allowed: [...allowed].sort() },
    );
}

/** Top-level variable names a form writes: field keys, and the path of a group or dynamic list (its fields nest below). */
function formRoots(components: FormComponent[] = []): string[] {
  return components.flatMap((c) => {
    if (typeof c.path === 'string' && c.path) return [rootName(c.path)];
    return [...(c.key && c.type !== 'button' ? [rootName(c.key)] : []), ...formRoots(c.components)];
  });
}

function rootName(key: string): string {
  return key.split('.')[0];
}

/** `=a.b + c` reads a and c; a static source reads nothing. Names only: keywords and literals are harmless extras. */
function expressionRoots(source: string): string[] {
  if (!source.startsWith('=')) return [];
  const withoutStrings = source.slice(1).replace(/"(?:[^"\\]|\\.)*"/g, ' ');
  return [...withoutStrings.matchAll(/(?<![\w.])([A-Za-z_][\w]*)/g)].map((m) => m[1]);
}
