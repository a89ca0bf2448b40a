/** The four pillars of the programme (KH 74/KH-UBND: Chính quyền số, Kinh tế số, Xã hội số, plus Hạ tầng số). */
export const PILLARS = ['digital_government', 'digital_economy', 'digital_society', 'digital_infrastructure'] as const;
export type Pillar = (typeof PILLARS)[number];

export const PILLAR_LABEL_VI: Readonly<Record<Pillar, string>> = {
  digital_government: 'Chính quyền số',
  digital_economy: 'Kinh tế số',
  digital_society: 'Xã hội số',
  digital_infrastructure: 'Hạ tầng số',
};
