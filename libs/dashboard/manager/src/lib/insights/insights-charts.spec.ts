import type { TeamInsight } from './insights';
import {
  completionChart,
  completionSummary,
  durationChart,
  durationSummary,
  PALETTE,
  scatterChart,
  scatterSummary,
  skillChart,
  skillSummary,
} from './insights-charts';

const team = (teamName: string, rated: number, negotiation: number | null): TeamInsight => ({
  teamId: teamName,
  teamName,
  placements: 2,
  rated,
  averageWeeks: 4,
  negotiation,
  closing: 0.5,
  persistence: null,
});

describe('insight charts', () => {
  it('draws rotation lengths as bars and says them in words', () => {
    const histogram = [
      { weeks: 2, count: 3 },
      { weeks: 4, count: 1 },
    ];
    const config = durationChart(histogram);
    expect(config.type).toBe('bar');
    expect(config.data.labels).toEqual(['2 wk', '4 wk']);
    expect(config.data.datasets[0]?.data).toEqual([3, 1]);
    expect(durationSummary(histogram)).toBe('Bar chart of rotation lengths: 3 of 2 weeks, 1 of 4 weeks.');
  });

  it('puts all teams first, then each team with rated rotations in its own colour', () => {
    const overall = { negotiation: 1, closing: -0.5, persistence: null };
    const config = skillChart(overall, [team('NA SMB', 1, 2), team('Unrated', 0, null), team('EMEA', 3, null)]);
    expect(config.data.labels).toEqual(['Negotiation', 'Closing', 'Persistence']);
    expect(config.data.datasets.map((d) => [d.label, d.data, d.backgroundColor])).toEqual([
      ['All teams', [1, -0.5, 0], '#1a1c1e'],
      ['NA SMB', [2, 0.5, 0], PALETTE[0]],
      ['EMEA', [0, 0.5, 0], PALETTE[1]],
    ]);
    expect(skillSummary(overall)).toBe('Bar chart of mean rating change: Negotiation +1, Closing −0.5, Persistence —.');
  });

  it('plots length against change with the mean per length over it', () => {
    const config = scatterChart(
      [
        { x: 2, y: 0.5 },
        { x: 4, y: 1 },
      ],
      [{ weeks: 2, mean: 0.5 }],
    );
    expect(config.data.datasets.map((d) => d.label)).toEqual(['Rotation', 'Mean by length']);
    expect(config.data.datasets[1]?.data).toEqual([{ x: 2, y: 0.5 }]);
    expect(scatterSummary([{ x: 2, y: 0.5 }], [])).toBe(
      'Scatter of 1 rotations, length in weeks against mean skill change; by length: .',
    );
  });

  it('shows completion per month in percent, leaving months with nothing due empty', () => {
    const months = [
      { month: '2027-01', completed: 3, due: 4, rate: 0.75 },
      { month: '2027-02', completed: 0, due: 0, rate: null },
    ];
    expect(completionChart(months).data.datasets[0]?.data).toEqual([75, null]);
    expect(completionSummary(months)).toBe('Line chart of check-in completion per month: 2027-01 75%, 2027-02 —.');
  });
});
