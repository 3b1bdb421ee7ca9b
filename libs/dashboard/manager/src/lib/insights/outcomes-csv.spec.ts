import type { RotationOutcome } from '@stint/contracts';
import { csvCell, csvSkills, outcomesCsv, outcomesFileName } from './outcomes-csv';

const finished: RotationOutcome = {
  placementId: 'p1',
  pmName: 'Lena, Jr.',
  teamName: 'NA SMB',
  region: 'NA',
  startDate: '2027-01-04',
  endDate: '2027-01-31',
  durationWeeks: 4,
  finished: true,
  kickoff: { negotiation: 1, closing: 2, persistence: 2, 'discovery calls': 1 },
  final: { negotiation: 3, closing: 3, persistence: 4, 'discovery calls': 3 },
  host: { negotiation: 3, closing: 2, persistence: 4, 'discovery calls': 2 },
  pulse: { negotiation: 4, closing: 3, persistence: 4, 'discovery calls': 3 },
  wouldSendAgain: true,
  goalOutcomes: [
    { goal: 'negotiation', result: 'met' },
    { goal: 'Run a call', result: 'partly_met' },
    { goal: 'closing', result: 'met' },
  ],
};
const running: RotationOutcome = {
  ...finished,
  placementId: 'p2',
  pmName: '=HYPERLINK("http://x")',
  finished: false,
  kickoff: { negotiation: 2, closing: 2, persistence: 3 },
  final: null,
  host: null,
  pulse: null,
  wouldSendAgain: null,
  goalOutcomes: null,
};

describe('outcomes export', () => {
  it('writes one row per rotation with every rating set per skill', () => {
    const skills = csvSkills(['negotiation', 'closing', 'persistence'], [finished, running]);
    expect(skills).toEqual(['negotiation', 'closing', 'persistence', 'discovery calls']);
    const [header, first, second, end] = outcomesCsv([finished, running], skills).split('\n');
    expect(header).toBe(
      [
        'pm,team,region,start,end,weeks,finished',
        'kickoff_negotiation,kickoff_closing,kickoff_persistence,kickoff_discovery_calls',
        'final_negotiation,final_closing,final_persistence,final_discovery_calls',
        'host_negotiation,host_closing,host_persistence,host_discovery_calls',
        'pulse_negotiation,pulse_closing,pulse_persistence,pulse_discovery_calls',
        'would_send_again,goals_met,goals_partly_met,goals_not_met',
      ].join(','),
    );
    expect(first).toBe('"Lena, Jr.",NA SMB,NA,2027-01-04,2027-01-31,4,true,1,2,2,1,3,3,4,3,3,2,4,2,4,3,4,3,true,2,1,0');
    expect(second).toBe(`"'=HYPERLINK(""http://x"")",NA SMB,NA,2027-01-04,2027-01-31,4,false,2,2,3,,,,,,,,,,,,,,,,,`);
    expect(end).toBe('');
  });

  it('keeps spreadsheet formulas from running', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+49 30')).toBe("'+49 30");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell(3)).toBe('3');
    expect(csvCell(null)).toBe('');
  });

  it('names the file after the period', () => {
    expect(outcomesFileName(null, null)).toBe('stint-outcomes.csv');
    expect(outcomesFileName('2027-01-01', '2027-06-30')).toBe('stint-outcomes-2027-01-01-2027-06-30.csv');
  });
});
