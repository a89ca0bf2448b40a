/**
 * Which proposed assignments a document can give at all. A report (Báo cáo) or a
 * submission (Tờ trình) is written to a superior: the tasks it names are ones given
 * earlier ("đã giao …") or proposals ("Kiến nghị/Đề nghị Bộ …"), not tasks it assigns.
 * A local body cannot task a central one either: "Đề nghị Bộ Công an hỗ trợ …" in a
 * province's letter asks for help.
 */
import { foldVietnamese } from '../text/fold';

const UPWARD_TYPES = new Set(['bao cao', 'to trinh']);
const CENTRAL = /^(?:bo (?!chi huy|doi )|chinh phu|thu tuong|van phong chinh phu|quoc hoi|uy ban thuong vu quoc hoi|ngan hang nha nuoc viet nam)/;
const LOCAL_ISSUER = /(?:tinh|thanh pho|quan|huyen|thi xa|xa|phuong|dac khu)(?: |$)|^so |^(?:uy ban nhan dan|ubnd) /;

const fold = (s: string): string => foldVietnamese(s).replace(/\s+/g, ' ').trim();

/** A document type that reports or proposes upwards and so assigns nothing. */
export function isUpwardDocument(type: string | null): boolean {
  return type !== null && UPWARD_TYPES.has(fold(type));
}

/** A central body named as lead in a letter of a local one: a request, not a task. */
export function isUpwardLead(lead: string, issuer: string | null): boolean {
  if (issuer === null) return false;
  const i = fold(issuer);
  return LOCAL_ISSUER.test(i) && !CENTRAL.test(i) && CENTRAL.test(fold(lead));
}

const CONTINGENCY =
  /^(?:(?:trong qua trinh (?:trien khai|thuc hien|to chuc thuc hien) ?,? )?neu co (?:kho khan|vuong mac|van de phat sinh)|doi voi (?:nhung |cac )?(?:van de|noi dung|vu viec|truong hop)[a-z ]{0,40} vuot (?:qua )?tham quyen)/;

/** "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, đề nghị … liên hệ …": a fallback, not a task. */
export function isContingency(sentence: string): boolean {
  return CONTINGENCY.test(fold(sentence).replace(/[^a-z0-9 ]/g, ' ').replace(/\s+/g, ' ').trim());
}
