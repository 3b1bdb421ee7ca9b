import type { ApiErrorBody, RuleCheck } from '@stint/contracts';
import { capacityFull, fullSentence, proposalStatus, slotsFromError } from './proposal-slots';

const slot = { teamId: 't', teamName: 'Berlin', startDate: '2099-02-02', endDate: '2099-02-15' };
const request = { startDate: '2099-01-05', endDate: '2099-01-18' };
const ISO = /\d{4}-\d{2}-\d{2}/;

function check(capacityOk: boolean): RuleCheck {
  return {
    checks: [
      { rule: 'team', ok: true },
      { rule: 'capacity', ok: capacityOk },
    ],
  } as unknown as RuleCheck;
}

describe('capacityFull', () => {
  it('is true when approving found the team full or the rule check says so, and only then', () => {
    expect(capacityFull(check(false), false)).toBe(true);
    expect(capacityFull(check(true), true)).toBe(true);
    expect(capacityFull(null, true)).toBe(true);
    expect(capacityFull(check(true), false)).toBe(false);
    expect(capacityFull(null, false)).toBe(false);
  });
});

describe('slotsFromError', () => {
  const body = (code: ApiErrorBody['code'], suggestions: unknown): ApiErrorBody => ({
    statusCode: 409,
    code,
    message: 'm',
    details: { suggestions },
  });

  it('takes the well-formed suggestions of a CAPACITY_FULL answer', () => {
    expect(slotsFromError(body('CAPACITY_FULL', [slot, { startDate: 'soon' }, null]))).toEqual([slot]);
  });

  it('has none for another answer or a malformed one', () => {
    expect(slotsFromError(body('INVALID_STATE', [slot]))).toEqual([]);
    expect(slotsFromError(body('CAPACITY_FULL', 'later'))).toEqual([]);
    expect(slotsFromError(null)).toEqual([]);
  });
});

describe('fullSentence', () => {
  it('says in words that the team is full on the dates and what to do, with no ISO date or code name', () => {
    const text = fullSentence(request, 'Lena', 'Berlin', [slot]);
    expect(text).toContain('Berlin has no free place on');
    expect(text).toContain('Propose one of the next free starts below');
    expect(text).not.toMatch(ISO);
    expect(text).not.toContain('CAPACITY_FULL');
  });

  it('points to the waitlist when there is no free start', () => {
    expect(fullSentence(request, 'Lena', 'Berlin', [])).toContain('add the request to the waitlist');
  });
});

describe('proposalStatus', () => {
  it('names the proposed dates in words while a proposal is open', () => {
    const open = {
      proposal: { ...slot, proposedBy: 'h', proposedByName: 'Sam', proposedAt: '2099-01-01T00:00:00Z' },
    };
    const text = proposalStatus(open, 'Lena');
    expect(text).toContain('You proposed');
    expect(text).toContain('to Lena');
    expect(text).not.toMatch(ISO);
    expect(proposalStatus({ proposal: null }, 'Lena')).toBeNull();
  });
});
