import { INestApplication, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { ApiRuntime, AppModule } from './app.module';
import { ApiExceptionFilter } from './errors/api-exception.filter';
import { installBodyParsing } from './errors/body-parsing';
import { FrameworkQuietLogger } from './framework-quiet-logger';

/** Builds the configured NestJS application (not yet listening). */
export async function createApp(runtime: ApiRuntime): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.create(runtime), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(new FrameworkQuietLogger(app.get(Logger)));
  app.setGlobalPrefix('api');
  installBodyParsing(app);
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  app.useGlobalFilters(new ApiExceptionFilter());
  const openApi = new DocumentBuilder()
    .setTitle('BPMN on Temporal')
    .setDescription('Deploy and run BPMN processes durably on Temporal; the contract review process pack.')
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi), {
    jsonDocumentUrl: 'api/docs/openapi.json',
  });
  return app;
}
