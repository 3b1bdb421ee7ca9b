import type { OidcConfig } from '@stint/api-core';
import type { UserRole } from '@stint/contracts';

/**
 * The role the provider's claim gives: admin if any value is an admin value,
 * else manager if any is a manager value, else pm. Null when no role claim is
 * configured or the token does not carry it, so Stint keeps the role it has.
 */
export function roleFromClaims(
  claims: Record<string, unknown>,
  config: Pick<OidcConfig, 'roleClaim' | 'adminValues' | 'managerValues'>,
): UserRole | null {
  if (!config.roleClaim) return null;
  const raw = claims[config.roleClaim];
  if (raw === undefined || raw === null) return null;
  const values = (Array.isArray(raw) ? raw : [raw]).map((v) => String(v));
  if (values.some((v) => config.adminValues.includes(v))) return 'admin';
  if (values.some((v) => config.managerValues.includes(v))) return 'manager';
  return 'pm';
}
