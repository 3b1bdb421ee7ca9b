import type { ChartConfiguration } from 'chart.js';
import { formatChange, formatPercent, SKILL_LABEL, SKILLS } from '../shared/labels';
import type { CompletionMonth, SkillMeans, TeamInsight } from './insights';

/*
 * The four insight charts as Chart.js configurations, and each one's summary in words for screen readers (the
 * canvas's accessible name). Only types come from chart.js here: the library itself loads with the first chart.
 */

type Histogram = ReadonlyArray<{ weeks: number; count: number }>;
type Points = ReadonlyArray<{ x: number; y: number }>;
type Trend = ReadonlyArray<{ weeks: number; mean: number }>;

const BASE_OPTIONS = {
  responsive: true,
  maintainAspectRatio: false,
  animation: false as const,
  plugins: { legend: { display: false } },
};

export const PALETTE = ['#0b57d0', '#146c2e', '#b3261e', '#7d5260'];

export function durationChart(histogram: Histogram): ChartConfiguration {
  return {
    type: 'bar',
    data: {
      labels: histogram.map((d) => `${d.weeks} wk`),
      datasets: [{ label: 'Rotations', data: histogram.map((d) => d.count), backgroundColor: PALETTE[0] }],
    },
    options: {
      ...BASE_OPTIONS,
      scales: { y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'Rotations' } } },
    },
  };
}

/** The mean change per skill across all teams, then one bar group per team with rated rotations. */
export function skillChart(overall: SkillMeans, byTeam: readonly TeamInsight[]): ChartConfiguration {
  const teams = byTeam.filter((t) => t.rated > 0);
  return {
    type: 'bar',
    data: {
      labels: SKILLS.map((s) => SKILL_LABEL[s]),
      datasets: [
        { label: 'All teams', data: SKILLS.map((s) => overall[s] ?? 0), backgroundColor: '#1a1c1e' },
        ...teams.map((t, i) => ({
          label: t.teamName,
          data: SKILLS.map((s) => t[s] ?? 0),
          backgroundColor: PALETTE[i % PALETTE.length],
        })),
      ],
    },
    options: {
      ...BASE_OPTIONS,
      plugins: { legend: { display: true, position: 'bottom' } },
      scales: { y: { title: { display: true, text: 'Mean change (points)' } } },
    },
  };
}

/** Each rated rotation's length against its mean skill change, with the mean per length drawn over it. */
export function scatterChart(points: Points, trend: Trend): ChartConfiguration {
  return {
    type: 'scatter',
    data: {
      datasets: [
        {
          label: 'Rotation',
          data: points.map((p) => ({ x: p.x, y: p.y })),
          backgroundColor: PALETTE[0],
          pointRadius: 5,
        },
        {
          type: 'line',
          label: 'Mean by length',
          data: trend.map((t) => ({ x: t.weeks, y: t.mean })),
          borderColor: PALETTE[2],
          backgroundColor: PALETTE[2],
          pointRadius: 0,
        },
      ],
    } as ChartConfiguration['data'],
    options: {
      ...BASE_OPTIONS,
      plugins: { legend: { display: true, position: 'bottom' } },
      scales: {
        x: { type: 'linear', title: { display: true, text: 'Length (weeks)' }, ticks: { precision: 0 } },
        y: { title: { display: true, text: 'Mean skill change' } },
      },
    },
  };
}

export function completionChart(months: readonly CompletionMonth[]): ChartConfiguration {
  return {
    type: 'line',
    data: {
      labels: months.map((m) => m.month),
      datasets: [
        {
          label: 'Completed of due',
          data: months.map((m) => (m.rate === null ? null : Math.round(m.rate * 100))),
          borderColor: PALETTE[1],
          backgroundColor: PALETTE[1],
        },
      ],
    },
    options: {
      ...BASE_OPTIONS,
      scales: { y: { min: 0, max: 100, title: { display: true, text: 'Percent completed' } } },
    },
  };
}

export function durationSummary(histogram: Histogram): string {
  return `Bar chart of rotation lengths: ${histogram.map((d) => `${d.count} of ${d.weeks} weeks`).join(', ')}.`;
}

export function skillSummary(overall: SkillMeans): string {
  return `Bar chart of mean rating change: ${SKILLS.map((s) => `${SKILL_LABEL[s]} ${formatChange(overall[s])}`).join(', ')}.`;
}

export function scatterSummary(points: Points, trend: Trend): string {
  return `Scatter of ${points.length} rotations, length in weeks against mean skill change; by length: ${trend
    .map((t) => `${t.weeks} weeks ${formatChange(t.mean)}`)
    .join(', ')}.`;
}

export function completionSummary(months: readonly CompletionMonth[]): string {
  return `Line chart of check-in completion per month: ${months
    .map((m) => `${m.month} ${formatPercent(m.rate)}`)
    .join(', ')}.`;
}
