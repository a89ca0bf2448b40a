import type { Queryable } from '../../db/client';
import type { Deps } from '../context';

/** A job that runs once a day (Vietnam date), in one transaction, in one process. */
export interface DailyJob {
  name: string;
  /** `today` is the Vietnam calendar date 'YYYY-MM-DD'. Returns a small JSON summary. */
  run(deps: Deps, tx: Queryable, today: string): Promise<unknown>;
}
