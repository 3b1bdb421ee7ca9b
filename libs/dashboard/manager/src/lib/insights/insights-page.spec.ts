import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { DurationOutcome, OutcomesReport, RotationOutcome, User } from '@stint/contracts';
import { SessionService } from '@stint/dashboard-session';
import { saveBlob } from './download';
import { InsightsPage } from './insights-page';

jest.mock('./download', () => ({ saveBlob: jest.fn() }));

const maria: User = {
  id: 'm1',
  email: 'maria@x',
  name: 'Maria',
  role: 'manager',
  managerId: null,
  timezone: 'UTC',
  active: true,
};
const TEAM = '9a9a9a9a-0000-4000-8000-000000000009';
const teams = [
  { id: TEAM, name: 'EMEA Enterprise', region: 'EMEA' },
  { id: '8b8b8b8b-0000-4000-8000-000000000008', name: 'NA SMB', region: 'NA' },
];
const gain = (mean: number, lo: number, hi: number, n: number) => ({ mean, ci95: [lo, hi] as [number, number], n });
const four: DurationOutcome = {
  durationWeeks: 4,
  rotations: 9,
  withSelf: 9,
  withHost: 8,
  withPulse: 1,
  self: gain(1.2, 0.8, 1.6, 9),
  host: gain(0.9, 0.4, 1.4, 8),
  pulse: null,
  wouldSendAgain: 1,
  bySkill: {
    negotiation: { self: gain(1.5, 1, 2, 9), host: gain(1, 0.5, 1.5, 8), pulse: null },
    'discovery calls': { self: gain(0.5, 0, 1, 4), host: null, pulse: null },
  },
  goalsMet: 0.75,
};
const two: DurationOutcome = { ...four, durationWeeks: 2, rotations: 3, self: gain(0.4, -0.2, 1, 3), bySkill: {} };
const report: OutcomesReport = {
  skills: ['negotiation', 'closing', 'persistence', 'discovery calls'],
  finishedRotations: 12,
  runningRotations: 3,
  byDuration: [four, two],
  recommendation: {
    durationWeeks: 4,
    statement: 'Rotations of 4 weeks teach most.',
    basis: '9 rotations of 4 weeks against 3 of 2 weeks.',
  },
  method: 'Student t 95% intervals.',
};
const page = (items: unknown[], total = items.length, n = 1) => ({ items, total, page: n, pageSize: 200 });

describe('InsightsPage', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<InsightsPage>;
  let el: HTMLElement;

  async function settle(): Promise<void> {
    for (let i = 0; i < 4; i++) {
      await fixture.whenStable();
      fixture.detectChanges();
    }
  }

  async function open(url: string, answer: OutcomesReport): Promise<URLSearchParams> {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([{ path: 'insights', component: InsightsPage }]),
        { provide: SessionService, useValue: { user: signal(maria), hasRole: () => true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    await TestBed.inject(Router).navigateByUrl(url);
    fixture = TestBed.createComponent(InsightsPage);
    fixture.detectChanges();
    http.expectOne((r) => r.url === '/api/teams').flush(page(teams));
    http.expectOne((r) => r.url === '/api/users').flush(page([maria]));
    const call = http.expectOne((r) => r.url === '/api/stats/outcomes');
    call.flush(answer);
    await settle();
    el = fixture.nativeElement as HTMLElement;
    return new URLSearchParams(call.request.params.toString());
  }

  const text = (selector: string) => el.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  afterEach(() => http.verify());

  it('answers first, then shows each length from three viewpoints with intervals and n', async () => {
    await open('/insights', report);
    expect(text('[data-testid="statement"]')).toBe('Rotations of 4 weeks teach most.');
    expect(text('[data-testid="basis"]')).toBe('9 rotations of 4 weeks against 3 of 2 weeks.');
    expect(text('[data-testid="running"]')).toBe('3 rotations still running are not counted.');

    const groups = [...el.querySelectorAll('[data-testid="duration-gains"] .group')];
    expect(groups.map((g) => g.querySelector('.group-label')?.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      '2 weeks 3 finished rotations',
      '4 weeks 9 finished rotations',
    ]);
    const rows = [...(groups[1]?.querySelectorAll('.row') ?? [])].map((r) =>
      r.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(rows).toEqual([
      'Self +1.2 (95% CI +0.8 to +1.6) · n = 9',
      'Host +0.9 (95% CI +0.4 to +1.4) · n = 8',
      'Pulse too few for an interval · n = 1',
    ]);
    expect(groups[1]?.querySelectorAll('.whisker')).toHaveLength(2);

    const shares = [...el.querySelectorAll('[data-testid="shares"] tbody tr')].map((r) =>
      [...r.querySelectorAll('th, td')].map((c) => c.textContent?.replace(/\s+/g, ' ').trim()),
    );
    expect(shares).toEqual([
      ['2 weeks', '3', '9', '8', '1', '100% of 1', '75%'],
      ['4 weeks', '9', '9', '8', '1', '100% of 1', '75%'],
    ]);

    // The skill breakdown opens on the recommended length, every policy skill listed.
    const skills = [...el.querySelectorAll('[data-testid="skill-gains"] .group')];
    expect(skills.map((g) => g.querySelector('.group-label')?.textContent?.trim())).toEqual([
      'Negotiation',
      'Closing',
      'Persistence',
      'Discovery calls',
    ]);
    expect(skills[3]?.textContent).toContain('+0.5 (95% CI 0 to +1) · n = 4');
    expect(text('[data-testid="method"]')).toBe('How the intervals are computed: Student t 95% intervals.');
  });

  it('says plainly when there is not enough evidence, filtered by the period, region and team in the URL', async () => {
    const params = await open(`/insights?from=2027-01-01&to=2027-06-30&region=EMEA&team=${TEAM}`, {
      ...report,
      finishedRotations: 0,
      runningRotations: 1,
      byDuration: [],
      recommendation: null,
      reason: 'No rotation has finished yet: a recommendation needs 8 of two lengths.',
    });
    expect(Object.fromEntries(params)).toEqual({ from: '2027-01-01', to: '2027-06-30', region: 'EMEA', teamId: TEAM });
    expect(text('[data-testid="statement"]')).toBe(
      'Not enough evidence yet: no rotation has finished yet: a recommendation needs 8 of two lengths.',
    );
    expect(el.querySelector('[data-testid="basis"]')).toBeNull();
    expect(text('[data-testid="running"]')).toBe('1 rotation still running is not counted.');
    expect(el.querySelector('[data-testid="duration-gains"]')).toBeNull();
    expect(el.textContent).toContain('No finished rotations here yet');
  });

  it('exports every page of the evidence as CSV, one row per rotation', async () => {
    await open('/insights?region=NA', report);
    const row: RotationOutcome = {
      placementId: 'p',
      pmName: 'Lena',
      teamName: 'NA SMB',
      region: 'NA',
      startDate: '2027-01-04',
      endDate: '2027-01-31',
      durationWeeks: 4,
      finished: true,
      kickoff: { negotiation: 1, closing: 1, persistence: 1, 'discovery calls': 1 },
      final: null,
      host: null,
      pulse: null,
      wouldSendAgain: null,
      goalOutcomes: null,
    };
    [...el.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Export CSV')?.click();
    await settle();
    const first = http.expectOne((r) => r.url === '/api/stats/outcomes/rotations' && r.params.get('page') === '1');
    expect(first.request.params.get('region')).toBe('NA');
    expect(first.request.params.get('pageSize')).toBe('200');
    first.flush(
      page(
        Array.from({ length: 200 }, () => row),
        201,
      ),
    );
    await settle();
    http
      .expectOne((r) => r.url === '/api/stats/outcomes/rotations' && r.params.get('page') === '2')
      .flush(page([{ ...row, pmName: '@evil' }], 201, 2));
    await settle();

    const [blob, name] = (saveBlob as jest.Mock).mock.calls[0] as [Blob, string];
    expect(name).toBe('stint-outcomes.csv');
    const csv = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(blob);
    });
    const lines = csv.trimEnd().split('\n');
    expect(lines).toHaveLength(202);
    expect(lines[0]).toContain('pm,team,region,start,end,weeks,finished,kickoff_negotiation');
    expect(lines[0]).toContain('pulse_discovery_calls,would_send_again,goals_met,goals_partly_met,goals_not_met');
    expect(lines[201]?.startsWith("'@evil,NA SMB,NA,2027-01-04,2027-01-31,4,true,1,1,1,1,")).toBe(true);
  });
});
