/**
 * Static syntax checks for timer values, as Zeebe accepts them. Deploy-time only: the
 * interpreter does the arithmetic (in workflow time and the configured time zone).
 */

const DURATION = /^P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(?:\.\d+)?S)?)?$/;
// Zeebe parses dates as ZonedDateTime: an offset is required, a [Region/City] suffix allowed.
const DATE_TIME =
  /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))(\[[A-Za-z0-9_/+-]+\])?$/;
const CRON_FIELD = /^[0-9A-Za-z*?,/#-]+$/;
const CRON_MACROS = ['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly'];

export function isDuration(value: string): boolean {
  return DURATION.test(value);
}

export function isDateTime(value: string): boolean {
  const match = DATE_TIME.exec(value);
  return !!match && !Number.isNaN(Date.parse(match[1]));
}

/** `R[n]/[start/]duration` (ISO 8601 repeating interval) or a cron expression (5 or 6 fields, or a macro). */
export function isCycle(value: string): boolean {
  if (value.startsWith('R')) {
    const parts = value.split('/');
    if (!/^R\d*$/.test(parts[0])) return false;
    if (parts.length === 2) return isDuration(parts[1]);
    return parts.length === 3 && isDateTime(parts[1]) && isDuration(parts[2]);
  }
  return isCron(value);
}

function isCron(value: string): boolean {
  if (CRON_MACROS.includes(value)) return true;
  const fields = value.split(/\s+/);
  return (fields.length === 5 || fields.length === 6) && fields.every((field) => CRON_FIELD.test(field));
}
