import { Controller, HttpCode, Post, Query, Req } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  ApiError,
  ApiErrorDto,
  ApiErrorResponses,
  AuthenticatedUser,
  CSV_BODY_ROUTE,
  csvContentType,
  CurrentUser,
  MAX_CSV_BODY_BYTES,
  Roles,
} from '@stint/api-core';
import type { ImportReport } from '@stint/contracts';
import type { FastifyRequest } from 'fastify';
import { MAX_IMPORT_ROWS } from './csv';
import { ImportQueryDto, ImportReportDto } from './import.dto';
import { TeamsImportService } from './teams-import.service';
import { UsersImportService } from './users-import.service';

const RULES =
  `UTF-8 CSV with a header row, at most ${MAX_IMPORT_ROWS} rows (${MAX_CSV_BODY_BYTES / 1024 / 1024} MB). ` +
  'A column the file leaves out keeps what each existing row has; an empty cell means none (or the default). ' +
  'Every row is checked as the create endpoint checks it; then all rows are written in one transaction, or none: ' +
  'any error is a 422 VALIDATION_FAILED whose details hold the report. dryRun=true checks and counts only.';

const IMPORT_FAILED = {
  status: 422,
  description: 'VALIDATION_FAILED: some rows have errors, nothing was written; details = the report (errors by line)',
  type: ApiErrorDto,
};

/** The CSV the route was sent ("" for an empty one), or a 415: no body, or not text/csv (JSON, text/plain, a form). */
function csvBody(request: FastifyRequest): string {
  if (csvContentType(request.headers['content-type']) !== 'none') {
    if (request.body === undefined) return '';
    if (typeof request.body === 'string') return request.body;
  }
  const message = 'Send the file as the request body with Content-Type: text/csv (UTF-8, a header row first).';
  throw new ApiError(415, 'VALIDATION_FAILED', message, { fields: { 'content-type': message } });
}

@ApiTags('import')
@ApiBearerAuth()
@Controller('import')
export class ImportController {
  constructor(
    private readonly users: UsersImportService,
    private readonly teams: TeamsImportService,
  ) {}

  @Post('users')
  @HttpCode(200)
  @Roles('admin')
  @RouteConfig({ [CSV_BODY_ROUTE]: true })
  @ApiOperation({
    summary: 'Create and update users from CSV (admin), matched by email. New users have no password.',
    description: `Columns: email,name,role (required), managerEmail,timezone,locale. ${RULES}`,
  })
  @ApiConsumes('text/csv')
  @ApiBody({
    schema: { type: 'string', example: 'email,name,role,managerEmail\nkim@example.com,Kim Park,pm,ana@example.com\n' },
  })
  @ApiOkResponse({ type: ImportReportDto })
  @ApiErrorResponses(400, 401, 403, 413, 415)
  @ApiResponse(IMPORT_FAILED)
  importUsers(
    @CurrentUser() caller: AuthenticatedUser,
    @Query() query: ImportQueryDto,
    @Req() request: FastifyRequest,
  ): Promise<ImportReport> {
    return this.users.run(caller, csvBody(request), query.dryRun === 'true');
  }

  @Post('teams')
  @HttpCode(200)
  @Roles('admin')
  @RouteConfig({ [CSV_BODY_ROUTE]: true })
  @ApiOperation({
    summary: 'Create and update teams from CSV (admin), matched by name (case-insensitive).',
    description: `Columns: name,managerEmail,capacity (required), region,segment,timezone,holidayCountry. ${RULES}`,
  })
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', example: 'name,managerEmail,capacity\nEMEA Enterprise,ana@example.com,2\n' } })
  @ApiOkResponse({ type: ImportReportDto })
  @ApiErrorResponses(400, 401, 403, 413, 415)
  @ApiResponse(IMPORT_FAILED)
  importTeams(
    @CurrentUser() caller: AuthenticatedUser,
    @Query() query: ImportQueryDto,
    @Req() request: FastifyRequest,
  ): Promise<ImportReport> {
    return this.teams.run(caller, csvBody(request), query.dryRun === 'true');
  }
}
