import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsString, Matches, MaxLength } from 'class-validator';

export class DevTokenRequest {
  @ApiProperty({ example: 'li.lei' })
  @IsString()
  @MaxLength(128)
  @Matches(/^\S+$/, { message: 'user must not contain spaces' })
  readonly user!: string;

  @ApiProperty({ example: ['sales', 'process-owner'], type: [String] })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  readonly groups!: string[];
}
