import { AGENCIES, CITY_COMMITTEE, DEPARTMENTS } from './city';
import { COMMUNES_BEFORE_2025_07, COMMUNES_FROM_2025_07, HAI_DUONG } from './communes';
import { DISTRICTS } from './districts';
import type { SeedUnit } from './types';

export * from './types';
export { HAI_PHONG_2025, NQ_1669_TEXT_URL, GSO_DATASET_URL, HP_PLAN_URL } from './hai-phong-2025';
export { validateOrganisation, type OrganisationProblem, type OrganisationProblemKind } from './validate';

/** The demo organisation of Hải Phòng, parents before children. */
export const ORGANISATION: SeedUnit[] = [
  CITY_COMMITTEE,
  HAI_DUONG,
  ...DEPARTMENTS,
  ...AGENCIES,
  ...DISTRICTS,
  ...COMMUNES_BEFORE_2025_07,
  ...COMMUNES_FROM_2025_07,
];
