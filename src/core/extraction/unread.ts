/**
 * Sentences that look like instructions but gave no assignment ("câu có vẻ giao việc nhưng
 * chưa đọc được"): the clerk sees them beside the proposal and can add each in one click,
 * with the lead and the deadline the sentence itself names pre-filled.
 */
import type { TAssignment } from './assignment-types';
import { CLOSING } from './attachment';
import { findDeadlines } from './deadline';
import type { TLead } from './leads';
import { findTaskRecurrence } from './recurrence';
import { splitBlocks, splitSentences } from './sentences';
import { findUnitMentions, mentionName } from './units';
import type { TRecurrence } from './recurrence';

export type TUnreadSentence = {
  start: number;
  end: number;
  text: string;
  /** The first body the sentence names, or the letter's addressee, when there is one. */
  lead: string | null;
  deadline: string | null;
  deadlineText: string | null;
  recurrence: TRecurrence | null;
};

/** Words of the genre that put a duty on someone. */
const CUE =
  /(?<![\p{L}])(?:giao|yêu\s+cầu|đề\s+nghị|chỉ\s+đạo|(?:có|chịu)\s+trách\s+nhiệm|chủ\s+trì|phối\s+hợp|tham\s+mưu|báo\s+cáo|khẩn\s+trương|hoàn\s+thành|triển\s+khai|đôn\s+đốc|tổ\s+chức\s+thực\s+hiện)(?![\p{L}])/iu;
/** Preambles, reasons and closings: they carry the cue words but assign nothing. */
const NOT_AN_INSTRUCTION =
  /^\s*(?:Căn\s+cứ|Xét\s+(?:đề\s+nghị|Tờ\s+trình)|Theo\s+đề\s+nghị|Thực\s+hiện\s+(?:Quyết\s+định|Công\s+văn|Kế\s+hoạch|Chỉ\s+thị|Nghị)|Nơi\s+nhận|-\s*(?:Như|Lưu)|Trong\s+quá\s+trình\s+(?:thực\s+hiện|triển\s+khai)|[IVX]+\.\s|Số:|Ban\s+hành\s+kèm\s+theo|Quyết\s+định\s+này\s+có\s+hiệu\s+lực)/u;
/** What was done or reported, praise and blame, captions and voters' questions: no duty to add. */
const NARRATIVE =
  /(?:(?:đã|đang|vừa)\s+(?:được\s+)?(?:giao|hoàn\s+thành|triển\s+khai|ban\s+hành|ký|có\s+văn\s+bản|chỉ\s+đạo|tổ\s+chức)|theo\s+báo\s+cáo|phê\s+bình|biểu\s+dương|ghi\s+nhận|[Cc]ử\s+tri|Ảnh:|hoàn\s+thành\s+\d+|nhận\s+được|ban\s+hành\s+(?:Công\s+văn|Văn\s+bản|văn\s+bản|Kế\s+hoạch|Quyết\s+định|Chỉ\s+thị|Thông\s+báo|Công\s+điện))/u;
/** The issuing committee and its leaders, who give the duty rather than take it. */
const ISSUER_LIKE = /^(?:(?:Phó\s+)?Chủ\s+tịch\s+)?(?:UBND|Ủy\s+ban\s+[Nn]hân\s+dân|Uỷ\s+ban\s+[Nn]hân\s+dân)\s+(?:tỉnh|thành\s+phố|TP)/u;

/** "… chịu trách nhiệm thi hành Quyết định này": the closing formula. */
const CLOSING_FORMULA = /(?:thi\s+hành|căn\s+cứ\s+quyết\s+định\s+thi\s+hành)\s+(?:Quyết\s+định|Chỉ\s+thị)\s+này/iu;

const isCaps = (s: string): boolean => {
  const letters = s.replace(/[^\p{L}]/gu, '');
  return letters.length >= 4 && letters === letters.toUpperCase();
};

export function unreadSentences(
  text: string,
  assignments: Array<Pick<TAssignment, 'sourceStart' | 'sourceEnd'>>,
  documentDate: string | null,
  addressees: TLead[] = [],
): TUnreadSentence[] {
  const covered = (start: number, end: number): boolean => assignments.some((a) => a.sourceStart < end && a.sourceEnd > start);
  const out: TUnreadSentence[] = [];
  let closed = false;
  for (const block of splitBlocks(text)) {
    const whole = text.slice(block.start, block.end);
    if (CLOSING.test(text.slice(block.contentStart, block.end))) closed = true;
    if (closed || /^\s*\|/.test(whole) || isCaps(whole)) continue;
    // A title or a caption: one short line without final punctuation.
    if (!/\n/.test(whole.trim()) && whole.trim().length < 140 && !/[.;:!?…]["”)]?\s*$/u.test(whole)) continue;
    for (const s of splitSentences(text, { start: block.contentStart, end: block.end })) {
      const sentence = text.slice(s.start, s.end);
      if (sentence.length < 25 || !CUE.test(sentence) || NOT_AN_INSTRUCTION.test(sentence) || CLOSING_FORMULA.test(sentence) || NARRATIVE.test(sentence)) continue;
      // An introduction ("… thực hiện các nội dung sau:") is read through its items.
      if (covered(s.start, s.end) || /:\s*$/.test(sentence)) continue;
      const mention = findUnitMentions(text, s.start, s.end).find((m) => !ISSUER_LIKE.test(m.text));
      const deadline = findDeadlines(sentence, documentDate)[0] ?? null;
      const recurrence = findTaskRecurrence(sentence);
      out.push({
        start: s.start,
        end: s.end,
        text: sentence.replace(/\s+/g, ' ').trim(),
        lead: mention ? mentionName(mention, text) : (addressees[0]?.text ?? null),
        deadline: deadline?.date ?? null,
        deadlineText: deadline ? deadline.text : recurrence ? recurrence.text : null,
        recurrence: recurrence?.recurrence ?? null,
      });
    }
  }
  return out.slice(0, MAX_UNREAD);
}

/** More than this is not a list a clerk reads; the text itself is there beside it. */
const MAX_UNREAD = 40;
