import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError, DomainErrorKind } from './domain-error';

/** The one error shape of the API. */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string;
  code?: string;
  details?: unknown;
  /** Deploy-time model problems, also at top level as the engine API documents them. */
  errors?: unknown[];
}

const STATUS: Record<DomainErrorKind, number> = {
  'bad-request': HttpStatus.BAD_REQUEST,
  unauthorized: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  'not-found': HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  'payload-too-large': HttpStatus.PAYLOAD_TOO_LARGE,
  'unsupported-media-type': HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  unprocessable: HttpStatus.UNPROCESSABLE_ENTITY,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
  timeout: HttpStatus.GATEWAY_TIMEOUT,
};

const REASON: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

const GRPC_DEADLINE_EXCEEDED = 4;
const GRPC_UNAVAILABLE = 14;

/** The gRPC status of a Temporal client error (its own `code`, or its cause's). */
function grpcCodeOf(exception: unknown): number | undefined {
  for (let e = exception as { code?: unknown; cause?: unknown } | undefined, i = 0; e && i < 3; i++) {
    if (typeof e.code === 'number') return e.code;
    e = e.cause as typeof e;
  }
  return undefined;
}

@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500)
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ApiErrorBody {
    if (exception instanceof DomainError) {
      const statusCode = STATUS[exception.kind];
      const errors = (exception.details as { errors?: unknown[] } | undefined)?.errors;
      return {
        statusCode,
        error: REASON[statusCode],
        message: exception.message,
        code: exception.code,
        details: exception.details,
        ...(errors ? { errors } : {}),
      };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const raw = exception.getResponse();
      const r = (typeof raw === 'object' && raw ? raw : { message: raw }) as {
        message?: unknown;
        details?: unknown;
      };
      // class-validator reports a list of messages: keep them as details, summarise in message.
      const list = Array.isArray(r.message) ? (r.message as string[]) : undefined;
      const message = list ? list.join('; ') : String(r.message ?? exception.message);
      return {
        statusCode,
        error: REASON[statusCode] ?? 'Error',
        message,
        details: r.details ?? (list ? { validation: list } : undefined),
      };
    }
    const status = (exception as { status?: number; type?: string })?.status;
    if (status && status >= 400 && status < 500) {
      // body-parser errors (malformed JSON, too large) carry a status.
      return { statusCode: status, error: REASON[status] ?? 'Error', message: (exception as Error).message };
    }
    const grpc = grpcCodeOf(exception);
    if (grpc === GRPC_UNAVAILABLE)
      return {
        statusCode: 503,
        error: REASON[503],
        message: 'Temporal is not reachable; nothing was changed by this request. Retry later.',
        code: 'TEMPORAL.UNAVAILABLE',
      };
    if (grpc === GRPC_DEADLINE_EXCEEDED)
      return {
        statusCode: 504,
        error: REASON[504],
        message: 'Temporal did not answer in time; the request may or may not have taken effect.',
        code: 'TEMPORAL.TIMEOUT',
      };
    return { statusCode: 500, error: REASON[500], message: 'Internal server error' };
  }
}
