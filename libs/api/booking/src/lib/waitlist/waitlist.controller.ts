import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses, AuthenticatedUser, CurrentUser, UuidParamPipe } from '@stint/api-core';
import type { RotationRequest, TeamWaitlist } from '@stint/contracts';
import { RotationRequestDto } from '../dto/request.dto';
import { ReorderWaitlistDto, TeamWaitlistDto } from '../dto/waitlist.dto';
import { WaitlistService } from './waitlist.service';

@ApiTags('waitlist')
@ApiBearerAuth()
@Controller()
export class WaitlistController {
  constructor(private readonly waitlist: WaitlistService) {}

  @Post('rotation-requests/:id/waitlist')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "The host team's manager (or an admin) puts a released request (pending_host) on the team's waitlist when the team is full or blacked out on its dates (→ waitlisted).",
    description:
      'When a place frees up for its dates (a placement cancelled or moved, capacity raised, a blackout lifted, an offer ended), the first request in line whose dates then pass every rule is offered it (→ offered) and holds it for the policy’s offerHoldHours. ' +
      '409 INVALID_STATE when it is not pending_host, already waitlisted, or when there is room now (approve it instead); a rule that waiting cannot cure (start past, PM overlap, duration) answers as approving would.',
  })
  @ApiOkResponse({ type: RotationRequestDto })
  @ApiErrorResponses(401, 403, 404, 409, 422)
  add(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id', new UuidParamPipe('rotation request')) id: string,
  ): Promise<RotationRequest> {
    return this.waitlist.waitlist(caller, id);
  }

  @Post('rotation-requests/:id/accept-offer')
  @HttpCode(200)
  @ApiOperation({
    summary: 'The PM accepts the place held for them: booked as any booking is (placement, check-ins, invites).',
    description:
      '409 INVALID_STATE when there is no offer (or it lapsed: details.status "lapsed", and the place goes to the next in line).',
  })
  @ApiOkResponse({ type: RotationRequestDto })
  @ApiErrorResponses(401, 403, 404, 409, 422)
  accept(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id', new UuidParamPipe('rotation request')) id: string,
  ): Promise<RotationRequest> {
    return this.waitlist.acceptOffer(caller, id);
  }

  @Post('rotation-requests/:id/decline-offer')
  @HttpCode(200)
  @ApiOperation({ summary: 'The PM declines the place held for them (→ withdrawn); it goes to the next in line.' })
  @ApiOkResponse({ type: RotationRequestDto })
  @ApiErrorResponses(401, 403, 404, 409)
  decline(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id', new UuidParamPipe('rotation request')) id: string,
  ): Promise<RotationRequest> {
    return this.waitlist.declineOffer(caller, id);
  }

  @Get('teams/:id/waitlist')
  @ApiOperation({ summary: "The team's offers out, then its waitlist in order (the team's manager or an admin)." })
  @ApiOkResponse({ type: TeamWaitlistDto })
  @ApiErrorResponses(401, 403, 404)
  list(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id', new UuidParamPipe('team')) teamId: string,
  ): Promise<TeamWaitlist> {
    return this.waitlist.teamWaitlist(caller, teamId);
  }

  @Put('teams/:id/waitlist')
  @ApiOperation({
    summary: 'An admin reorders the waitlist: requestIds names every waiting request once, first = next in line.',
    description: 'Audited (team.waitlist_reordered). 409 CONFLICT when the list no longer matches the line.',
  })
  @ApiOkResponse({ type: TeamWaitlistDto })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  reorder(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id', new UuidParamPipe('team')) teamId: string,
    @Body() body: ReorderWaitlistDto,
  ): Promise<TeamWaitlist> {
    return this.waitlist.reorder(caller, teamId, body.requestIds);
  }
}
