import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ImportReport, ImportRowError } from '@stint/contracts';
import { IsIn, IsOptional } from 'class-validator';

export class ImportRowErrorDto implements ImportRowError {
  @ApiProperty({ description: '1-based line of the file; the header is line 1', example: 3 }) line!: number;
  @ApiProperty({ description: 'The column (or "row" for the row as a whole)', example: 'managerEmail' }) field!: string;
  @ApiProperty({ example: 'no user with email kim@example.com, neither in the file nor in Stint' }) message!: string;
}

export class ImportReportDto implements ImportReport {
  @ApiProperty({ description: 'true: nothing was written' }) dryRun!: boolean;
  @ApiProperty() created!: number;
  @ApiProperty() updated!: number;
  @ApiProperty() unchanged!: number;
  @ApiProperty({ type: [ImportRowErrorDto] }) errors!: ImportRowErrorDto[];
}

export class ImportQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: check and count, write nothing' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'dryRun must be true or false' })
  dryRun?: 'true' | 'false';
}
