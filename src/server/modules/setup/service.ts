import type { TSetupClaim, TSetupStatus, TSetupStep } from '../../../contracts/setup';
import { SETUP_STEPS } from '../../../contracts/setup';
import { passwordProblems } from '../../../core/auth/password-policy';
import { foldVietnamese, normalizeText } from '../../../core/text/fold';
import { getSetting } from '../../app-settings';
import { recordAudit, type AuditContext } from '../../audit';
import type { Deps } from '../../context';
import { AppError } from '../../errors';
import { hashPassword } from '../auth/service';
import { nationalProvince, provinceFullName } from '../units/national';
import { insertUnit, rebuildClosure } from '../units/queries';
import { setupCodeMatches } from './code';
import { deleteSetupCode, insertAdmin, insertClaim, insertProvince, loadedCounts, mergeStepState, setupClosed } from './queries';

/** A floor, not a founding date: departments and plans of earlier years fit under the root. */
export const ROOT_VALID_FROM = '2000-01-01';

type StepStates = TSetupStatus['steps'];
interface Claimed {
  provinceCode: string;
  provinceName: string;
  rootUnitId: string;
}

const closedError = () => new AppError('CONFLICT', 'Hệ thống đã được khởi tạo: trang khởi tạo đã đóng. Hãy đăng nhập bằng tài khoản quản trị.');

export async function setupStatus(deps: Deps): Promise<TSetupStatus> {
  const [closed, claimed, steps, loaded] = await Promise.all([
    setupClosed(deps.db),
    getSetting<Claimed>(deps.db, 'setup.claimed'),
    getSetting<Partial<StepStates>>(deps.db, 'setup.steps'),
    loadedCounts(deps.db),
  ]);
  return {
    open: !closed,
    province: claimed ? { code: claimed.provinceCode, name: claimed.provinceName } : null,
    steps: Object.fromEntries(SETUP_STEPS.map((s) => [s, steps?.[s] ?? 'todo'])) as StepStates,
    loaded,
  };
}

/**
 * The first administrator claims the install: the code printed in the server log (or
 * ADMIN_PASSWORD) proves they run the server. Creates the province, its People's Committee
 * as the root unit and the administrator in it, in one transaction; afterwards setup is
 * closed for good, whoever asks.
 */
export async function claimSetup(deps: Deps, ctx: AuditContext, input: TSetupClaim): Promise<{ username: string; rootUnitId: string }> {
  if (await setupClosed(deps.db)) throw closedError();
  if (!(await setupCodeMatches(deps.db, input.code))) {
    throw new AppError('FORBIDDEN', 'Mã khởi tạo không đúng. Mã được in trong nhật ký của máy chủ khi khởi động (hoặc là giá trị ADMIN_PASSWORD).', 'code');
  }
  const province = nationalProvince(input.provinceCode);
  if (!province) throw new AppError('VALIDATION', 'Không có tỉnh, thành phố với mã này trong danh mục 34 tỉnh, thành phố', 'provinceCode');
  const problems = passwordProblems(input.password, input.username);
  if (problems.length) throw new AppError('VALIDATION', problems.join('; '), 'password');
  const hash = await hashPassword(input.password);
  const fullName = provinceFullName(province);
  return deps.db.transaction(async (tx) => {
    if (await setupClosed(tx)) throw closedError();
    await insertProvince(tx, province.code, fullName);
    const rootName = `Ủy ban nhân dân ${fullName.charAt(0).toLowerCase()}${fullName.slice(1)}`;
    const rootUnitId = await insertUnit(tx, {
      province_id: province.code,
      code: province.code,
      name: rootName,
      name_folded: foldVietnamese(rootName),
      short_name: `UBND ${fullName.charAt(0).toLowerCase()}${fullName.slice(1)}`,
      kind: 'city_committee',
      level: 0,
      parent_id: null,
      valid_from: ROOT_VALID_FROM,
      valid_to: null,
    });
    await rebuildClosure(tx);
    const username = input.username.trim();
    const userId = await insertAdmin(tx, { username, password_hash: hash, full_name: normalizeText(input.fullName), unit_id: rootUnitId });
    const claimed: Claimed = { provinceCode: province.code, provinceName: fullName, rootUnitId };
    if (!(await insertClaim(tx, claimed))) throw closedError();
    await deleteSetupCode(tx);
    const actor = { ...ctx, actorId: userId, actorName: username };
    await recordAudit(tx, actor, { action: 'create', entity: 'unit', entityId: rootUnitId, after: { code: province.code, name: rootName } });
    await recordAudit(tx, actor, { action: 'create', entity: 'user', entityId: userId, after: { username, role: 'admin', via: 'setup' } });
    return { username, rootUnitId };
  });
}

export async function markStep(deps: Deps, step: TSetupStep, state: 'done' | 'skipped' | 'todo'): Promise<TSetupStatus> {
  await mergeStepState(deps.db, step, state);
  return setupStatus(deps);
}

export async function provinceOfSetup(deps: Deps): Promise<Claimed> {
  const claimed = await getSetting<Claimed>(deps.db, 'setup.claimed');
  if (!claimed) throw new AppError('CONFLICT', 'Hệ thống chưa được khởi tạo từ trang khởi tạo: chưa chọn tỉnh, thành phố');
  return claimed;
}
