/**
 * Where a document attached to a letter begins: a Quyết định carries the plan it adopts
 * after its own signature ("KẾ HOẠCH … (Ban hành kèm theo Quyết định số …)"), a plan
 * carries its appendix ("PHỤ LỤC"). Assignments sit there, after the "Nơi nhận" block.
 */
import { foldVietnamese } from '../text/fold';

const TYPE_HEADING = /^(?:ke hoach|phu luc|quy che|quy dinh|chuong trinh|de an|phuong an|danh muc|bieu|bang)(?![a-z])/;
const ATTACHED_NOTE = /^\(?\s*(?:ban hanh )?kem theo /;

function isAllCaps(s: string): boolean {
  const letters = s.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/** True for the heading line (or block) that opens an attached document. */
export function isAttachmentStart(line: string): boolean {
  const t = line.trim();
  const f = foldVietnamese(t);
  return (isAllCaps(t) && TYPE_HEADING.test(f)) || ATTACHED_NOTE.test(f);
}

/** Where a letter's closing block starts ("Nơi nhận:"). */
export const CLOSING = /^\s*(?:Nơi\s+nhận|NƠI\s+NHẬN)/u;
