import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ApiError,
  AuthenticatedUser,
  FiguresCache,
  hydrate,
  timestamptzFromText,
  namedQuery,
  pageOfIds,
  PageTotal,
  pageTotal,
  PageWindow,
  REQUEST_PAGE_ALIASES,
  uuidLiteral,
} from '@stint/api-core';
import { awaitingDecisionBy, canSee, Parties, visibleRotations } from '@stint/api-core';
import type { RequestStatus, RotationRequest } from '@stint/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { RotationRequestEntity } from '../rotation-request.entity';
import { lockRequestWithFacts, type ReadAheadRanges, type TeamRow } from '../rules/booking-facts.queries';
import type { Policy } from '@stint/scheduling';
import { waitlistPositions } from '../waitlist/waitlist.queries';
import { proposalView } from './proposal';

export interface RequestFilter {
  status?: RequestStatus;
  teamId?: string;
  pmId?: string;
  awaitingMe?: boolean;
}

/** A user a request may be made for, as resolvePm needs to see them. */
export interface PmCandidate {
  role: string;
  manager_id: string | null;
  active: boolean;
}

/** Who decides a request, as `findVisible` reads it with the request. */
interface PartiesRow {
  party_line: string | null;
  party_host: string | null;
}

/** What `views` reads in its one statement: the requests' approvals, and the names the answer shows. */
export interface ViewsRow {
  approvals: Array<{
    requestId: string;
    step: 'manager' | 'host';
    decision: 'approved' | 'rejected';
    byId: string;
    comment: string;
    at: string;
  }>;
  people: Array<{ id: string; name: string }>;
  teams: Array<{ id: string; name: string }>;
}

/**
 * The `ViewsRow` of requests (`requests`, uuid[]), naming these people (`people`, uuid[]; the approvers are added)
 * and teams (`teams`, uuid[]), each given as SQL.
 */
function viewsSql(requests: string, people: string, teams: string): string {
  return `SELECT (SELECT coalesce(json_agg(json_build_object('requestId', a.request_id, 'step', a.step, 'decision', a.decision,
                        'byId', a.by_id, 'comment', a.comment, 'at', a.at::text) ORDER BY a.at, a.step = 'host'), '[]'::json)
                 FROM request_approvals a WHERE a.request_id = ANY(${requests})) AS approvals,
              (SELECT coalesce(json_agg(json_build_object('id', u.id, 'name', u.name)), '[]'::json) FROM users u
                WHERE u.id = ANY(${people} || ARRAY(SELECT by_id FROM request_approvals WHERE request_id = ANY(${requests})))) AS people,
              (SELECT coalesce(json_agg(json_build_object('id', t.id, 'name', t.name)), '[]'::json) FROM teams t
                WHERE t.id = ANY(${teams})) AS teams`;
}

const VIEWS = namedQuery(viewsSql('$1::uuid[]', '$2::uuid[]', '$3::uuid[]'));

/** An approval the caller is writing, for the answer built before it is read back. */
export interface NewApproval {
  step: 'manager' | 'host';
  byId: string;
  comment: string;
  at: Date;
}

/** The request list's order: newest first, the id breaking ties. */
const NEWEST_FIRST: Array<[string, 'ASC' | 'DESC']> = [
  ['r.created_at', 'DESC'],
  ['r.id', 'DESC'],
];

/** Reads of rotation requests and of the people around them; writes go through the entity manager. */
@Injectable()
export class RequestsRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly figures: FiguresCache,
  ) {}

  /** The manager for reads outside a transaction. */
  get manager(): EntityManager {
    return this.db.manager;
  }

  /** One page of the requests the caller can see, newest first, and how many there are (estimated past 10,000). */
  async page(
    caller: AuthenticatedUser,
    filter: RequestFilter,
    window: PageWindow,
  ): Promise<[RotationRequestEntity[], PageTotal]> {
    const visible = visibleRotations(caller, REQUEST_PAGE_ALIASES);
    const query = this.db.getRepository(RotationRequestEntity).createQueryBuilder('r');
    // Visibility is on the request's own columns (REQUEST_PAGE_ALIASES); only "awaiting me" reads the PM and the team.
    if (filter.awaitingMe && caller.role !== 'admin') {
      query.innerJoin('users', 'pm', 'pm.id = r.pm_id').innerJoin('teams', 't', 't.id = r.team_id');
    }
    query.where(visible.sql, visible.params);
    if (filter.status) query.andWhere('r.status = :status', { status: filter.status });
    if (filter.teamId) query.andWhere('r.team_id = :teamId', { teamId: filter.teamId });
    if (filter.pmId) query.andWhere('r.pm_id = :pmId', { pmId: filter.pmId });
    if (filter.awaitingMe) {
      query.andWhere(
        caller.role === 'admin' ? `r.status IN ('pending_manager', 'pending_host')` : awaitingDecisionBy(':me'),
        { me: caller.id },
      );
    }
    const [items, total] = await Promise.all([
      pageOfIds(query, 'r', NEWEST_FIRST, window, { figures: this.figures, caller }),
      pageTotal(query, this.figures, caller),
    ]);
    return [items, total];
  }

  /**
   * The request and the people who decide it; 404 when there is none or the
   * caller may not see it. With `lock`, its row lock for the transaction.
   */
  async findVisible(
    m: EntityManager,
    caller: AuthenticatedUser,
    id: string,
    lock = false,
  ): Promise<{ request: RotationRequestEntity; parties: Parties }> {
    // One statement: the request (locked when asked, its row only) with its PM's line manager and its team's manager.
    const query = m
      .createQueryBuilder(RotationRequestEntity, 'r')
      .leftJoin('users', 'pm', 'pm.id = r.pm_id')
      .leftJoin('teams', 't', 't.id = r.team_id')
      .addSelect('pm.manager_id', 'party_line')
      .addSelect('t.manager_id', 'party_host')
      .addSelect('t.id', 'party_team')
      .where('r.id = :id', { id });
    if (lock) query.setLock('pessimistic_write', undefined, ['r']);
    const { entities, raw } = await query.getRawAndEntities<PartiesRow & { party_team: string | null }>();
    const request = entities[0];
    let row: PartiesRow | undefined = raw[0];
    if (!request || !row) throw ApiError.notFound('rotation request', id);
    // A request moved to another team while this statement waited for its lock comes back as it is now, joined to
    // the rows as they were: its parties are then read again, after the lock.
    if (raw[0]?.party_team !== request.teamId) row = await this.partiesOf(m, request.pmId, request.teamId);
    const parties: Parties = {
      pmId: request.pmId,
      lineManagerId: row.party_line ?? null,
      hostManagerId: row.party_host ?? '',
    };
    if (!canSee(caller, parties)) throw ApiError.notFound('rotation request', id);
    return { request, parties };
  }

  /**
   * `findVisible` with the request locked, for approving: the request, then its team's and the PM's booking
   * locks, with the policy and the parties, in one round trip with the booking facts (`lockRequestWithFacts`). 404 as `findVisible`.
   * The locks come before the caller's right to see the request and its state are judged (a refused or repeated
   * approval holds them for that moment, then rolls back): one round trip fewer for every approval.
   */
  async findVisibleForBooking(
    m: EntityManager,
    caller: AuthenticatedUser,
    id: string,
  ): Promise<{
    request: RotationRequestEntity;
    parties: Parties;
    pmActive: boolean;
    team: TeamRow;
    policy: Policy;
    readAhead: ReadAheadRanges | null;
    /** The request's approvals and names before the decision, for its answer (`answerAfter`). */
    viewFacts: ViewsRow;
  }> {
    // The answer's approvals and names are read in the locks' round trip too: the request's own, the PM's, a
    // proposer's and the caller's (the approver-to-be), and its team's.
    const facts = viewsSql(
      'ARRAY[r.id]',
      `ARRAY[r.pm_id, r.proposed_by, ${uuidLiteral(caller.id)}]`,
      'ARRAY[r.team_id]',
    );
    const locked = await lockRequestWithFacts(
      m,
      id,
      `${facts} FROM rotation_requests r WHERE r.id = ${uuidLiteral(id)}`,
    );
    if (!locked) throw ApiError.notFound('rotation request', id);
    const request = hydrate(m, RotationRequestEntity, locked.row);
    const parties: Parties = {
      pmId: request.pmId,
      lineManagerId: locked.parties.lineManager?.id ?? null,
      hostManagerId: locked.team.manager_id,
    };
    if (!canSee(caller, parties)) throw ApiError.notFound('rotation request', id);
    const { pmActive, team, policy, readAhead } = locked;
    // Read in the same round trip as the request's lock, so there whenever the request is.
    const viewFacts = locked.alongside[0]?.[0] as ViewsRow | undefined;
    if (!viewFacts) throw ApiError.notFound('rotation request', id);
    return { request, parties, pmActive, team, policy, readAhead, viewFacts };
  }

  /** Who decides a request of this PM into this team, read on its own (after the request's lock). */
  private async partiesOf(m: EntityManager, pmId: string, teamId: string): Promise<PartiesRow> {
    const rows: PartiesRow[] = await m.query(
      `SELECT (SELECT manager_id FROM users WHERE id = $1) AS party_line, (SELECT manager_id FROM teams WHERE id = $2) AS party_host`,
      [pmId, teamId],
    );
    return rows[0] ?? { party_line: null, party_host: null };
  }

  /**
   * Requests as the API answers them, with their approvals, names and places in line: two queries at most,
   * whatever the page size (the approvals come with every name the page shows, the approvers' among them: a
   * host manager sees who released the PM; the places in line only when a request is waitlisted).
   */
  async views(m: EntityManager, rows: RotationRequestEntity[]): Promise<RotationRequest[]> {
    if (!rows.length) return [];
    const [found] = await m.query<ViewsRow[]>(VIEWS, [
      rows.map((r) => r.id),
      [...new Set(rows.flatMap((r) => (r.proposedBy ? [r.pmId, r.proposedBy] : [r.pmId])))],
      [...new Set(rows.map((r) => r.teamId))],
    ]);
    const positions = await waitlistPositions(
      m,
      rows.filter((r) => r.status === 'waitlisted').map((r) => r.id),
    );
    return composeViews(rows, parsed(found), positions);
  }

  /**
   * A request's answer once the caller's approval has committed, built from what the locks' round trip read
   * before it (`findVisibleForBooking`'s `viewFacts`) and the approval written since: no read after the commit.
   * The request is released or booked, so it has no place in line.
   */
  answerAfter(request: RotationRequestEntity, facts: ViewsRow, approval: NewApproval): RotationRequest {
    const { approvals, ...names } = parsed(facts);
    const written = { requestId: request.id, decision: 'approved' as const, ...approval };
    const [view] = composeViews([request], { ...names, approvals: [...approvals, written] }, new Map());
    if (!view) throw new Error('a request composed no answer');
    return view;
  }

  async userExists(userId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(`SELECT 1 FROM users WHERE id = $1`, [userId]);
    return rows.length > 0;
  }

  async isDirectReport(userId: string, managerId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(`SELECT 1 FROM users WHERE id = $1 AND manager_id = $2`, [
      userId,
      managerId,
    ]);
    return rows.length > 0;
  }

  async pmCandidate(userId: string): Promise<PmCandidate | undefined> {
    const rows: PmCandidate[] = await this.db.query(`SELECT role, manager_id, active FROM users WHERE id = $1`, [
      userId,
    ]);
    return rows[0];
  }
}

type Approval = Omit<ViewsRow['approvals'][number], 'at'> & { at: Date };
type ViewFacts = Omit<ViewsRow, 'approvals'> & { approvals: Approval[] };

/** What `views` read, its moments parsed (an empty read when there was none). */
function parsed(found: ViewsRow | undefined): ViewFacts {
  const approvals = (found?.approvals ?? []).map((a) => ({ ...a, at: timestamptzFromText(a.at) }));
  return { approvals, people: found?.people ?? [], teams: found?.teams ?? [] };
}

/** Requests as the API answers them, from their rows, what `views` reads, and the waitlisted ones' places. */
function composeViews(
  rows: RotationRequestEntity[],
  found: ViewFacts,
  positions: Map<string, number>,
): RotationRequest[] {
  // In the order of their moments, the line manager's first at the same moment, as the statement reads them (an
  // approval added by `answerAfter` among them).
  const approvals = [...found.approvals].sort(
    (a, b) => a.at.getTime() - b.at.getTime() || Number(a.step === 'host') - Number(b.step === 'host'),
  );
  const names = {
    people: new Map(found.people.map((p) => [p.id, p.name])),
    teams: new Map(found.teams.map((t) => [t.id, t.name])),
  };
  return rows.map((r) => ({
    id: r.id,
    pmId: r.pmId,
    pmName: names.people.get(r.pmId) ?? '',
    teamId: r.teamId,
    teamName: names.teams.get(r.teamId) ?? '',
    startDate: r.startDate,
    endDate: r.endDate,
    durationWeeks: r.durationWeeks,
    goals: r.goals,
    motivation: r.motivation,
    status: r.status,
    approvals: approvals
      .filter((a) => a.requestId === r.id)
      .map((a) => ({
        step: a.step,
        decision: a.decision,
        byId: a.byId,
        byName: names.people.get(a.byId) ?? '',
        comment: a.comment,
        at: a.at.toISOString(),
      })),
    placementId: r.placementId,
    waitlistIfFull: r.waitlistIfFull,
    waitlistPosition: positions.get(r.id) ?? null,
    offerExpiresAt: r.status === 'offered' && r.offerExpiresAt ? r.offerExpiresAt.toISOString() : null,
    proposal: proposalView(r, names.people),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  }));
}
