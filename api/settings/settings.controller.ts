import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AppConfig } from '../../config/app-config';
import { Public } from '../auth/public.decorator';
import { APP_CONFIG } from '../config/app-config.module';
import type { SettingsResponse } from './settings.response';

@ApiTags('settings')
@Controller('settings')
export class SettingsController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get()
  @Public()
  @ApiOperation({ summary: "The plant's settings the UI shows data with (time zone)" })
  get(): SettingsResponse {
    return { plantTimeZone: this.config.plantTimeZone };
  }
}
