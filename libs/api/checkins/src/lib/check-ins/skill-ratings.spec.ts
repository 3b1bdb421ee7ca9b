import { parseGoalOutcomes, parseRatings } from './skill-ratings';

const skills = ['negotiation', 'closing', 'persistence', 'customer empathy'];

describe('parseRatings', () => {
  it('takes one whole number 1–5 for every policy skill', () => {
    const ratings = { negotiation: 1, closing: 5, persistence: 3, 'customer empathy': 2 };
    expect(parseRatings(ratings, skills)).toEqual({ ok: true, value: ratings });
  });

  it('names every missing, out-of-range or unknown skill at once', () => {
    const parsed = parseRatings({ negotiation: 0, closing: 2.5, persistence: '3', charm: 4 }, skills);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(Object.keys(parsed.fields).sort()).toEqual([
      'ratings.charm',
      'ratings.closing',
      'ratings.customer empathy',
      'ratings.negotiation',
      'ratings.persistence',
    ]);
    expect(parsed.fields['ratings.customer empathy']).toBe('customer empathy is required: a whole number from 1 to 5.');
    expect(parsed.fields['ratings.charm']).toContain('not a skill this programme rates');
  });

  it('refuses what is not an object, naming the skills wanted', () => {
    for (const value of [null, [1, 2, 3], 'four', 4]) {
      const parsed = parseRatings(value, skills, 'ratings');
      expect(parsed).toEqual({
        ok: false,
        fields: { ratings: expect.stringContaining('negotiation, closing, persistence, customer empathy') },
      });
    }
  });
});

describe('parseGoalOutcomes', () => {
  const goals = ['Run a discovery call', 'Handle a price objection'];

  it('allows leaving the goals unrevisited', () => {
    expect(parseGoalOutcomes(undefined, goals)).toEqual({ ok: true, value: null });
  });

  it('answers in the request’s goal order, each once', () => {
    const parsed = parseGoalOutcomes(
      [
        { goal: 'Handle a price objection', result: 'not_met' },
        { goal: 'Run a discovery call', result: 'met' },
      ],
      goals,
    );
    expect(parsed).toEqual({
      ok: true,
      value: [
        { goal: 'Run a discovery call', result: 'met' },
        { goal: 'Handle a price objection', result: 'not_met' },
      ],
    });
  });

  it('refuses unknown goals, repeats, bad results and a partial list', () => {
    const fieldsOf = (value: unknown) => {
      const parsed = parseGoalOutcomes(value, goals);
      return parsed.ok ? {} : parsed.fields;
    };
    expect(Object.keys(fieldsOf([{ goal: 'Juggle', result: 'met' }]))).toEqual(['goalOutcomes.0.goal']);
    expect(
      Object.keys(
        fieldsOf([
          { goal: 'Run a discovery call', result: 'met' },
          { goal: 'Run a discovery call', result: 'met' },
        ]),
      ),
    ).toEqual(['goalOutcomes.1.goal']);
    expect(Object.keys(fieldsOf([{ goal: 'Run a discovery call', result: 'mostly' }]))).toEqual([
      'goalOutcomes.0.result',
    ]);
    expect(fieldsOf([{ goal: 'Run a discovery call', result: 'partly_met' }])).toEqual({
      goalOutcomes: 'Revisit every learning goal: missing "Handle a price objection".',
    });
    expect(Object.keys(fieldsOf('all met'))).toEqual(['goalOutcomes']);
  });
});
