import type { ActionType, ActorRole, PipelinePhase, ProjectKind, StepAction } from './pipeline-types';

export const ACTOR_ROLE_LABEL_VI: Readonly<Record<ActorRole, string>> = {
  owner: 'đơn vị chủ trì (chủ đầu tư)',
  technical_appraiser: 'đơn vị thẩm định kỹ thuật',
  finance_appraiser: 'cơ quan thẩm định kinh phí',
  approver: 'cấp có thẩm quyền phê duyệt',
};

/** Verb phrases: "Không thể {verb} …". */
export const ACTION_VERB_VI: Readonly<Record<ActionType, string>> = {
  submit: 'nộp hồ sơ',
  appraise: 'thẩm định',
  return_for_revision: 'trả lại hồ sơ để chỉnh sửa',
  approve: 'phê duyệt',
  allocate: 'phân bổ kinh phí',
  contract: 'ký hợp đồng',
  accept: 'nghiệm thu',
  disburse: 'giải ngân',
};

/** What is still missing while a step of this kind is open: "… khi {pending}". */
export const PENDING_VI: Readonly<Record<StepAction, string>> = {
  submit: 'hồ sơ chưa được nộp',
  appraise: 'hồ sơ chưa được thẩm định',
  approve: 'hồ sơ chưa được phê duyệt',
  allocate: 'kinh phí chưa được phân bổ',
  contract: 'chưa ký hợp đồng',
  accept: 'chưa nghiệm thu',
  disburse: 'chưa giải ngân',
};

export const PHASE_LABEL_VI: Readonly<Record<PipelinePhase, string>> = {
  preparation: 'Chuẩn bị đầu tư',
  implementation: 'Thực hiện đầu tư',
  close_out: 'Kết thúc đầu tư',
};

export const PROJECT_KIND_LABEL_VI: Readonly<Record<ProjectKind, string>> = {
  investment_project: 'Dự án đầu tư ứng dụng CNTT',
  recurrent_activity: 'Nhiệm vụ ứng dụng CNTT chi thường xuyên',
  service_rental: 'Thuê dịch vụ CNTT',
  purchase: 'Dự án mua sắm',
};
