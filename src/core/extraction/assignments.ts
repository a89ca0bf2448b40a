/**
 * Assignments of a directive: who leads, who coordinates, what, by when, how often.
 *
 * A lead is recognised by the grammar of Vietnamese directives, never by the document:
 * - "Giao [cho] X …", "Yêu cầu X …", "Đề nghị X …" anywhere in a sentence;
 * - "X có trách nhiệm …" / "X chịu trách nhiệm …";
 * - X as the subject opening a clause ("Sở Tư pháp khẩn trương …"), also after a
 *   topic label ("Về …:"), a period ("Định kỳ hằng tháng …") or an opening phrase;
 * - X as a topic: "X: task", "Giao X:" over a list, or a numbered heading that is only
 *   a unit ("1. Sở Tài chính") over the items below it.
 * The issuing body itself (UBND tỉnh/thành phố, its Chủ tịch) never receives a task.
 */
import { foldVietnamese } from '../text/fold';
import { findDeadlines, type TDeadlineMatch } from './deadline';
import { findIrregularPeriod, findRecurrences, findTaskRecurrence, type TRecurrence, type TRecurrenceMatch } from './recurrence';
import { splitSteps } from './steps';
import { splitBlocks, splitSentences, type TBlock, type TMarkerKind, type TSpan } from './sentences';
import { CLOSING, isAttachmentStart } from './attachment';
import { isIssuer, leadsOf, type TAssignmentContext, type TLead } from './leads';
import { tableAssignments } from './table-assignments';
import { looksLikePersonName } from './names';
import { parseAddressees } from './addressees';
import {
  canonicalUnitName,
  expandGroup,
  findUnitMentions,
  mentionName,
  readUnitChain,
  type TGroupKey,
  type TUnitChain,
} from './units';

export type { TAssignmentContext } from './leads';

export type { TAssignment, TDraft, TPiece } from './assignment-types';
import type { TAssignment, TDraft, TPiece, TVia } from './assignment-types';
import { explainAssignment } from './confidence';

type TTopic = {
  kind: 'heading' | 'list' | 'sibling';
  via?: TVia;
  leads: TLead[];
  level: number;
  markerKind: TMarkerKind | null;
  childKind: 'marked' | 'plain' | null;
  id: number;
};
type TExplicit = {
  leads: TLead[];
  chainStart: number;
  triggerStart: number;
  taskStart: number;
  taskEnd: number | null;
  colonTopic: boolean;
  /** How the lead was read, for the clerk ("why"). */
  via: TVia;
  /** How many bodies the chain named (a closing list names many). */
  mentions: number;
};

const WS = /\s+/g;
const collapse = (s: string): string => s.replace(WS, ' ').trim();

const NON_PREDICATE = new Set(
  'đã đang được bị chưa còn vẫn của về tại trong với cho thuộc nhưng mà thì gồm như là cũng đều luôn vừa mới và hoặc'.split(' '),
);
const SOLE = /^Riêng\s+(?!đối\s+với)/u;
const OPENER = /^(?:Trong|Khi|Bên\s+cạnh\s+đó|Thời\s+gian\s+tới|Đồng\s+thời|Ngoài\s+ra|Trên\s+cơ\s+sở|Đối\s+với|Từ\s+nay|Trường\s+hợp|Nếu|Căn\s+cứ)(?![\p{L}])/iu;

/**
 * The matches of a global pattern inside [from, to), with offsets into the whole text. The
 * search runs on the clause alone: a pattern left to run from `from` would scan the rest of
 * a long plan for every clause.
 */
function matchesIn(re: RegExp, text: string, from: number, to: number): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  const part = text.slice(from, to);
  re.lastIndex = 0;
  for (let m = re.exec(part); m; m = re.exec(part)) {
    m.index += from;
    out.push(m);
    if (m[0] === '') re.lastIndex++;
  }
  return out;
}

/** A unit chain opening the clause at `pos`, followed by a predicate or a colon. */
function subjectAt(text: string, pos: number, to: number, ctx: TAssignmentContext): TExplicit | null {
  let p = pos;
  while (p < to && /\s/.test(text[p] ?? '')) p++;
  const chain = readUnitChain(text, p, to);
  if (!chain || isIssuer(text, chain, ctx)) return null;
  const rest = text.slice(chain.end, to);
  const leads = leadsOf(text, chain);
  const base = { leads, chainStart: chain.start, triggerStart: p, taskEnd: null, mentions: chain.mentions.length };
  const colon = /^\s*:\s*/.exec(rest);
  if (colon) return { ...base, taskStart: chain.end + colon[0].length, colonTopic: true, via: 'topic' };
  // "Văn phòng UBND tỉnh được giao hoàn thiện …": a restatement in the passive.
  const passive = PASSIVE_GRANT.exec(rest);
  if (passive) return { ...base, taskStart: chain.end + passive[0].length, colonTopic: false, via: 'passive' };
  // "Đài Truyền thanh các huyện – Phối hợp …": a dash between the unit and its duty.
  const dashed = /^\s+[–-]\s+(?=(?:[Pp]hối\s+hợp|[Cc]hủ\s+trì|[Tt]ham\s+mưu|[Tt]riển\s+khai|[Kk]hẩn\s+trương|[Tt]ổ\s+chức|[Cc]ung\s+cấp|[Bb]iên\s+tập|[Tt]hực\s+hiện)(?![\p{L}]))/u.exec(rest);
  if (dashed) return { ...base, taskStart: chain.end + dashed[0].length, colonTopic: false, via: 'subject' };
  const next = /^\s+([\p{L}]+)(?:\s+([\p{L}]+))?/u.exec(rest);
  if (!next || !next[1]) return null;
  const w1 = next[1].toLowerCase();
  const w2 = (next[2] ?? '').toLowerCase();
  // "Giám đốc Sở Y tế Nguyễn Văn A cho biết …": the unit is a person's title, not a subject.
  const person = /^\s+(\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){1,3})/u.exec(rest);
  if (person?.[1] && looksLikePersonName(person[1], 2)) return null;
  // "… xác định CCHC là trách nhiệm của cả hệ thống": a view, not a duty.
  if (w1 === 'xác' && w2 === 'định' && /^\s+xác\s+định\s[^,;.]{1,80}\slà\s/u.test(rest)) return null;
  // "Sở X là cơ quan thường trực, …" names the lead of the plan's follow-up.
  const standing = w1 === 'là' && /^\s+là\s+(?:cơ\s+quan|đơn\s+vị)?\s*(?:thường\s+trực|đầu\s+mối)/u.test(rest);
  if (NON_PREDICATE.has(w1) && !standing) return null;
  if (w1 === 'có' && /^(?:nhiều|sự|số|một|tỷ|kết|thể)$/u.test(w2)) return null;
  return { ...base, taskStart: chain.end, colonTopic: false, via: 'subject' };
}

const PASSIVE_GRANT = /^\s+được\s+(?:[^,.;:]{0,40}\s)?(?:giao|phân\s+công)(?:\s+(?:nhiệm\s+vụ|trách\s+nhiệm))?\s*[:,]?\s*/u;

const GIAO = /(?<![\p{L}])(?:Giao|giao|GIAO)(?:\s+(?:nhiệm\s+vụ|trách\s+nhiệm))?(?:\s+cho)?\s*[:,]?\s+/gu;
const REQUEST = /(?<![\p{L}])(?:[Yy]êu\s+cầu|[Đđ]ề\s+nghị|YÊU\s+CẦU|ĐỀ\s+NGHỊ)(?:\s+cho)?\s*[:,]?\s+/gu;
/** "Chủ tịch UBND tỉnh chỉ đạo các sở, ngành …" — but not "theo chỉ đạo của", "công tác chỉ đạo". */
const CHI_DAO = /(?<![\p{L}])(?:[Cc]hỉ\s+đạo|CHỈ\s+ĐẠO)\s*[:,]?\s+/gu;
const NOT_A_DIRECTION = /(?:theo|của|kiến|tác|sự|được|và|ban|lãnh\s+đạo|để|trong|việc|tiếp\s+tục|trực\s+tiếp)\s*$/iu;
const RESPONSIBLE = /(?<![\p{L}])(?:có|chịu)\s+trách\s+nhiệm(?![\p{L}])/gu;
const OWNER_LABEL = /(?<![\p{L}])(?:[Cc]ơ\s+quan|[Đđ]ơn\s+vị)\s+chủ\s+trì(?:\s+thực\s+hiện)?\s*:\s*/gu;
const NOT_A_GRANT = /(?:được|đã|bàn|chuyển|phân|sẽ|đang)\s*$/u;
/** "… được UBND tỉnh giao Sở X lập …": a grant recounted in the passive, not given here. */
const RECOUNTED_GRANT = /(?<![\p{L}])(?:được|đã)\s+(?:UBND|Ủy\s+ban|Uỷ\s+ban|Chủ\s+tịch)[^,.;:]{0,40}$/u;

function triggered(text: string, re: RegExp, from: number, to: number, ctx: TAssignmentContext, via: TVia): TExplicit[] {
  const out: TExplicit[] = [];
  for (const m of matchesIn(re, text, from, to)) {
    const before = text.slice(Math.max(from, m.index - 24), m.index);
    if (NOT_A_GRANT.test(before.slice(-12))) continue;
    if (RECOUNTED_GRANT.test(text.slice(Math.max(from, m.index - 60), m.index))) continue;
    if (via === 'chi_dao') {
      // "Công an tỉnh bố trí lực lượng …; chỉ đạo Công an các huyện …": the subject's own duty
      // goes on after the comma, the units it directs are not leads of the letter.
      // The issuer itself before the comma ("Phó Chủ tịch UBND tỉnh ký văn bản số …, chỉ đạo …") gives no such duty.
      const ownDuty = findUnitMentions(text, from, m.index).some((u) => {
        const own = readUnitChain(text, u.start, u.end);
        return own !== null && !isIssuer(text, own, ctx) && !/^[-/]/u.test(text.slice(u.end, u.end + 1));
      });
      if (/[;,]\s*$/u.test(before) && ownDuty) continue;
      if (NOT_A_DIRECTION.test(before)) continue;
      // "UBND các huyện chỉ đạo các xã …": the subject before the verb leads, not its object.
      const subject = findUnitMentions(text, from, m.index).pop();
      if (subject && text.slice(subject.end, m.index).trim() === '') {
        const own = readUnitChain(text, subject.start, m.index);
        if (own && !isIssuer(text, own, ctx)) continue;
      }
    }
    const chain = readUnitChain(text, m.index + m[0].length, to);
    if (!chain || isIssuer(text, chain, ctx)) continue;
    out.push({
      leads: leadsOf(text, chain),
      chainStart: chain.start,
      triggerStart: m.index,
      taskStart: chain.end,
      taskEnd: null,
      colonTopic: false,
      via,
      mentions: chain.mentions.length,
    });
  }
  return out;
}

/** "…; Cơ quan chủ trì: Sở X; …" — the task is what precedes the label. */
function ownerLabels(text: string, from: number, to: number, ctx: TAssignmentContext): TExplicit[] {
  const out: TExplicit[] = [];
  for (const m of matchesIn(OWNER_LABEL, text, from, to)) {
    const chain = readUnitChain(text, m.index + m[0].length, to);
    if (!chain || isIssuer(text, chain, ctx)) continue;
    out.push({
      leads: leadsOf(text, chain),
      chainStart: chain.start,
      triggerStart: m.index,
      taskStart: from,
      taskEnd: m.index,
      colonTopic: false,
      via: 'owner_label',
      mentions: chain.mentions.length,
    });
  }
  return out;
}

function responsible(text: string, from: number, to: number, ctx: TAssignmentContext): TExplicit[] {
  const out: TExplicit[] = [];
  for (const m of matchesIn(RESPONSIBLE, text, from, to)) {
    const anchor = m.index;
    for (const mention of findUnitMentions(text, from, anchor)) {
      const chain = readUnitChain(text, mention.start, anchor);
      if (!chain || text.slice(chain.end, anchor).trim() !== '') continue;
      if (isIssuer(text, chain, ctx)) break;
      // "… hướng dẫn UBND cấp xã phối hợp các ngành chịu trách nhiệm …": an object, not the subject.
      if (OBJECT_BEFORE.test(text.slice(Math.max(from, chain.start - 24), chain.start))) continue;
      out.push({
        leads: leadsOf(text, chain),
        chainStart: chain.start,
        triggerStart: chain.start,
        taskStart: anchor,
        taskEnd: null,
        colonTopic: false,
        via: 'responsible',
        mentions: chain.mentions.length,
      });
      break;
    }
  }
  return out;
}

const OBJECT_BEFORE = /(?:phối\s+hợp(?:\s+với)?|cùng(?:\s+với)?|hướng\s+dẫn|chỉ\s+đạo|đôn\s+đốc|ý\s+kiến|với|cho|và)\s*$/iu;
const YOU = /(?<![\p{L}])(?:[Đđ]ề\s+nghị|[Yy]êu\s+cầu)\s+((?:quý\s+(?:cơ\s+quan|đơn\s+vị|địa\s+phương)|các\s+đồng\s+chí)(?:\s*,\s*(?:đơn\s+vị|địa\s+phương))*)\s+/gu;
/** "…, trong khi Sở KH-CN chủ trì …": a second subject inside one sentence. */
const CONJ_SUBJECT = /[,;]\s*(?:trong\s+khi|còn|đồng\s+thời)\s+/gu;
/** "Đối với các cơ quan báo chí, chỉ đạo …", "Đặc biệt đối với Viễn thông A và Viettel A triển khai …". */
const FOR_UNIT = /^\s*(?:Đặc\s+biệt\s+|Riêng\s+)?[Đđ]ối\s+với\s+/u;
const REQUEST_NEXT = /^\s*(?:yêu\s+cầu|đề\s+nghị|giao|chỉ\s+đạo)(?![\p{L}])/u;
const CONNECTIVE = /^\s*(?:Theo\s+đó|Bên\s+cạnh\s+đó|Cùng\s+với\s+đó|Mặt\s+khác|Qua\s+đó)\s*,\s*/u;

/** Leads written in the clause [from, to), in order of appearance. */
function explicitLeads(text: string, from: number, to: number, ctx: TAssignmentContext): TExplicit[] {
  const owners = ownerLabels(text, from, to, ctx);
  if (owners.length) return owners.slice(0, 1);
  const found = [
    ...triggered(text, GIAO, from, to, ctx, 'giao'),
    ...triggered(text, REQUEST, from, to, ctx, 'request'),
    ...triggered(text, CHI_DAO, from, to, ctx, 'chi_dao'),
    ...responsible(text, from, to, ctx),
  ];
  // "Đề nghị quý cơ quan …", "Đề nghị các đồng chí …": the letter's addressees.
  if (ctx.addressees?.length) {
    const you = matchesIn(YOU, text, from, to)[0];
    if (you) {
      found.push({
        leads: ctx.addressees,
        chainStart: you.index + you[0].length - (you[1]?.length ?? 0),
        triggerStart: you.index,
        taskStart: you.index + you[0].length,
        taskEnd: null,
        colonTopic: false,
        via: 'addressee',
        mentions: ctx.addressees.length,
      });
    }
  }
  for (const m of matchesIn(CONJ_SUBJECT, text, from, to)) {
    const s = subjectAt(text, m.index + m[0].length, to, ctx);
    if (s && !s.colonTopic) found.push({ ...s, triggerStart: m.index + 1 });
  }
  const lead0 = text.slice(from, to).match(/^\s*/)?.[0].length ?? 0;
  // "Theo đó, …", "Bên cạnh đó, …": a news connective before the clause's own words.
  const connective = CONNECTIVE.exec(text.slice(from, to));
  const at0 = connective ? from + connective[0].length : from;
  const forUnit = FOR_UNIT.exec(text.slice(at0, to));
  const subject = subjectAt(text, at0, to, ctx);
  // "Theo đó, Sở X yêu cầu các doanh nghiệp …": the body of a restatement names its issuer first.
  const direct = connective && subject && REQUEST_NEXT.test(text.slice(subject.taskStart, to)) ? null : subject;
  let byFor = false;
  if (forUnit) {
    const at = at0 + forUnit[0].length;
    const chain = readUnitChain(text, at, to);
    const comma = chain ? /^\s*,\s*/.exec(text.slice(chain.end, to)) : null;
    const bySubject = subjectAt(text, at, to, ctx);
    if (bySubject && !bySubject.colonTopic) {
      found.push({ ...bySubject, triggerStart: from + lead0, via: 'for_unit' });
      byFor = true;
    } else if (chain && comma && !isIssuer(text, chain, ctx) && !readUnitChain(text, chain.end + comma[0].length, to)) {
      found.push({
        leads: leadsOf(text, chain),
        chainStart: chain.start,
        triggerStart: from + lead0,
        taskStart: chain.end + comma[0].length,
        taskEnd: null,
        colonTopic: false,
        via: 'for_unit',
        mentions: chain.mentions.length,
      });
      byFor = true;
    }
  }
  if (!byFor && direct) found.push(direct);
  else if (!byFor) {
    // A period or an opening phrase may stand before the subject.
    const rec = findRecurrences(text.slice(at0, to))[0];
    const lead = text.slice(at0, to).match(/^\s*/)?.[0].length ?? 0;
    if (rec && rec.start === lead) {
      const s = subjectAt(text, at0 + rec.end, to, ctx);
      if (s) found.push({ ...s, triggerStart: from });
    } else if (!found.length && SOLE.test(text.slice(at0 + lead, to))) {
      // "Riêng UBND các xã, phường chỉ đạo …": one unit singled out of the list above.
      const s = subjectAt(text, at0 + lead + (SOLE.exec(text.slice(at0 + lead, to))?.[0].length ?? 0), to, ctx);
      if (s) found.push(s);
    } else if (!found.length && OPENER.test(text.slice(at0 + lead, to))) {
      const comma = text.indexOf(',', at0 + lead);
      if (comma !== -1 && comma < to) {
        const s = subjectAt(text, comma + 1, to, ctx);
        if (s) found.push(s);
      }
    }
  }
  found.sort((a, b) => a.triggerStart - b.triggerStart);
  const out: TExplicit[] = [];
  for (const e of found) {
    if (out.some((o) => o.chainStart === e.chainStart)) continue;
    out.push(e);
  }
  return out;
}

/** Where a clause's own words start, after a topic label such as "Về …:" or "Đối với …:". */
function afterLabel(text: string, s: TSpan): number {
  const m = /^\s*(?:(?:Về|Đối\s+với)\s[^:]{1,300}|[^:]{0,80}(?:nêu(?:\s+rõ)?|nhấn\s+mạnh|cho\s+biết|kết\s+luận|chỉ\s+rõ))\s*:\s*/u.exec(text.slice(s.start, s.end));
  return m ? s.start + m[0].length : s.start;
}

const TRIGGER = /(?:kết\s+luận|ý\s+kiến|chỉ\s+đạo|chỉ\s+thị|yêu\s+cầu|giao\s+nhiệm\s+vụ|như\s+sau|cụ\s+thể)\s*:\s*$/iu;
const EARLY_GRANT = /(?<![\p{L}])(?<!(?:được|đã|bàn|chuyển|phân)\s)[Gg]iao\s+(?:cho\s+)?(?:Sở|Văn\s+phòng|UBND|Ủy\s+ban|Uỷ\s+ban|[Cc]ác|Công\s+an|Ban)\s/u;

/**
 * The part of the text that can assign: after "… kết luận như sau:" and before "Nơi nhận",
 * then again in any attached document; task tables are read on their own.
 */
function bodyBlocks(text: string, blocks: TBlock[], tables: TSpan[]): TBlock[] {
  const inTable = (b: TBlock): boolean => tables.some((t) => b.start < t.end && b.end > t.start);
  let startIdx = 0;
  const triggerIdx = blocks.findIndex(
    (b) => b.markerKind === null && b.end - b.start < 800 && TRIGGER.test(text.slice(b.start, b.end)),
  );
  const trigger = triggerIdx >= 0 ? blocks[triggerIdx] : undefined;
  // A page that ends at its "… như sau:" (a restatement cut before the letter's text) has only
  // its own summary to read, so the summary stays in.
  const endsAtTrigger = trigger !== undefined && text.slice(trigger.end).trim() === '';
  if (trigger && !endsAtTrigger && !EARLY_GRANT.test(text.slice(0, trigger.start))) startIdx = triggerIdx + 1;
  const out: TBlock[] = [];
  let closed = false;
  for (const b of blocks.slice(startIdx)) {
    const content = text.slice(b.contentStart, b.end);
    if (inTable(b)) continue;
    // After the signature only an attached document (a plan, an appendix) assigns again.
    if (closed) {
      if (text.slice(b.start, b.end).split('\n').some(isAttachmentStart)) closed = false;
      continue;
    }
    if (CLOSING.test(content) || /^\s*(?:TM|KT|TL|TUQ)\.\s/u.test(content)) {
      closed = true;
      continue;
    }
    out.push(b);
  }
  return out;
}

function appliesTo(t: TTopic, block: TBlock): boolean {
  if (t.kind === 'sibling') return block.markerKind === t.markerKind;
  if (block.markerKind !== null) {
    if (t.level === 9) return t.childKind !== 'plain';
    return block.level > t.level;
  }
  return t.childKind !== 'marked';
}

const LIST_TOPIC = /^\s*(?:Giao|giao|GIAO)(?:\s+cho)?\s+/u;

/** "1. Sở Tài chính" or "Giao Sở X:" — a unit over the items that follow, or null. */
function topicOf(text: string, block: TBlock, ctx: TAssignmentContext): { leads: TLead[]; kind: 'heading' | 'list' } | null {
  const chainHere = readUnitChain(text, block.contentStart, block.end);
  if (block.markerKind !== null && chainHere && /^\s*:?\s*$/.test(text.slice(chainHere.end, block.end))) {
    return isIssuer(text, chainHere, ctx) ? null : { leads: leadsOf(text, chainHere), kind: 'heading' };
  }
  const giao = LIST_TOPIC.exec(text.slice(block.contentStart, block.end));
  const chainStart = giao ? block.contentStart + giao[0].length : block.contentStart;
  const chain = readUnitChain(text, chainStart, block.end);
  if (chain && /^\s*:\s*$/.test(text.slice(chain.end, block.end)) && !isIssuer(text, chain, ctx)) {
    return { leads: leadsOf(text, chain), kind: 'list' };
  }
  return null;
}

/** An introduction to items the addressees carry out. */
const ADDRESSEE_INTRO = /(?:như\s+sau|nội\s+dung\s+sau|việc\s+sau|nhiệm\s+vụ\s+sau|cụ\s+thể|đề\s+nghị|yêu\s+cầu|thực\s+hiện)[^:]{0,80}:\s*$/iu;

/** An introduction that praises or criticises rather than assigns ("… rút kinh nghiệm:"). */
const EVALUATIVE = /(?:rút\s+kinh\s+nghiệm|phê\s+bình|ghi\s+nhận|biểu\s+dương|khen|kiểm\s+điểm)/iu;
/** Lines of a plan's item that belong to its "Cơ quan chủ trì:" line. */
const ITEM_DETAIL = /^\s*(?:[Cc]ơ\s+quan|[Đđ]ơn\s+vị)\s+phối\s+hợp|^\s*(?:Thời\s+(?:gian|hạn)|Sản\s+phẩm|Kinh\s+phí|Nguồn)/u;

/** Drafts: every clause that assigns, with the sentences that continue it. */
function collectDrafts(text: string, ctx: TAssignmentContext, tables: TSpan[]): TDraft[] {
  const blocks = bodyBlocks(text, splitBlocks(text), tables);
  const isImplementation = (b: TBlock): boolean => /to chuc thuc hien/.test(foldVietnamese(text.slice(b.contentStart, b.end)));
  const hasImplementation = blocks.some((b) => b.markerKind === 'roman' && isImplementation(b));
  const drafts: TDraft[] = [];
  let topics: TTopic[] = [];
  let inImplementation = false;
  let topicId = 0;
  let previous: TBlock | null = null;
  let ownerDrafts: TDraft[] = [];

  const pushTopic = (kind: TTopic['kind'], leads: TLead[], block: TBlock, via?: TVia): void => {
    topics.push({ kind, leads, level: block.level, markerKind: block.markerKind, childKind: null, id: ++topicId, ...(via ? { via } : {}) });
  };

  for (const block of blocks) {
    if (block.markerKind === 'roman') {
      inImplementation = isImplementation(block);
      topics = [];
      previous = block;
      ownerDrafts = [];
      continue;
    }
    while (topics.length && !appliesTo(topics[topics.length - 1] as TTopic, block)) topics.pop();

    if (ownerDrafts.length && ITEM_DETAIL.test(text.slice(block.contentStart, block.end))) {
      for (const d of ownerDrafts) d.pieces.push({ start: block.contentStart, end: block.end, clauseStart: block.contentStart });
      continue;
    }
    ownerDrafts = [];

    const newTopic = topicOf(text, block, ctx);
    if (newTopic) {
      pushTopic(newTopic.kind, newTopic.leads, block);
      previous = block;
      continue;
    }
    const topic = topics[topics.length - 1];
    if (topic && topic.childKind === null && topic.kind !== 'sibling') topic.childKind = block.markerKind ? 'marked' : 'plain';

    let current: TDraft[] = [];
    const sentences = splitSentences(text, { start: block.contentStart, end: block.end });
    const base = { outsideImplementation: hasImplementation && !inImplementation };
    for (const [i, s] of sentences.entries()) {
      const clauseStart = afterLabel(text, s);
      const endsWithColon = /:\s*$/.test(text.slice(s.start, s.end));
      const explicit = topic?.kind === 'heading' ? [] : explicitLeads(text, clauseStart, s.end, ctx);
      if (explicit.length) {
        if (i === 0 && topic && (topic.kind === 'sibling' || topic.level === 9)) topics.pop();
        for (const [k, e] of explicit.entries()) {
          const next = explicit[k + 1];
          const start = k === 0 ? s.start : e.triggerStart;
          const end = next ? next.triggerStart : s.end;
          const intro = endsWithColon && !next && !e.colonTopic && e.taskEnd === null;
          let taskSpan: TSpan | null = null;
          if (e.taskEnd !== null) {
            const own = text.slice(e.taskStart, e.taskEnd).replace(/[\s;,.:–-]+$/u, '');
            taskSpan = own.trim() || !previous ? { start: e.taskStart, end: e.taskEnd } : { start: previous.contentStart, end: previous.end };
          }
          current = e.leads.map((lead) => ({
            ...base,
            lead,
            via: e.via,
            mentions: e.mentions,
            headingId: null,
            taskStart: e.taskStart,
            taskSpan,
            pieces: [{ start, end, clauseStart: k === 0 ? clauseStart : e.triggerStart }],
            introOnly: intro,
          }));
          drafts.push(...current);
          if (e.taskEnd !== null) ownerDrafts = current;
          const isLast = !next && i === sentences.length - 1;
          if (e.colonTopic && !next) pushTopic(block.markerKind === null ? 'sibling' : 'list', e.leads, block);
          else if (intro && isLast && !EVALUATIVE.test(text.slice(e.taskStart, s.end))) pushTopic('list', e.leads, block);
        }
        continue;
      }
      // "… đề nghị thực hiện một số nội dung sau:" with nobody named: the addressees lead the items.
      const addressees = ctx.addressees ?? [];
      if (!topic && endsWithColon && i === sentences.length - 1 && addressees.length && ADDRESSEE_INTRO.test(text.slice(clauseStart, s.end))) {
        pushTopic('list', addressees, block, 'addressee');
        continue;
      }
      if (i === 0 && topic) {
        if (clauseStart >= s.end - 1) continue;
        current = topic.leads.map((lead) => ({
          ...base,
          via: topic.via ?? ((topic.kind === 'heading' ? 'heading' : topic.kind === 'list' ? 'list' : 'topic') as TVia),
          mentions: topic.leads.length,
          headingId: topic.kind === 'heading' ? `${topic.id}:${lead.canonical}` : null,
          lead,
          taskStart: clauseStart,
          taskSpan: null,
          pieces: [{ start: s.start, end: s.end, clauseStart }],
          introOnly: endsWithColon,
        }));
        drafts.push(...current);
        continue;
      }
      for (const d of current) d.pieces.push({ start: s.start, end: s.end, clauseStart });
    }
    if (/\.\/\.\s*$/.test(text.slice(block.start, block.end))) topics = [];
    previous = block;
  }
  return drafts;
}

type TBuilt = TAssignment & {
  headingId: string | null;
  outsideImplementation: boolean;
  introOnly: boolean;
  firstTask: string;
  /** A period outside the recurrence vocabulary ("định kỳ 6 tháng"), as written. */
  period: string | null;
  mentions: number;
};

const LEADING_NOISE: RegExp[] = [
  /^[\s:,;.–-]+/u,
  /^là\s+/u,
  /^(?:có|chịu)\s+trách\s+nhiệm\s+/u,
  /^chủ\s+trì\s*,?\s*/iu,
  // What is left of a period or deadline written in brackets before the task.
  /^\([^)]*\)\s*,?\s*/u,
  /^theo\s+chức\s+năng\s*,\s*nhiệm\s+vụ(?:\s+được\s+giao)?\s*,?\s*/iu,
];
const COORDINATE =
  /(?<![\p{L}])(?:(?:với\s+)?sự\s+phối\s+hợp(?:\s+chặt\s+chẽ)?\s+(?:của|với)\s+|(?:[Cc]ơ\s+quan|[Đđ]ơn\s+vị)\s+phối\s+hợp(?:\s+thực\s+hiện)?\s*:\s*|[Pp]hối\s+hợp(?:\s+(?:chặt\s+chẽ|tốt|thường\s+xuyên|đồng\s+bộ))?(?:\s+(?:với|cùng))?\s+|(?:chủ\s+trì\s*,?\s*)?cùng(?:\s+với)?\s+)/gu;

function stripLeading(task: string): string {
  let out = task;
  for (let changed = true; changed; ) {
    changed = false;
    for (const re of LEADING_NOISE) {
      const next = out.replace(re, '');
      if (next !== out) {
        out = next;
        changed = true;
      }
    }
    const coord = /^(?:(?:với\s+)?sự\s+phối\s+hợp(?:\s+chặt\s+chẽ)?\s+(?:của|với)|[Pp]hối\s+hợp(?:\s+(?:chặt\s+chẽ|tốt|thường\s+xuyên|đồng\s+bộ))?(?:\s+(?:với|cùng))?|cùng(?:\s+với)?)\s+/u.exec(out);
    if (coord) {
      const chain = readUnitChain(out, coord[0].length);
      if (chain) {
        out = out.slice(chain.end);
        changed = true;
      }
    }
  }
  return out;
}

function cleanTask(raw: string, remove: string[]): string {
  let task = collapse(raw);
  for (const r of remove) if (r) task = task.split(r).join(' ');
  task = collapse(task).replace(/\s+([,;.])/g, '$1').replace(/,(?=;)/g, '');
  task = stripLeading(task);
  task = task.replace(/(?:[\s,;:]+|\s*\.\/\.|\s*\.)+$/u, '').replace(/;\s*(?:hoàn\s+thành|báo\s+cáo(?:\s+[^,;]*)?)$/iu, '');
  task = task.replace(/[\s,;:.]+$/u, '');
  if (/^\p{Lu}\p{Ll}/u.test(task)) task = (task[0] ?? '').toLowerCase() + task.slice(1);
  return task;
}

function coordinatorsOf(text: string, from: number, to: number, lead: TLead): string[] {
  const out: string[] = [];
  const seen = new Set<string>([lead.canonical]);
  for (const m of matchesIn(COORDINATE, text, from, to)) {
    // "… hướng dẫn UBND cấp xã phối hợp các ngành …": the coordination of someone else.
    const other = findUnitMentions(text, Math.max(from, m.index - 80), m.index).pop();
    if (other && text.slice(other.end, m.index).trim() === '' && canonicalUnitName(mentionName(other, text)) !== lead.canonical) continue;
    const chain = readUnitChain(text, m.index + m[0].length, to);
    if (!chain) continue;
    for (const mention of chain.mentions) {
      const name = mentionName(mention, text);
      const key = canonicalUnitName(name);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(name);
    }
  }
  return out;
}

function build(text: string, d: TDraft, ctx: TAssignmentContext): TBuilt {
  let deadline: TDeadlineMatch | null = null;
  let recurrence: TRecurrenceMatch | null = null;
  const remove: string[] = [];
  const taskParts: string[] = [];
  d.pieces.forEach((p, i) => {
    const from = i === 0 ? Math.max(p.clauseStart, Math.min(d.taskStart, p.end)) : p.clauseStart;
    const clause = text.slice(p.clauseStart, p.end);
    const dl = findDeadlines(clause, ctx.documentDate)[0];
    if (dl && !deadline) deadline = dl;
    if (dl) remove.push(dl.text, clause.slice(dl.start, dl.end));
    const rec = findTaskRecurrence(clause, 0) ?? (i === 0 ? findTaskRecurrence(clause, Math.max(0, d.taskStart - p.clauseStart)) : null);
    if (rec && !recurrence) recurrence = rec;
    if (rec) remove.push(clause.slice(rec.start, rec.end));
    taskParts.push(text.slice(from, p.end));
  });
  if (d.taskSpan) taskParts.splice(0, taskParts.length, text.slice(d.taskSpan.start, d.taskSpan.end));
  const first = d.pieces[0] as TPiece;
  const last = d.pieces[d.pieces.length - 1] as TPiece;
  const dl = deadline as TDeadlineMatch | null;
  const rec = recurrence as TRecurrenceMatch | null;
  const period = dl || rec ? null : findIrregularPeriod(text.slice(first.clauseStart, last.end));
  if (period) remove.push(period.text);
  return {
    lead: d.lead.text,
    leadKind: d.lead.kind,
    groupKey: d.lead.kind === 'group' ? expandGroup(d.lead.text) : null,
    coordinators: coordinatorsOf(text, d.taskSpan ? first.clauseStart : Math.min(d.taskStart, first.end), last.end, d.lead),
    task: cleanTask(taskParts.join(' '), remove),
    deadline: dl?.date ?? null,
    deadlineText: dl ? collapse(dl.text) : rec ? collapse(rec.text) : period ? period.text : null,
    recurrence: rec?.recurrence ?? null,
    sourceStart: first.start,
    sourceEnd: last.end,
    sourceText: text.slice(first.start, last.end),
    headingId: d.headingId,
    outsideImplementation: d.outsideImplementation,
    introOnly: d.introOnly,
    firstTask: cleanTask(taskParts[0] ?? '', remove),
    period: period?.text ?? null,
    mentions: d.mentions,
    via: d.via,
    confidence: 'medium',
    why: '',
  };
}

const GENERIC_LEAD_WORDS =
  /^(?:(?:nghiem tuc|nghiem|khan truong|quan tam|phoi hop|co trach nhiem|chiu trach nhiem|to chuc|trien khai|thuc hien|chu dong|kip thoi|day du|tiep tuc|thi hanh|neu cao tinh than trach nhiem|can cu (?:ke hoach|quyet dinh|cong van|van ban|chi thi) (?:nay|tren)|co hieu qua|hieu qua|va)\s*)+/;
const DOC_SELF = '(?:ke hoach|thong bao|van ban|cong van|chi thi|quyet dinh|ket luan)';
const GENERIC_REST = new RegExp(
  `^(?:|(?:cac )?(?:y kien )?chi dao(?: (?:nay|tren|cua (?:chu tich )?(?:uy ban nhan dan|ubnd)(?: tinh| thanh pho)?))?|(?:cac )?(?:nhiem vu|noi dung|yeu cau)(?: (?:duoc giao|neu tren|tren))?(?: (?:tai|theo|cua) ${DOC_SELF}(?: (?:nay|tren))?)?|${DOC_SELF} (?:nay|tren)|(?:theo )?(?:dung )?quy dinh)$`,
);

const foldTask = (task: string): string => foldVietnamese(task).replace(/[.,;:/()]+/g, ' ').replace(/\s+/g, ' ').trim();

/** A task that only says "carry this out" (closing formula) or is not a task at all. */
function isEmptyTask(task: string): boolean {
  // A list of units is who, not what ("Sở Y tế, Sở Xây dựng, …").
  const chain = readUnitChain(task, 0);
  if (chain && task.slice(chain.end).replace(/[\s,;.:]+/g, '') === '') return true;
  // The rest of a list cut short: "… và các tập đoàn, đơn v", "Ủy ban nhân dân tỉnh, Chủ tịch Ủy".
  const listed = /^\s*(?:và|cùng)\s+/u.exec(task);
  if (listed && (readUnitChain(task, listed[0].length) || /^các\s/u.test(task.slice(listed[0].length)))) return true;
  if (chain && /^\s*[,;]\s*(?:Chủ\s+tịch|Giám\s+đốc|Thủ\s+trưởng|Chánh\s+Văn\s+phòng|Trưởng\s+ban)(?![\p{L}])/u.test(task.slice(chain.end))) return true;
  const f = foldTask(task);
  if (/^(?:thong bao (?:de|cho)|nghiem tuc rut kinh nghiem|rut kinh nghiem|kiem diem)\b/.test(f)) return true;
  // A page's footer read as "X Trụ sở: số 1 - …": an address, not a duty.
  if (/^(?:so \d+ |dia chi\b|dien thoai\b|email\b|fax\b|giay phep\b)/.test(f)) return true;
  // The rest of a list of addressees cut short ("…; Chủ tịch Ủy ban nh"), not a duty.
  if (/^(?:chu tich|pho chu tich|giam doc|thu truong|chanh van phong|tong bien tap|cuc truong)\b/.test(f)) return true;
  const rest = f.replace(GENERIC_LEAD_WORDS, '').trim();
  // "… triển khai thực hiện và báo cáo … nếu có vấn đề phát sinh": the formula and a fallback.
  if (/^(?:va )?bao cao\b/.test(rest) && /\bneu co\b/.test(rest)) return true;
  if (/^can cu (?:quyet dinh|ke hoach|cong van) thi hanh$/.test(f)) return true;
  return GENERIC_REST.test(rest);
}

/**
 * "Điều 2. Giao Sở Y tế … hướng dẫn, triển khai Quy định này": the implementation of the
 * document given to one named body, in a clause of its own, is a task the clerk tracks; the
 * closing list of those who "chịu trách nhiệm thi hành" it is not.
 */
function isOwnImplementation(a: TBuilt): boolean {
  if (a.leadKind !== 'unit' || a.mentions !== 1) return false;
  const f = foldTask(a.task);
  return (
    !/\bthi hanh\b/.test(f) &&
    /\b(?:trien khai|huong dan|to chuc thuc hien)\b/.test(f) &&
    /\b(?:quyet dinh|quy dinh|ke hoach|de an|chuong trinh|quy che) (?:nay|tren)\b/.test(f)
  );
}

/** Items of a unit's heading are one standing assignment; an item with its own deadline or period stands alone. */
function mergeHeadingItems(items: TBuilt[]): TBuilt[] {
  const out: TBuilt[] = [];
  const primaries = new Map<string, TBuilt>();
  for (const item of items) {
    if (item.headingId === null) {
      out.push(item);
      continue;
    }
    const primary = primaries.get(item.headingId);
    if (!primary) {
      primaries.set(item.headingId, item);
      out.push(item);
      continue;
    }
    const ownTiming = (item.deadline !== null || item.recurrence !== null || item.period !== null) &&
      (item.deadline !== primary.deadline || item.recurrence !== primary.recurrence || item.period !== primary.period);
    if (ownTiming) {
      out.push(item);
      continue;
    }
    primary.task = [primary.task, item.task].filter(Boolean).join('; ');
    for (const c of item.coordinators) if (!primary.coordinators.includes(c)) primary.coordinators.push(c);
    primary.sourceStart = Math.min(primary.sourceStart, item.sourceStart);
    primary.sourceEnd = Math.max(primary.sourceEnd, item.sourceEnd);
  }
  return out;
}

const wordSet = (s: string): Set<string> => new Set(foldTask(s).split(' ').filter((w) => w.length > 1));
function overlap(x: Set<string>, y: Set<string>): number {
  if (!x.size || !y.size) return 0;
  let n = 0;
  for (const w of x) if (y.has(w)) n++;
  return n / Math.min(x.size, y.size);
}

/**
 * A news article states a duty in its lead paragraph and again in the body ("… yêu cầu Sở X
 * khẩn trương …" then "Theo đó, … yêu cầu Sở X khẩn trương …"): one duty, so the fuller,
 * later statement stays. Items are grouped by lead first, so a long plan costs little.
 */
function dropRestated(items: TBuilt[]): TBuilt[] {
  const byLead = new Map<string, number[]>();
  items.forEach((a, i) => {
    const key = canonicalUnitName(a.lead);
    byLead.set(key, [...(byLead.get(key) ?? []), i]);
  });
  const words = new Map<number, Set<string>>();
  const wordsOf = (i: number): Set<string> => {
    let w = words.get(i);
    if (!w) words.set(i, (w = wordSet((items[i] as TBuilt).task)));
    return w;
  };
  const dropped = new Set<number>();
  for (const group of byLead.values()) {
    if (group.length < 2) continue;
    for (const i of group) {
      const a = items[i] as TBuilt;
      if (group.some((j) => j > i && (items[j] as TBuilt).sourceStart >= a.sourceEnd && overlap(wordsOf(i), wordsOf(j)) >= 0.6)) dropped.add(i);
    }
  }
  return items.filter((_, i) => !dropped.has(i));
}

const NEWS_SUMMARY = /(?<![\p{L}])vừa\s+(?:có|ban\s+hành|ký(?:\s+ban\s+hành)?)(?![\p{L}])/u;
const BODY_START = /^\s*Theo\s+đó\s*,/u;

/**
 * A news article sums a letter up in its first sentence ("UBND tỉnh vừa ban hành Công văn …
 * chỉ đạo các sở …") and then states it ("Theo đó, UBND tỉnh yêu cầu …"): when the body
 * gives assignments, the summary's are the same ones, said loosely.
 */
function dropNewsSummary(text: string, items: TBuilt[]): TBuilt[] {
  const bodyFrom = items.find((a) => BODY_START.test(text.slice(a.sourceStart, a.sourceEnd)))?.sourceStart;
  if (bodyFrom === undefined) return items;
  return items.filter((a) => a.sourceStart >= bodyFrom || !NEWS_SUMMARY.test(text.slice(a.sourceStart, a.sourceEnd)));
}

const leadKey = (lead: string): string => lead.toLowerCase().replace(/[\s,;]+/gu, ' ').trim();

/**
 * "… yêu cầu giám đốc các sở và chủ tịch UBND các xã chủ động …", then "… yêu cầu giám đốc các
 * sở, chủ tịch UBND các xã tập trung …": a later sentence whose lead only joins, by commas, the
 * leads of one earlier sentence restates the same duty for the same bodies (§2, told twice).
 */
function dropJoinedRestatement(items: TBuilt[]): TBuilt[] {
  return items.filter((a) => {
    if (!a.lead.includes(',')) return true;
    const key = leadKey(a.lead);
    const bySource = new Map<number, string[]>();
    for (const b of items) {
      if (b.sourceEnd > a.sourceStart) continue;
      bySource.set(b.sourceStart, [...(bySource.get(b.sourceStart) ?? []), b.lead]);
    }
    return ![...bySource.values()].some((leads) => leads.length >= 2 && leadKey(leads.join(', ')) === key);
  });
}

/** Every assignment in a normalised document text. */
export function extractAssignments(text: string, context: TAssignmentContext): TAssignment[] {
  const ctx: TAssignmentContext = { ...context, addressees: context.addressees ?? parseAddressees(text) };
  const fromTables = tableAssignments(text, ctx);
  const drafts = collectDrafts(text, ctx, fromTables.tables);
  const built = drafts
    .flatMap((d) => splitSteps(text, d, ctx))
    .map((d) => build(text, d, ctx))
    .filter((a) => !a.introOnly && a.task !== '' && ((!isEmptyTask(a.firstTask) && !isEmptyTask(a.task)) || isOwnImplementation(a)));
  return dropJoinedRestatement(dropRestated(dropNewsSummary(text, mergeHeadingItems(built))))
    // In a plan, the content sections describe work; "Tổ chức thực hiện" assigns it.
    // Outside it only a dated or periodic duty (a reporting regime) is an assignment.
    .filter((a) => !a.outsideImplementation || a.deadline !== null || a.recurrence !== null)
    .map(({ headingId: _h, outsideImplementation: _o, introOnly: _i, firstTask: _f, period: _p, mentions: _m, ...a }): TAssignment =>
      explainAssignment({ ...a, sourceText: text.slice(a.sourceStart, a.sourceEnd) }),
    )
    .concat(fromTables.assignments)
    .sort((a, b) => a.sourceStart - b.sourceStart);
}
