import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CheckIn,
  GoalOutcome,
  Page,
  Placement,
  PlacementListItem,
  ProgrammePolicy,
  RequestStatus,
  RatingsBySkill,
  RotationRequest,
  SlotSuggestion,
  Team,
  User,
} from '@stint/contracts';
import { map, Observable } from 'rxjs';
import type { SlotParams } from '../plan/slot-query';

export interface CreateRequestBody {
  teamId: string;
  startDate: string;
  durationWeeks: number;
  goals: string[];
  motivation?: string;
  pmId?: string;
  /** Ask even though the team is full then, to join its waitlist once released. */
  waitlistIfFull?: boolean;
}

/** The PM's reflection: a rating per policy skill, notes, and at the final each learning goal revisited. */
export interface ReflectionBody {
  ratings: RatingsBySkill;
  notes: string;
  goalOutcomes?: GoalOutcome[];
}

/** The host manager's assessment at the final check-in: a rating per policy skill for what they saw, and notes. */
export interface AssessmentBody {
  ratings: RatingsBySkill;
  notes: string;
}

/** The line manager's pulse after return: how well the PM applies each skill now, and would they send another PM. */
export interface PulseBody {
  ratings: RatingsBySkill;
  wouldSendAgain: boolean;
  comment: string;
}

export type UpdateRequestBody = Partial<Omit<CreateRequestBody, 'pmId' | 'waitlistIfFull'>>;

function params(values: Record<string, string | number | string[] | undefined | null>): HttpParams {
  const clean: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === null || value === '') continue;
    clean[key] = Array.isArray(value) ? value : String(value);
  }
  return new HttpParams({ fromObject: clean });
}

/** The PM screens' view of the API (api.md): slots, requests, placements, check-ins. */
@Injectable({ providedIn: 'root' })
export class PmApi {
  private readonly http = inject(HttpClient);

  policy(): Observable<ProgrammePolicy> {
    return this.http.get<ProgrammePolicy>('/api/policy');
  }

  /** Every team, active or not, so old rotations in a team since deactivated still show its name. */
  teams(): Observable<Team[]> {
    return this.http
      .get<Page<Team>>('/api/teams', { params: params({ pageSize: 200 }) })
      .pipe(map((page) => page.items));
  }

  /** PMs a manager (their reports) or an admin (all) may plan for. */
  plannablePms(): Observable<User[]> {
    return this.http
      .get<Page<User>>('/api/users', { params: params({ role: 'pm', pageSize: 200 }) })
      .pipe(map((page) => page.items.filter((u) => u.active)));
  }

  slots(query: SlotParams): Observable<SlotSuggestion[]> {
    return this.http.get<SlotSuggestion[]>('/api/slots', { params: new HttpParams({ fromObject: query }) });
  }

  requests(filter: {
    pmId?: string | null;
    status?: RequestStatus | null;
    page?: number;
    pageSize?: number;
  }): Observable<Page<RotationRequest>> {
    return this.http.get<Page<RotationRequest>>('/api/rotation-requests', { params: params({ ...filter }) });
  }

  request(id: string): Observable<RotationRequest> {
    return this.http.get<RotationRequest>(`/api/rotation-requests/${id}`);
  }

  createRequest(body: CreateRequestBody): Observable<RotationRequest> {
    return this.http.post<RotationRequest>('/api/rotation-requests', body);
  }

  updateRequest(id: string, body: UpdateRequestBody): Observable<RotationRequest> {
    return this.http.patch<RotationRequest>(`/api/rotation-requests/${id}`, body);
  }

  withdrawRequest(id: string): Observable<RotationRequest> {
    return this.http.post<RotationRequest>(`/api/rotation-requests/${id}/withdraw`, {});
  }

  /** Takes the place held for the PM: the answer is the request, booked, with its placement. */
  acceptOffer(id: string): Observable<RotationRequest> {
    return this.http.post<RotationRequest>(`/api/rotation-requests/${id}/accept-offer`, {});
  }

  /** Turns the held place down (the request is withdrawn); it goes to the next in line. */
  declineOffer(id: string): Observable<RotationRequest> {
    return this.http.post<RotationRequest>(`/api/rotation-requests/${id}/decline-offer`, {});
  }

  /** Placements, with their check-ins only when `include` asks; without `pmId` a PM gets their own. */
  placements(filter: {
    pmId?: string | null;
    page?: number;
    pageSize?: number;
    include?: 'checkIns';
  }): Observable<Page<PlacementListItem>> {
    return this.http.get<Page<PlacementListItem>>('/api/placements', { params: params({ ...filter }) });
  }

  placement(id: string): Observable<Placement> {
    return this.http.get<Placement>(`/api/placements/${id}`);
  }

  checkIn(id: string): Observable<CheckIn> {
    return this.http.get<CheckIn>(`/api/check-ins/${id}`);
  }

  completeCheckIn(id: string, body: ReflectionBody): Observable<CheckIn> {
    return this.http.post<CheckIn>(`/api/check-ins/${id}/complete`, body);
  }

  /** The host manager's assessment, on a `final` check-in, once. */
  assessCheckIn(id: string, body: AssessmentBody): Observable<CheckIn> {
    return this.http.post<CheckIn>(`/api/check-ins/${id}/assessment`, body);
  }

  /** The line manager's answer to a `pulse` check-in, once. */
  givePulse(id: string, body: PulseBody): Observable<CheckIn> {
    return this.http.post<CheckIn>(`/api/check-ins/${id}/pulse`, body);
  }

  addFeedback(id: string, text: string): Observable<CheckIn> {
    return this.http.post<CheckIn>(`/api/check-ins/${id}/feedback`, { text });
  }

  /** The invite needs the bearer token, so it is fetched as text rather than linked. */
  calendar(id: string): Observable<string> {
    return this.http.get(`/api/check-ins/${id}/calendar.ics`, { responseType: 'text' });
  }

  /** Names for ids on screen; a PM may only see themselves, so callers treat a failure as "no names". */
  users(): Observable<User[]> {
    return this.http
      .get<Page<User>>('/api/users', { params: params({ pageSize: 200 }) })
      .pipe(map((page) => page.items));
  }
}
