import type { Db } from '../../../db/client';
import { copyLine, type CopyValue } from '../../../db/copy-text';

/**
 * Rows of a file on their way to a staging table, by COPY in chunks. One chunk is loaded while
 * the next is read and checked (PostgreSQL works in its own process meanwhile); `afterChunk`
 * runs after each load (progress, the cancel check) and an error in it surfaces at the next
 * chunk or at `finish`.
 */
export class StagingWriter {
  private text = '';
  private rows = 0;
  private pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly table: string,
    private readonly columns: readonly string[],
    private readonly chunkRows: number,
    private readonly afterChunk: (rowsRead: number) => Promise<void>,
  ) {}

  /** Adds a row; `rowsRead` counts every row of the file so far, for progress. */
  async push(values: readonly CopyValue[], rowsRead: number): Promise<void> {
    this.text += copyLine(values);
    if (++this.rows >= this.chunkRows) await this.flush(rowsRead);
  }

  private async flush(rowsRead: number): Promise<void> {
    await this.pending;
    const text = this.text;
    const rows = this.rows;
    this.text = '';
    this.rows = 0;
    const load = rows > 0 ? this.db.copyIn(this.table, this.columns, text) : Promise.resolve();
    this.pending = load.then(() => this.afterChunk(rowsRead));
    // Observed at the next flush or at finish; this only keeps Node from calling it unhandled.
    this.pending.catch(() => undefined);
  }

  /** Waits for a load in flight, whatever its outcome: the caller failed and will clean up. */
  async settle(): Promise<void> {
    await this.pending.catch(() => undefined);
  }

  /** Loads what is left and waits for every chunk. */
  async finish(rowsRead: number): Promise<void> {
    await this.flush(rowsRead);
    await this.pending;
  }
}
