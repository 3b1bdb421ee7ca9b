import { containsPattern } from './like-pattern';

describe('containsPattern', () => {
  it("matches anywhere and takes the user's wildcards literally", () => {
    expect(containsPattern('ann')).toBe('%ann%');
    expect(containsPattern('50%_off\\')).toBe('%50\\%\\_off\\\\%');
  });
});
