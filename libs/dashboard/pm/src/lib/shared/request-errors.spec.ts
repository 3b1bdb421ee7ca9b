import type { ApiErrorBody } from '@stint/contracts';
import { requestErrorsFrom } from './request-errors';

const error = (code: ApiErrorBody['code'], message: string, details: Record<string, unknown> = {}): ApiErrorBody => ({
  statusCode: 422,
  code,
  message,
  details,
});

describe('requestErrorsFrom', () => {
  it('puts a duration outside the policy next to the duration', () => {
    const mapped = requestErrorsFrom(
      error(
        'DURATION_OUT_OF_POLICY',
        'A rotation of 20 weeks is outside the policy. Pick a whole number of weeks from 1 to 12.',
      ),
      'x',
    );
    expect(mapped.fields).toEqual({
      durationWeeks: 'A rotation of 20 weeks is outside the policy. Pick a whole number of weeks from 1 to 12.',
    });
    expect(mapped.general).toBeNull();
  });

  it.each(['START_IN_PAST', 'BLACKOUT', 'PM_OVERLAP', 'CAPACITY_FULL'] as const)(
    'puts %s next to the dates',
    (code) => {
      expect(requestErrorsFrom(error(code, 'Pick other dates.'), 'x').fields).toEqual({
        startDate: 'Pick other dates.',
      });
    },
  );

  it('puts an inactive team next to the team', () => {
    expect(requestErrorsFrom(error('TEAM_INACTIVE', 'This team is not hosting rotations.'), 'x').fields).toEqual({
      teamId: 'This team is not hosting rotations.',
    });
  });

  it('explains every broken rule the API lists, each at its own field', () => {
    const mapped = requestErrorsFrom(
      error('TEAM_INACTIVE', 'Team is off.', {
        violations: [
          { code: 'TEAM_INACTIVE', message: 'Team is off.' },
          { code: 'DURATION_OUT_OF_POLICY', message: 'Too long.' },
          { code: 'BLACKOUT', message: 'Quarter-end close.' },
          { code: 'PM_OVERLAP', message: 'You are busy then.' },
        ],
      }),
      'x',
    );
    expect(mapped.fields).toEqual({
      teamId: 'Team is off.',
      durationWeeks: 'Too long.',
      startDate: 'Quarter-end close. You are busy then.',
    });
  });

  it('offers the next free slots when capacity is full', () => {
    const suggestion = { teamId: 't', teamName: 'NA SMB', startDate: '2027-02-01', endDate: '2027-02-14' };
    const mapped = requestErrorsFrom(error('CAPACITY_FULL', 'Full on 2027-01-05.', { suggestions: [suggestion] }), 'x');
    expect(mapped.suggestions).toEqual([suggestion]);
  });

  it('maps details.fields of a VALIDATION_FAILED per field, in words', () => {
    const mapped = requestErrorsFrom(
      error('VALIDATION_FAILED', 'The request is invalid.', {
        fields: {
          startDate: 'startDate must be a date like 2027-01-04',
          'goals.0': 'a goal must be at most 200 characters',
          motivation: 'motivation must be at most 2000 characters',
          extra: 'extra is not a known field; remove it',
        },
      }),
      'x',
    );
    expect(mapped.fields).toEqual({
      startDate: 'Start date must be a date like 2027-01-04.',
      goals: 'A goal must be at most 200 characters.',
      motivation: 'Motivation must be at most 2000 characters.',
    });
    expect(mapped.general).toBe('extra is not a known field; remove it');
  });

  it('keeps anything else as a general sentence', () => {
    expect(requestErrorsFrom(error('FORBIDDEN', 'Only the PM may edit.'), 'x')).toEqual({
      fields: {},
      general: 'Only the PM may edit.',
      suggestions: [],
    });
    expect(requestErrorsFrom(null, 'Cannot reach Stint.')).toEqual({
      fields: {},
      general: 'Cannot reach Stint.',
      suggestions: [],
    });
  });
});
