/**
 * Shape of the demo organisation of Hải Phòng. Plain data, no database: the seed
 * command turns it into rows of `units`, `unit_aliases` and `unit_successors`.
 */

export type UnitKind = 'city_committee' | 'department' | 'district' | 'commune' | 'agency';

/** Group keys that directive extraction expands phrases like "các Sở, ban, ngành" into. */
export type UnitGroup = 'departments' | 'districts' | 'agencies';

export interface SeedUnit {
  /** Stable, ASCII, upper case: 'HP', 'HP.STTTT', 'HP.Q.LECHAN', 'HP.X.LECHAN.01'. */
  code: string;
  /** Full name in NFC Vietnamese, as the city's own documents write it. */
  name: string;
  shortName?: string;
  kind: UnitKind;
  parentCode: string | null;
  /** 'YYYY-MM-DD', first valid day. */
  validFrom: string;
  /** Last valid day, inclusive; null = still valid. */
  validTo: string | null;
  /**
   * Units that took over from this one the day after `validTo`. The first is the
   * principal successor (the one history rolls up to); others received part of the work.
   */
  successorCodes?: string[];
  /** Names and abbreviations as people write them; case and diacritics are folded away when matching. */
  aliases?: string[];
  /** The unit's code in the national list (GSO), where it has one: '11383' for phường Lê Chân. */
  officialCode?: string;
  /** True for anything invented (or not verified) for the demo. */
  sample?: boolean;
  groups?: UnitGroup[];
}

/**
 * Floor of the modelled history. A unit starting here existed throughout the period the
 * seeds cover (2020–2025) but its founding date is not modelled (e.g. Sở TT&TT was formed
 * in 2008 from the Sở Bưu chính, Viễn thông). Units founded later carry their real date.
 */
export const MODELLED_FROM = '2000-01-01';

/** NĐ 45/2025/NĐ-CP (28/02/2025): the merged departments work from 01/03/2025. */
export const DEPARTMENTS_MERGED_LAST_DAY = '2025-02-28';
export const DEPARTMENTS_MERGED_FROM = '2025-03-01';

/** NQ 1232/NQ-UBTVQH15 (24/10/2024): Thủy Nguyên a city under the city, An Dương a quận, from 01/01/2025. */
export const DISTRICTS_REARRANGED_LAST_DAY = '2024-12-31';
export const DISTRICTS_REARRANGED_FROM = '2025-01-01';

/** Two-level local government (NQ 202/2025/QH15, NQ 1669/NQ-UBTVQH15): no districts from 01/07/2025. */
export const DISTRICTS_LAST_DAY = '2025-06-30';
export const TWO_LEVEL_FROM = '2025-07-01';

/** NĐ 106/2002/NĐ-CP founded quận Hải An and renamed huyện An Hải to An Dương; signing date (in-force date not read). */
export const ND_106_2002 = '2002-12-20';
/** NĐ 145/2007/NĐ-CP founded quận Dương Kinh and quận Đồ Sơn; in force 07/10/2007. */
export const ND_145_2007 = '2007-10-07';
