import { jsonSizeBytes, TEMPORAL_PAYLOAD_LIMIT_BYTES } from '../../workflows/limits';
import { DomainError } from '../errors/domain-error';

/** 413 `PAYLOAD.TOO_LARGE`, naming the limit: raised before anything is sent to Temporal. */
export class PayloadTooLargeError extends DomainError {
  constructor(what: string, sizeBytes: number, limitBytes: number) {
    super(
      'payload-too-large',
      'PAYLOAD.TOO_LARGE',
      `${what} is ${sizeBytes} bytes as JSON, above the limit of ${limitBytes} bytes (Temporal refuses payloads above ${TEMPORAL_PAYLOAD_LIMIT_BYTES} bytes)`,
      { limitBytes, sizeBytes },
    );
  }
}

/** Throws 413 when `value` as JSON is larger than `limitBytes`. */
export function assertWithinLimit(what: string, value: unknown, limitBytes: number): void {
  const sizeBytes = jsonSizeBytes(value);
  if (sizeBytes > limitBytes) throw new PayloadTooLargeError(what, sizeBytes, limitBytes);
}
