import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tyDong } from './money';
import {
  type ActorRole,
  type PipelineAction,
  type PipelineState,
  type PipelineTemplate,
  allowedActions,
  amountOutOfRange,
  applyTransition,
  currentStep,
  initialState,
  isFinished,
  replayTransitions,
  templateInForce,
  validateTemplate,
} from './pipeline';
import { PIPELINE_TEMPLATES } from './pipeline-templates';
import { resolveRoleUnit, ROLE_UNIT_ASSIGNMENTS } from './role-units';

function template(code: string): PipelineTemplate {
  const t = PIPELINE_TEMPLATES.find((x) => x.code === code);
  if (!t) throw new Error(code);
  return t;
}

const TX = template('ND73-TX');

function apply(state: PipelineState, action: PipelineAction, role: ActorRole, date: string): PipelineState {
  const r = applyTransition(TX, state, action, role, date);
  if (!r.ok) throw new Error(r.error.message);
  return r.state;
}

/** Recurrent activity walked to the disbursement step. */
function toDisbursement(): PipelineState {
  let s = initialState(TX, '2022-02-01');
  s = apply(s, { type: 'submit', documentNumber: '12/TTr-SNV' }, 'owner', '2022-03-01');
  s = apply(s, { type: 'appraise', comment: 'Đạt yêu cầu' }, 'technical_appraiser', '2022-03-15');
  s = apply(s, { type: 'appraise' }, 'finance_appraiser', '2022-03-25');
  s = apply(s, { type: 'approve', documentNumber: '845/QĐ-UBND' }, 'approver', '2022-04-01');
  s = apply(s, { type: 'allocate', amount: tyDong(2) }, 'finance_appraiser', '2022-04-15');
  s = apply(s, { type: 'contract', amount: tyDong(2) }, 'owner', '2022-05-20');
  s = apply(s, { type: 'accept' }, 'owner', '2022-09-30');
  return s;
}

describe('seed templates', () => {
  it('are all sound', () => {
    for (const t of PIPELINE_TEMPLATES) expect(validateTemplate(t), t.code).toEqual([]);
  });

  it('have unique codes', () => {
    const codes = PIPELINE_TEMPLATES.map((t) => t.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('put technical appraisal within the 10–14 working days seen in practice', () => {
    for (const t of PIPELINE_TEMPLATES) {
      for (const s of t.steps.filter((x) => x.actorRole === 'technical_appraiser')) {
        expect(s.timeLimitWorkingDays).toBeGreaterThanOrEqual(10);
        expect(s.timeLimitWorkingDays).toBeLessThanOrEqual(20);
      }
    }
  });
});

describe('templateInForce', () => {
  it('picks NĐ 73 until 25/01/2026 and NĐ 45 from 26/01/2026', () => {
    expect(templateInForce(PIPELINE_TEMPLATES, 'investment_project', '2022-05-01')?.code).toBe('ND73-DA');
    expect(templateInForce(PIPELINE_TEMPLATES, 'investment_project', '2026-01-25')?.code).toBe('ND73-DA');
    expect(templateInForce(PIPELINE_TEMPLATES, 'investment_project', '2026-01-26')?.code).toBe('ND45-DTHT');
    expect(templateInForce(PIPELINE_TEMPLATES, 'service_rental', '2026-03-01')?.law).toBe('NĐ 45/2026/NĐ-CP');
  });

  it('has no purchase template before NĐ 45 and nothing before NĐ 73', () => {
    expect(templateInForce(PIPELINE_TEMPLATES, 'purchase', '2025-12-31')).toBeNull();
    expect(templateInForce(PIPELINE_TEMPLATES, 'recurrent_activity', '2019-12-31')).toBeNull();
  });

  it('a newer row with a later validFrom wins without touching the old one', () => {
    const amended: PipelineTemplate = { ...TX, code: 'ND73-TX-2024', validFrom: '2024-07-10' };
    const all = [...PIPELINE_TEMPLATES, amended];
    expect(templateInForce(all, 'recurrent_activity', '2024-07-09')?.code).toBe('ND73-TX');
    expect(templateInForce(all, 'recurrent_activity', '2024-07-10')?.code).toBe('ND73-TX-2024');
  });

  it('checks the 200 triệu – 15 tỷ range of recurrent activities', () => {
    expect(amountOutOfRange(TX, 200_000_000n)).toMatch(/trên 200 triệu đồng/);
    expect(amountOutOfRange(TX, 200_000_001n)).toBeNull();
    expect(amountOutOfRange(TX, tyDong(15))).toBeNull();
    expect(amountOutOfRange(TX, tyDong(15) + 1n)).toMatch(/phải lập dự án/);
  });
});

describe('role → unit by date', () => {
  it('technical appraisal moves from Sở TT&TT to Sở KH&CN on 01/03/2025', () => {
    expect(resolveRoleUnit(ROLE_UNIT_ASSIGNMENTS, 'technical_appraiser', '2025-02-28')?.unitName).toBe(
      'Sở Thông tin và Truyền thông',
    );
    expect(resolveRoleUnit(ROLE_UNIT_ASSIGNMENTS, 'technical_appraiser', '2025-03-01')?.unitName).toBe(
      'Sở Khoa học và Công nghệ',
    );
  });

  it('investment capital appraisal moves from Sở KH&ĐT to Sở Tài chính; recurrent stays with Sở Tài chính', () => {
    expect(resolveRoleUnit(ROLE_UNIT_ASSIGNMENTS, 'finance_appraiser', '2022-01-01', 'investment_project')?.unitCode).toBe('SO_KHDT');
    expect(resolveRoleUnit(ROLE_UNIT_ASSIGNMENTS, 'finance_appraiser', '2025-03-01', 'investment_project')?.unitCode).toBe('SO_TC');
    expect(resolveRoleUnit(ROLE_UNIT_ASSIGNMENTS, 'finance_appraiser', '2022-01-01', 'recurrent_activity')?.unitCode).toBe('SO_TC');
    expect(resolveRoleUnit(ROLE_UNIT_ASSIGNMENTS, 'owner', '2022-01-01')).toBeNull();
  });
});

describe('applyTransition', () => {
  it('walks a recurrent activity from submission to full disbursement', () => {
    let s = toDisbursement();
    expect(currentStep(TX, s)?.code).toBe('thanh_toan');
    s = apply(s, { type: 'disburse', amount: tyDong(1) }, 'owner', '2022-10-10');
    expect(currentStep(TX, s)?.code).toBe('thanh_toan');
    s = apply(s, { type: 'disburse', amount: tyDong(1) }, 'owner', '2022-11-10');
    expect(isFinished(TX, s)).toBe(true);
    expect(s.disbursed).toBe(tyDong(2));
    expect(s.disbursements.map((d) => d.date)).toEqual(['2022-10-10', '2022-11-10']);
    expect(s.history[0]).toMatchObject({ action: 'submit', documentNumber: '12/TTr-SNV', fromStep: 0, toStep: 1 });
    expect(allowedActions(TX, s)).toEqual([]);
  });

  it('refuses approval before appraisal with a clear Vietnamese message', () => {
    const s = initialState(TX, '2022-02-01');
    const submitted = apply(s, { type: 'submit' }, 'owner', '2022-03-01');
    const r = applyTransition(TX, submitted, { type: 'approve' }, 'approver', '2022-03-02');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('illegal_action');
    expect(r.error.message).toMatch(/^Không thể phê duyệt khi hồ sơ chưa được thẩm định/);
  });

  it('refuses a step done by the wrong role', () => {
    const submitted = apply(initialState(TX, '2022-02-01'), { type: 'submit' }, 'owner', '2022-03-01');
    const r = applyTransition(TX, submitted, { type: 'appraise' }, 'owner', '2022-03-02');
    expect(r.ok || r.error.code).toBe('wrong_role');
    expect(r.ok || r.error.message).toMatch(/đơn vị thẩm định kỹ thuật/);
  });

  it('counts each return for revision and sends the dossier back to the owner', () => {
    let s = apply(initialState(TX, '2022-02-01'), { type: 'submit' }, 'owner', '2022-03-01');
    expect(allowedActions(TX, s).map((a) => a.type)).toEqual(['appraise', 'return_for_revision']);
    s = apply(s, { type: 'return_for_revision', comment: 'Bổ sung dự toán' }, 'technical_appraiser', '2022-03-10');
    expect(currentStep(TX, s)?.code).toBe('lap_ho_so');
    s = apply(s, { type: 'submit' }, 'owner', '2022-03-20');
    s = apply(s, { type: 'return_for_revision', comment: 'Chưa đạt' }, 'technical_appraiser', '2022-03-25');
    expect(s.revisions).toBe(2);
    expect(s.revisionsByStep).toEqual({ tham_dinh_ky_thuat: 2 });
    expect(s.stepStartedOn).toBe('2022-03-25');
  });

  it('requires a reason to return a dossier', () => {
    const s = apply(initialState(TX, '2022-02-01'), { type: 'submit' }, 'owner', '2022-03-01');
    const r = applyTransition(TX, s, { type: 'return_for_revision', comment: ' ' }, 'technical_appraiser', '2022-03-02');
    expect(r.ok || r.error.code).toBe('missing_comment');
  });

  it('refuses going back in time, over-disbursement and actions after the end', () => {
    const s = toDisbursement();
    const early = applyTransition(TX, s, { type: 'disburse', amount: 1n }, 'owner', '2022-09-01');
    expect(early.ok || early.error.message).toBe(
      'Ngày thực hiện (01/09/2022) không được trước ngày của bước trước (30/09/2022).',
    );
    const over = applyTransition(TX, s, { type: 'disburse', amount: tyDong(3) }, 'owner', '2022-10-01');
    expect(over.ok || over.error.code).toBe('over_disbursement');
    const done = apply(s, { type: 'disburse', amount: 1n, final: true }, 'owner', '2022-10-01');
    const after = applyTransition(TX, done, { type: 'disburse', amount: 1n }, 'owner', '2022-10-02');
    expect(after.ok || after.error.code).toBe('already_finished');
  });

  it('says when a step is already behind', () => {
    const s = toDisbursement();
    const r = applyTransition(TX, s, { type: 'submit' }, 'owner', '2022-10-01');
    expect(r.ok || r.error.message).toMatch(/hồ sơ đã qua bước này/);
  });

  it('replays stored events into the same state', () => {
    const events: Array<{ action: PipelineAction; actorRole: ActorRole; date: string }> = [
      { action: { type: 'submit' }, actorRole: 'owner', date: '2022-03-01' },
      { action: { type: 'return_for_revision', comment: 'Bổ sung' }, actorRole: 'technical_appraiser', date: '2022-03-05' },
      { action: { type: 'submit' }, actorRole: 'owner', date: '2022-03-07' },
    ];
    const r = replayTransitions(TX, '2022-02-01', events);
    expect(r.ok && r.state.revisions).toBe(1);
    const bad = replayTransitions(TX, '2022-02-01', [events[0]!, events[0]!]);
    expect(bad.ok).toBe(false);
  });

  it('whatever is attempted, the state only changes through allowed actions by the right role (property)', () => {
    const actions: PipelineAction[] = [
      { type: 'submit' },
      { type: 'appraise' },
      { type: 'return_for_revision', comment: 'Bổ sung' },
      { type: 'approve' },
      { type: 'allocate', amount: 1000n },
      { type: 'contract' },
      { type: 'accept' },
      { type: 'disburse', amount: 400n },
    ];
    const roles: ActorRole[] = ['owner', 'technical_appraiser', 'finance_appraiser', 'approver'];
    const attempt = fc.record({ action: fc.constantFrom(...actions), role: fc.constantFrom(...roles) });
    fc.assert(
      fc.property(fc.constantFrom(...PIPELINE_TEMPLATES), fc.array(attempt, { maxLength: 80 }), (t, attempts) => {
        let s = initialState(t, '2024-01-01');
        for (const a of attempts) {
          const allowed = allowedActions(t, s).some((x) => x.type === a.action.type && x.actorRole === a.role);
          const r = applyTransition(t, s, a.action, a.role, '2024-02-01');
          const overflow = !r.ok && r.error.code === 'over_disbursement';
          expect(r.ok || overflow).toBe(allowed);
          if (r.ok) {
            expect(r.state.history.length).toBe(s.history.length + 1);
            expect(r.state.stepIndex).toBeLessThanOrEqual(t.steps.length);
            expect(r.state.disbursed).toBeLessThanOrEqual(r.state.allocated ?? r.state.disbursed);
            s = r.state;
          }
        }
      }),
    );
  });
});
