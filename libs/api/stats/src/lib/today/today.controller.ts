import { Controller, Get, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiErrorResponses,
  AuthenticatedUser,
  CurrentUser,
  PreparedJson,
  PreparedJsonInterceptor,
} from '@stint/api-core';
import type { Today } from '@stint/contracts';
import { TodayDto } from './today.dto';
import { TodayService } from './today.service';

@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class TodayController {
  constructor(private readonly today: TodayService) {}

  @Get('today')
  @UseInterceptors(PreparedJsonInterceptor)
  @ApiOperation({
    summary:
      "The caller's home in one round trip: approvals awaiting them, check-ins due in 7 days and overdue (with what the caller does on each), rotations starting or ending in 14 days, teams near capacity (managers), and the operator's figures (admins).",
  })
  @ApiOkResponse({ type: TodayDto })
  @ApiErrorResponses(401)
  forCaller(@CurrentUser() caller: AuthenticatedUser): Promise<PreparedJson<Today>> {
    return this.today.forCaller(caller);
  }
}
