import type { Queryable } from '../../../db/client';
import { foldVietnamese } from '../../../core/text/fold';

/** The catalogue the feed writes into, and the two rates it computes (DOMAIN.md, QĐ 766/QĐ-TTg). */
export const DOSSIER_CATALOGUE = {
  code: 'DVC',
  name: 'Chỉ số giải quyết thủ tục hành chính (dữ liệu một cửa)',
  issuer: 'Văn phòng UBND thành phố',
  documentRef: 'QĐ 766/QĐ-TTg ngày 23/06/2022 (nhóm chỉ số tiến độ giải quyết, cung cấp dịch vụ trực tuyến)',
  validFrom: '2019-01-01',
};

export const DOSSIER_SOURCE = 'Hệ thống thông tin giải quyết TTHC thành phố';

export const ONLINE_RATE = {
  code: 'DVC_TRUCTUYEN',
  name: 'Tỷ lệ hồ sơ TTHC tiếp nhận trực tuyến',
  numeratorLabel: 'Số hồ sơ tiếp nhận trực tuyến',
  denominatorLabel: 'Tổng số hồ sơ tiếp nhận',
  description: 'Số hồ sơ thủ tục hành chính nộp trực tuyến / tổng số hồ sơ tiếp nhận trong kỳ × 100 %. Tính tự động từ dữ liệu một cửa. Chỉ tiêu Hải Phòng 2022: 60 % (Kế hoạch 128/KH-UBND ngày 27/5/2022); khác chỉ tiêu hồ sơ công việc xử lý trên môi trường mạng của KH 74/KH-UBND.',
};

export const ON_TIME_RATE = {
  code: 'DVC_DUNGHAN',
  name: 'Tỷ lệ hồ sơ TTHC giải quyết đúng hạn',
  numeratorLabel: 'Số hồ sơ cần xử lý không trễ hạn',
  denominatorLabel: 'Số hồ sơ cần xử lý (tồn kỳ trước + tiếp nhận)',
  description:
    '100 % − (hồ sơ đang xử lý trễ hạn + hồ sơ đã xử lý trễ hạn) / hồ sơ cần xử lý. Tính tự động theo tháng từ dữ liệu một cửa; quý và năm cộng tử số, mẫu số của các tháng.',
};

/**
 * Creates the catalogue and the two rate indicators when missing: the feed must work on a
 * database without demo data. Existing definitions (an administrator may have edited them)
 * are left alone. Returns the ids by code.
 */
export async function ensureRateIndicators(tx: Queryable): Promise<{ online: string; onTime: string }> {
  await tx.query(
    `insert into indicator_catalogues (code, name, issuer, document_ref, valid_from) values ($1, $2, $3, $4, $5) on conflict (code) do nothing`,
    [DOSSIER_CATALOGUE.code, DOSSIER_CATALOGUE.name, DOSSIER_CATALOGUE.issuer, DOSSIER_CATALOGUE.documentRef, DOSSIER_CATALOGUE.validFrom],
  );
  const cat = (await tx.query<{ id: string }>('select id from indicator_catalogues where code = $1', [DOSSIER_CATALOGUE.code]))[0]!;
  for (const [i, d] of [ONLINE_RATE, ON_TIME_RATE].entries()) {
    await tx.query(
      `insert into indicators (catalogue_id, code, name, name_folded, pillar, unit_of_measure, kind, numerator_label, denominator_label,
                               unit_rule, time_rule, direction, periodicity, source_agency, description, sort_order, valid_from, rag_green, rag_amber)
       values ($1, $2, $3, $4, 'government', '%', 'ratio', $5, $6, 'ratio', 'ratio', 'higher_better', 'month', $7, $8, $9, $10, 100, 80)
       on conflict (code) do nothing`,
      [cat.id, d.code, d.name, foldVietnamese(d.name), d.numeratorLabel, d.denominatorLabel, DOSSIER_SOURCE, d.description, i + 1, DOSSIER_CATALOGUE.validFrom],
    );
  }
  const rows = await tx.query<{ id: string; code: string }>('select id, code from indicators where code = any($1::text[])', [[ONLINE_RATE.code, ON_TIME_RATE.code]]);
  return { online: rows.find((r) => r.code === ONLINE_RATE.code)!.id, onTime: rows.find((r) => r.code === ON_TIME_RATE.code)!.id };
}
