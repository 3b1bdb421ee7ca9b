import { Controller, Get, Header, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses, AuthenticatedUser, CurrentUser, Public } from '@stint/api-core';
import type { CalendarFeedLink } from '@stint/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { CalendarFeedService, FEED_WINDOW_DAYS } from './calendar-feed.service';

export class CalendarFeedLinkDto implements CalendarFeedLink {
  @ApiProperty({
    example: 'https://stint.example.com/api/calendar/3q2-7wEvb0N8Yd1Xf9kGzU4pT6aLcHsR5mJxVeBnKoI.ics',
    description: 'Subscribe to it in a calendar app. Keep it secret: it opens without signing in.',
  })
  url!: string;
}

/** An ETag for a feed's text (weak: a compressed copy carries the same one). */
function entityTag(body: string): string {
  return `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

@ApiTags('calendar')
@Controller()
export class CalendarFeedController {
  constructor(private readonly feeds: CalendarFeedService) {}

  @Post('me/calendar-feed')
  @HttpCode(200)
  @ApiBearerAuth()
  @Header('cache-control', 'no-store')
  @ApiOperation({
    summary: 'A new personal calendar feed URL for the caller; the previous URL stops working (404).',
    description: `The feed holds the caller's placements and check-ins (a PM's own; a manager's or admin's hosted teams and direct reports), from ${FEED_WINDOW_DAYS} days ago on, cancelled ones left out.`,
  })
  @ApiOkResponse({ type: CalendarFeedLinkDto })
  @ApiErrorResponses(401)
  rotate(@CurrentUser() caller: AuthenticatedUser): Promise<CalendarFeedLink> {
    return this.feeds.rotate(caller);
  }

  @Get('calendar/:token.ics')
  @Public()
  @ApiOperation({
    summary: 'A personal calendar feed (iCalendar), opened by the secret token in its URL; no sign-in.',
    description:
      'Same UIDs and SEQUENCEs as the emailed invites. Answers 304 to a matching If-None-Match. An unknown, replaced or malformed token, or a deactivated user, is 404.',
  })
  @ApiParam({
    name: 'token',
    type: String,
    description: 'The secret from POST /api/me/calendar-feed (43 characters, base64url)',
  })
  @ApiOkResponse({
    description: 'The VCALENDAR (RFC 5545); cache-control private, max-age=300; an ETag',
    content: { 'text/calendar': { schema: { type: 'string' } } },
  })
  @ApiErrorResponses(404)
  async feed(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    // Read here rather than with @Param: the token is looked up, never echoed, and any malformed one is a 404.
    const token = (request.params as Record<string, string | undefined>)['token'] ?? '';
    const body = await this.feeds.feed(token);
    const tag = entityTag(body);
    void reply.header('cache-control', 'private, max-age=300').header('etag', tag).header('x-robots-tag', 'noindex');
    const asked = request.headers['if-none-match'];
    if (typeof asked === 'string' && asked.split(',').some((t) => t.trim() === tag)) {
      await reply.code(304).send();
      return;
    }
    await reply
      .header('content-type', 'text/calendar; charset=utf-8')
      .header('content-disposition', 'inline; filename="stint.ics"')
      .send(body);
  }
}
