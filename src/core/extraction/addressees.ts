/**
 * The addressees of a letter ("Kính gửi: - Các sở, ban, ngành; - UBND các xã, phường."):
 * when the letter's instructions have no subject ("Đề nghị quý cơ quan …", "… thực hiện các
 * nội dung sau: a) Rà soát …"), they are the leads.
 */
import { leadsOf, type TLead } from './leads';
import { readUnitChain } from './units';

const KINH_GUI = /^\s*(?:Kính\s+gửi|KÍNH\s+GỬI)\s*:?\s*(.*)$/u;

export function parseAddressees(text: string): TLead[] {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => KINH_GUI.test(l));
  if (at === -1) return [];
  const parts: string[] = [];
  const first = KINH_GUI.exec(lines[at] ?? '')?.[1]?.trim() ?? '';
  if (first) parts.push(first);
  for (const line of lines.slice(at + 1, at + 20)) {
    const t = line.trim();
    if (t === '') {
      if (parts.length) break;
      continue;
    }
    if (!/^[-–+•]/u.test(t) && parts.length) break;
    parts.push(t);
  }
  const leads: TLead[] = [];
  for (const part of parts) {
    const item = part.replace(/^[-–+•]\s*/u, '').replace(/[;.,]+$/u, '').trim();
    const chain = readUnitChain(item, 0);
    if (!chain || item.slice(chain.end).trim() !== '') continue;
    for (const lead of leadsOf(item, chain)) if (!leads.some((l) => l.canonical === lead.canonical)) leads.push(lead);
  }
  return leads;
}
