/**
 * How sure the reader is of an assignment, and why, in the clerk's words: a lead read after
 * "Giao" or from a task table's "chủ trì" column is surer than a unit that merely opens a
 * sentence; a deadline written but not understood lowers it.
 */
import type { TAssignment, TConfidence, TVia } from './assignment-types';

const VIA_WHY: Record<TVia, string> = {
  giao: 'tên đơn vị đứng ngay sau “giao”',
  request: 'tên đơn vị đứng ngay sau “yêu cầu/đề nghị”',
  chi_dao: 'tên đơn vị đứng ngay sau “chỉ đạo”',
  responsible: 'đơn vị đứng trước “có/chịu trách nhiệm”',
  owner_label: 'nhãn “Cơ quan chủ trì:”',
  subject: 'đơn vị đứng đầu câu, tiếp theo là việc phải làm',
  passive: 'câu “… được giao …”',
  for_unit: 'câu “Đối với …”',
  topic: 'đơn vị nêu trước dấu hai chấm, các ý sau thuộc về đơn vị',
  heading: 'đơn vị là tiêu đề của mục, các ý bên dưới thuộc về đơn vị',
  list: 'câu giao việc mở đầu danh sách, mỗi ý là một nhiệm vụ',
  table: 'dòng của bảng nhiệm vụ, cột “chủ trì”',
  addressee: 'câu không có chủ ngữ: giao cho đơn vị ở “Kính gửi”',
};

const STRENGTH: Record<TVia, number> = {
  giao: 3,
  owner_label: 3,
  table: 3,
  heading: 3,
  request: 3,
  chi_dao: 2,
  responsible: 2,
  passive: 2,
  list: 2,
  topic: 2,
  subject: 2,
  for_unit: 2,
  addressee: 1,
};

type TUnexplained = Omit<TAssignment, 'confidence' | 'why'>;

export function explainAssignment(a: TUnexplained): TAssignment {
  let score = STRENGTH[a.via];
  const reasons = [VIA_WHY[a.via]];
  if (a.task.trim().split(/\s+/).length < 3) {
    score--;
    reasons.push('việc phải làm quá ngắn');
  }
  if (a.deadlineText && a.deadline === null && a.recurrence === null) {
    score--;
    reasons.push(`chưa đọc được ngày từ “${a.deadlineText}”`);
  } else if (a.deadline) reasons.push(`hạn đọc từ “${a.deadlineText ?? a.deadline}”`);
  else if (a.recurrence) reasons.push(`định kỳ đọc từ “${a.deadlineText ?? ''}”`);
  else reasons.push('không thấy hạn');
  const confidence: TConfidence = score >= 3 ? 'high' : score === 2 ? 'medium' : 'low';
  return { ...a, confidence, why: reasons.join('; ') };
}
