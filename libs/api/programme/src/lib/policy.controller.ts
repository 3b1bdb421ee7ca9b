import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses, AuthenticatedUser, CurrentUser, Roles } from '@stint/api-core';
import type { ProgrammePolicy } from '@stint/contracts';
import { PolicyDto, UpdatePolicyDto } from './dto/policy.dto';
import { PolicyService } from './policy.service';

@ApiTags('policy')
@ApiBearerAuth()
@Controller('policy')
export class PolicyController {
  constructor(private readonly policy: PolicyService) {}

  @Get()
  @ApiOkResponse({ type: PolicyDto })
  @ApiErrorResponses(401)
  get(): Promise<ProgrammePolicy> {
    return this.policy.get();
  }

  @Put()
  @Roles('admin')
  @ApiOperation({
    summary: 'Change the programme policy (admin), any subset of fields; min ≤ max is checked on the result.',
  })
  @ApiOkResponse({ type: PolicyDto })
  @ApiErrorResponses(400, 401, 403)
  update(@CurrentUser() caller: AuthenticatedUser, @Body() body: UpdatePolicyDto): Promise<ProgrammePolicy> {
    return this.policy.update(caller, body);
  }
}
