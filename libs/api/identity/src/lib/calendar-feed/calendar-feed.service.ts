import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@stint/api-audit';
import { ApiError, APP_CONFIG, AppConfig, AuthenticatedUser, Clock } from '@stint/api-core';
import { buildFeed } from '@stint/api-notifications';
import type { CalendarFeedLink } from '@stint/contracts';
import { addDays, todayIn } from '@stint/shared-dates';
import { DataSource } from 'typeorm';
import { feedCheckIns, feedOwner, feedPlacements, replaceFeedTokenHash } from './calendar-feed.queries';
import { feedEvents } from './feed-events';
import { feedTokenHash, isFeedToken, newFeedToken } from './feed-token';

/** How far back a feed reaches: placements ending, and check-ins held, in the last 90 days and later. */
export const FEED_WINDOW_DAYS = 90;
/** How often a subscribed client is asked to fetch the feed again (REFRESH-INTERVAL, X-PUBLISHED-TTL). */
export const FEED_REFRESH_SECONDS = 3600;

/**
 * Personal calendar feeds: one secret URL per user, answered without signing
 * in. Only the token's SHA-256 is stored; asking for a new URL ends the old.
 */
@Injectable()
export class CalendarFeedService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A new feed URL for the caller (the only time its token is shown); the previous one stops working. */
  async rotate(caller: AuthenticatedUser): Promise<CalendarFeedLink> {
    const token = newFeedToken();
    await this.db.transaction(async (m) => {
      await replaceFeedTokenHash(m, caller.id, feedTokenHash(token));
      await this.audit.record(m, {
        actorId: caller.id,
        action: 'user.calendar_feed_rotated',
        entityType: 'user',
        entityId: caller.id,
      });
    });
    return { url: `${this.config.appUrl}/api/calendar/${token}.ics` };
  }

  /** The VCALENDAR a token opens; 404 for a malformed, unknown or replaced token and for a deactivated user. */
  async feed(token: string): Promise<string> {
    const owner = isFeedToken(token) ? await feedOwner(this.db, feedTokenHash(token)) : null;
    if (!owner) throw ApiError.notFound('calendar feed');
    const now = this.clock.now();
    const since = new Date(now.getTime() - FEED_WINDOW_DAYS * 86_400_000);
    const placements = await feedPlacements(this.db, owner, addDays(todayIn('UTC', now), -FEED_WINDOW_DAYS), since);
    const checkIns = await feedCheckIns(
      this.db,
      placements.map((p) => p.id),
      since,
    );
    return buildFeed('Stint', feedEvents(placements, checkIns, this.config.appUrl), FEED_REFRESH_SECONDS);
  }
}
