import { feedTokenHash, isFeedToken, newFeedToken } from './feed-token';

describe('feed tokens', () => {
  it('are 32 random bytes in base64url, never twice the same', () => {
    const tokens = new Set(Array.from({ length: 1000 }, newFeedToken));
    expect(tokens.size).toBe(1000);
    for (const token of tokens) {
      expect(isFeedToken(token)).toBe(true);
      expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    }
  });

  it('refuse anything else before a lookup', () => {
    for (const text of ['', 'short', 'A'.repeat(42), 'A'.repeat(44), `${'A'.repeat(42)}=`, `${'A'.repeat(42)}/`])
      expect(isFeedToken(text)).toBe(false);
  });

  it('are stored as their SHA-256, never as themselves', () => {
    const token = newFeedToken();
    expect(feedTokenHash(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(feedTokenHash(token)).toBe(feedTokenHash(token));
    expect(feedTokenHash(token)).not.toContain(token);
  });
});
