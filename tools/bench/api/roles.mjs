// The three roles the bench asks as: the admin (sees everything), a manager and a PM.
import { login } from '../lib.mjs';
import { BENCH_PASSWORD } from '../seed.mjs';
import { BASE } from './config.mjs';

// manager0 hosts one team and line-manages the PMs whose number is a multiple of the manager count (9 of them at
// full scale, each with placements across the programme): realistic visibility, both sides of the OR/UNION.
export const MANAGER_EMAIL = 'manager0@bench.stint';
// pm5: an ordinary PM with a placement history, also the PM slot search is run for.
export const PM_EMAIL = 'pm5@bench.stint';

/** Signs in as each role; returns [{ role, token }] in a fixed order (admin, manager, PM). */
export async function signInRoles() {
  return [
    { role: 'admin', token: await login(BASE, 'admin@stint.local', 'admin') },
    { role: 'manager', token: await login(BASE, MANAGER_EMAIL, BENCH_PASSWORD) },
    { role: 'PM', token: await login(BASE, PM_EMAIL, BENCH_PASSWORD) },
  ];
}
