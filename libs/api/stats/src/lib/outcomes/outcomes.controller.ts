import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses, ApiPageResponse, AuthenticatedUser, CurrentUser, pageWindow } from '@stint/api-core';
import type { OutcomesReport, Page, RotationOutcome } from '@stint/contracts';
import { OutcomeRotationsQueryDto, OutcomesQueryDto, OutcomesReportDto, RotationOutcomeDto } from './outcomes.dto';
import { OutcomesService } from './outcomes.service';

@ApiTags('stats')
@ApiBearerAuth()
@ApiExtraModels(RotationOutcomeDto)
@Controller('stats/outcomes')
export class OutcomesController {
  constructor(private readonly outcomes: OutcomesService) {}

  @Get()
  @ApiOperation({
    summary:
      'How long should a rotation be? Per length: the mean change over the kickoff self-rating from three viewpoints (self, host, pulse) with 95% intervals and sample sizes, and a recommendation when the evidence allows one.',
  })
  @ApiOkResponse({ type: OutcomesReportDto })
  @ApiErrorResponses(400, 401)
  report(@CurrentUser() caller: AuthenticatedUser, @Query() q: OutcomesQueryDto): Promise<OutcomesReport> {
    return this.outcomes.report(caller, q);
  }

  @Get('rotations')
  @ApiOperation({ summary: 'The evidence per rotation (every rating and goal outcome), paged; for the CSV export.' })
  @ApiPageResponse(RotationOutcomeDto)
  @ApiErrorResponses(400, 401)
  rotations(
    @CurrentUser() caller: AuthenticatedUser,
    @Query() q: OutcomeRotationsQueryDto,
  ): Promise<Page<RotationOutcome>> {
    return this.outcomes.rotations(caller, q, pageWindow(q));
  }
}
