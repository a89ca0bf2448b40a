import { hashPassword } from '../src/server/modules/auth/service';
import { call, login } from '../test/helpers/api';
import { startTestServer } from '../test/helpers/server';
import { medianMs, type BenchResult } from './types';

/** The cost of the foundation's hot paths: hashing a password, a login, the unit tree. */
export async function benchFoundation(): Promise<BenchResult[]> {
  const s = await startTestServer({ listen: false });
  try {
    const admin = await login(s.app, 'admin');
    const units = (await call(s.app, admin, 'GET', '/api/units?asOf=2024-01-01')).json().length as number;
    return [
      { name: 'argon2id hash (one password)', rows: 1, ms: await medianMs(5, () => hashPassword('HaiPhong-Bench-2026')) },
      { name: 'POST /api/auth/login', rows: 1, ms: await medianMs(5, () => login(s.app, 'admin')) },
      { name: 'GET /api/units?asOf=2024-01-01', rows: units, ms: await medianMs(20, () => call(s.app, admin, 'GET', '/api/units?asOf=2024-01-01')) },
    ];
  } finally {
    await s.close();
  }
}
