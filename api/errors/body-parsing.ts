import type { NestExpressApplication } from '@nestjs/platform-express';
import { json, NextFunction, Request, Response, text } from 'express';
import { TEMPORAL_PAYLOAD_LIMIT_BYTES } from '../../workflows/limits';
import { exceedsJsonDepth, JSON_DEPTH_LIMIT } from '../input/json-depth';

/** A JSON body above Temporal's payload limit could never reach an instance. */
const JSON_LIMIT_BYTES = TEMPORAL_PAYLOAD_LIMIT_BYTES;
/** BPMN XML is stored and compiled, never sent as it is. */
const XML_LIMIT_BYTES = 4 * 1024 * 1024;

class BodyRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Request bodies: JSON, and BPMN XML as text. A body that cannot be read (malformed JSON,
 * too large, nested too deep) is answered here in the API's one error shape. Left to Express
 * it would fall through to the web UI's catch-all route and come back as a misleading 404.
 */
export function installBodyParsing(app: NestExpressApplication): void {
  app.use(
    json({
      limit: JSON_LIMIT_BYTES,
      verify: (_req, _res, raw) => {
        if (exceedsJsonDepth(raw))
          throw new BodyRefusal(
            400,
            'REQUEST.TOO_DEEP',
            `JSON nests deeper than the limit of ${JSON_DEPTH_LIMIT} levels`,
          );
      },
    }),
  );
  app.use(text({ type: ['application/xml', 'text/xml', 'application/bpmn+xml'], limit: XML_LIMIT_BYTES }));
  app.use(
    (
      error: { status?: number; type?: string; message?: string; code?: unknown },
      req: Request,
      res: Response,
      next: NextFunction,
    ) => {
      const status = error?.status;
      if (!status || status < 400 || status >= 500) return next(error);
      if (error instanceof BodyRefusal)
        return void res.status(status).json({
          statusCode: status,
          error: 'Bad Request',
          message: error.message,
          code: error.code,
          details: { limit: JSON_DEPTH_LIMIT },
        });
      const xml = req.is(['application/xml', 'text/xml', 'application/bpmn+xml']);
      const limitBytes = xml ? XML_LIMIT_BYTES : JSON_LIMIT_BYTES;
      if (status === 413)
        return void res.status(413).json({
          statusCode: 413,
          error: 'Payload Too Large',
          message: `Request body is above the limit of ${limitBytes} bytes${xml ? '' : " (Temporal's payload limit)"}`,
          code: 'REQUEST.TOO_LARGE',
          details: { limitBytes },
        });
      res.status(status).json({
        statusCode: status,
        error: status === 415 ? 'Unsupported Media Type' : 'Bad Request',
        message: `Request body could not be read: ${error.message ?? error.type}`,
        code: 'REQUEST.BODY_UNREADABLE',
      });
    },
  );
}
