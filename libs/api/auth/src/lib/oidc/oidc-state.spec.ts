import { openAttempt, safeReturnPath, sealAttempt, type OidcAttempt } from './oidc-state';
import { roleFromClaims } from './oidc-roles';

const attempt: OidcAttempt = { state: 's', nonce: 'n', codeVerifier: 'v', returnTo: '/approvals', expiresAt: 2_000 };

describe('the sign-in attempt cookie', () => {
  it('opens what it sealed, with the same secret, before it expires', () => {
    expect(openAttempt(sealAttempt(attempt, 'secret'), 'secret', 1_000)).toEqual(attempt);
  });

  it('refuses another secret, an altered payload, an expired attempt and junk', () => {
    const sealed = sealAttempt(attempt, 'secret');
    expect(openAttempt(sealed, 'other', 1_000)).toBeNull();
    const forged = sealAttempt({ ...attempt, returnTo: '//evil.example' }, 'other').split('.')[0];
    expect(openAttempt(`${forged}.${sealed.split('.')[1]}`, 'secret', 1_000)).toBeNull();
    expect(openAttempt(sealed, 'secret', 2_000)).toBeNull();
    for (const junk of [null, '', 'a', 'a.b.c', '.', 'x.y']) expect(openAttempt(junk, 'secret', 1_000)).toBeNull();
  });
});

describe('safeReturnPath', () => {
  it('keeps paths on this site and sends anything else home', () => {
    expect(safeReturnPath('/my-rotations?offer=1')).toBe('/my-rotations?offer=1');
    for (const bad of ['https://evil.example/', '//evil.example', '/\\evil', 'approvals', '/api/me', 42, undefined])
      expect(safeReturnPath(bad)).toBe('/');
  });
});

describe('roleFromClaims', () => {
  const config = { roleClaim: 'groups', adminValues: ['stint-admins'], managerValues: ['sales-leads', 'pm-leads'] };

  it('maps claim values to the highest role they name', () => {
    expect(roleFromClaims({ groups: ['pm-leads', 'stint-admins'] }, config)).toBe('admin');
    expect(roleFromClaims({ groups: ['everyone', 'sales-leads'] }, config)).toBe('manager');
    expect(roleFromClaims({ groups: 'sales-leads' }, config)).toBe('manager');
    expect(roleFromClaims({ groups: ['everyone'] }, config)).toBe('pm');
  });

  it('says nothing when no claim is configured or the token lacks it', () => {
    expect(roleFromClaims({ groups: ['stint-admins'] }, { ...config, roleClaim: null })).toBeNull();
    expect(roleFromClaims({}, config)).toBeNull();
  });
});
