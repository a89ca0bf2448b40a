import { AGENCIES, CITY_COMMITTEE, DEPARTMENTS } from './city';
import { COMMUNES_BEFORE_2025_07, COMMUNES_FROM_2025_07 } from './communes';
import { DISTRICTS } from './districts';
import type { SeedUnit } from './types';

export * from './types';
export { validateOrganisation, type OrganisationProblem, type OrganisationProblemKind } from './validate';

/** The demo organisation of Hải Phòng, parents before children. */
export const ORGANISATION: SeedUnit[] = [
  CITY_COMMITTEE,
  ...DEPARTMENTS,
  ...AGENCIES,
  ...DISTRICTS,
  ...COMMUNES_BEFORE_2025_07,
  ...COMMUNES_FROM_2025_07,
];
