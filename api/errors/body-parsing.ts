import type { NestExpressApplication } from '@nestjs/platform-express';
import { json, NextFunction, Request, Response, text } from 'express';

const LIMIT = '4mb';

/**
 * Request bodies: JSON, and BPMN XML as text. A body that cannot be read (malformed JSON,
 * too large) is answered here in the API's one error shape. Left to Express it would fall
 * through to the web UI's catch-all route and come back as a misleading 404.
 */
export function installBodyParsing(app: NestExpressApplication): void {
  app.use(json({ limit: LIMIT }));
  app.use(text({ type: ['application/xml', 'text/xml', 'application/bpmn+xml'], limit: LIMIT }));
  app.use(
    (
      error: { status?: number; type?: string; message?: string },
      _req: Request,
      res: Response,
      next: NextFunction,
    ) => {
      const status = error?.status;
      if (!status || status < 400 || status >= 500) return next(error);
      const reason =
        status === 413 ? 'Payload Too Large' : status === 415 ? 'Unsupported Media Type' : 'Bad Request';
      res.status(status).json({
        statusCode: status,
        error: reason,
        message: `Request body could not be read: ${error.message ?? error.type}`,
        code: 'REQUEST.BODY_UNREADABLE',
      });
    },
  );
}
