import type { RotationRequest, Team, User } from '@stint/contracts';
import { randomUUID } from 'node:crypto';
import { call, loginAs } from './test-app';

export const PASSWORD = 'password-123';

export interface Actor {
  user: User;
  token: string;
}

/**
 * Builds a small programme through the public API, as an admin would:
 * unique names per call so tests never collide inside one database.
 */
export class Fixtures {
  private constructor(
    readonly base: string,
    readonly admin: Actor,
  ) {}

  static async create(base: string): Promise<Fixtures> {
    const token = await loginAs(base, 'admin@stint.local', 'admin');
    const me = await call<User>(base, 'GET', '/api/me', { token });
    return new Fixtures(base, { user: me.body, token });
  }

  private tag(): string {
    return randomUUID().slice(0, 8);
  }

  async user(
    role: 'pm' | 'manager' | 'admin',
    extra: { managerId?: string; timezone?: string; name?: string } = {},
  ): Promise<Actor> {
    const tag = this.tag();
    const created = await call<User>(this.base, 'POST', '/api/users', {
      token: this.admin.token,
      body: {
        email: `${role}-${tag}@test.stint`,
        name: extra.name ?? `${role} ${tag}`,
        role,
        password: PASSWORD,
        ...extra,
      },
    });
    if (created.status !== 201)
      throw new Error(`creating a ${role} failed: ${created.status} ${JSON.stringify(created.body)}`);
    return { user: created.body, token: await loginAs(this.base, created.body.email, PASSWORD) };
  }

  async manager(): Promise<Actor> {
    return this.user('manager');
  }

  async pm(lineManager: Actor, timezone = 'UTC'): Promise<Actor> {
    return this.user('pm', { managerId: lineManager.user.id, timezone });
  }

  async team(
    host: Actor,
    extra: Partial<Pick<Team, 'capacity' | 'timezone' | 'holidayCountry' | 'region' | 'segment'>> = {},
  ): Promise<Team> {
    const created = await call<Team>(this.base, 'POST', '/api/teams', {
      token: this.admin.token,
      body: { name: `Team ${this.tag()}`, managerId: host.user.id, capacity: 2, ...extra },
    });
    if (created.status !== 201)
      throw new Error(`creating a team failed: ${created.status} ${JSON.stringify(created.body)}`);
    return created.body;
  }

  async request(pm: Actor, teamId: string, startDate: string, durationWeeks = 2): Promise<RotationRequest> {
    const created = await call<RotationRequest>(this.base, 'POST', '/api/rotation-requests', {
      token: pm.token,
      body: { teamId, startDate, durationWeeks, goals: ['negotiation'], motivation: 'Learn to close.' },
    });
    if (created.status !== 201) throw new Error(`requesting failed: ${created.status} ${JSON.stringify(created.body)}`);
    return created.body;
  }

  async approve(
    actor: Actor,
    requestId: string,
    comment = '',
  ): Promise<{ status: number; body: Record<string, unknown> }> {
    return call(this.base, 'POST', `/api/rotation-requests/${requestId}/approve`, {
      token: actor.token,
      body: { comment },
    });
  }

  /** A request taken through both approvals: a booked placement. */
  async booked(
    pm: Actor,
    lineManager: Actor,
    host: Actor,
    teamId: string,
    startDate: string,
    durationWeeks = 2,
  ): Promise<RotationRequest> {
    const request = await this.request(pm, teamId, startDate, durationWeeks);
    const released = await this.approve(lineManager, request.id);
    if (released.status !== 200) throw new Error(`release failed: ${JSON.stringify(released.body)}`);
    const booked = await this.approve(host, request.id);
    if (booked.status !== 200) throw new Error(`booking failed: ${JSON.stringify(booked.body)}`);
    return booked.body as unknown as RotationRequest;
  }
}

/** A Monday comfortably in the future, `weeksAhead` weeks from the next Monday. */
export function futureMonday(weeksAhead: number): string {
  const now = new Date();
  const day = now.getUTCDay();
  const daysToMonday = ((8 - day) % 7) + 7 * (weeksAhead + 1);
  const monday = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + daysToMonday));
  return monday.toISOString().slice(0, 10);
}
