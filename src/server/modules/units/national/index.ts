import data from './units-2025.json';

/**
 * The national list of administrative units after 01/07/2025 (34 provinces and their
 * communes, wards and special zones) with their official GSO codes. Its source and date are
 * in the file itself (`source`, `retrieved`); the pre-2025 district layer is not shipped.
 */
export type NationalKind = 'ward' | 'commune' | 'special';
export interface NationalProvince {
  code: string;
  name: string;
  kind: 'province' | 'city';
}
export interface NationalCommune {
  code: string;
  name: string;
  kind: NationalKind;
  provinceCode: string;
}

export const NATIONAL_SOURCE: string = `${data.source} (lấy ngày ${data.retrieved})`;

export const NATIONAL_PROVINCES: readonly NationalProvince[] = data.provinces as NationalProvince[];

const COMMUNES: readonly NationalCommune[] = (data.communes as string[][]).map(([code, name, kind, provinceCode]) => ({
  code: code!,
  name: name!,
  kind: kind as NationalKind,
  provinceCode: provinceCode!,
}));

export function nationalProvince(code: string): NationalProvince | undefined {
  return NATIONAL_PROVINCES.find((p) => p.code === code);
}

export function communesOf(provinceCode: string): NationalCommune[] {
  return COMMUNES.filter((c) => c.provinceCode === provinceCode);
}

/** "Tỉnh Cao Bằng", "Thành phố Hải Phòng". */
export function provinceFullName(p: NationalProvince): string {
  return `${p.kind === 'city' ? 'Thành phố' : 'Tỉnh'} ${p.name}`;
}

const KIND_WORD: Record<NationalKind, string> = { ward: 'phường', commune: 'xã', special: 'đặc khu' };

/** The people's committee of a commune-level unit: "Ủy ban nhân dân phường Ba Đình". */
export function communeCommitteeName(c: NationalCommune): string {
  return `Ủy ban nhân dân ${KIND_WORD[c.kind]} ${c.name}`;
}
