import { firstName, whose } from './whose';

describe('whose', () => {
  it('says Your to the PM, and the PM’s first name to anyone else', () => {
    expect(whose(true, 'Ana Lima')).toBe('Your');
    expect(whose(false, 'Ana Lima')).toBe('Ana’s');
    expect(whose(false, 'Lena')).toBe('Lena’s');
  });

  it('never leaves a blank where the name is unknown', () => {
    expect(whose(false, '')).toBe('The PM’s');
    expect(whose(false, null)).toBe('The PM’s');
    expect(firstName('  María José Ortega ')).toBe('María');
  });
});
