import { describe, expect, it } from 'vitest';
import type { TGoldDocument } from './extract';
import { leadsMatch, metadataFieldMatches, scoreDocument, totalScores } from './evaluate';

const assignment = (lead: string, deadline: string | null = null, recurrence: string | null = null, task = 'rà soát hồ sơ') => ({
  lead,
  coordinators: [],
  task,
  deadline,
  deadline_text: null,
  recurrence,
});

const metadata: TGoldDocument['metadata'] = {
  so_ky_hieu: '12/TB-UBND',
  ngay_ban_hanh: '2025-01-02',
  co_quan: 'Ủy ban nhân dân tỉnh Bắc Hà',
  nguoi_ky: 'Lê Văn Nam',
  loai: 'Thông báo',
  trich_yeu: 'Kết luận của Chủ tịch UBND tỉnh tại cuộc họp về chuyển đổi số',
};

describe('leadsMatch', () => {
  it.each([
    ['Sở Thông tin và Truyền thông', 'Sở TT&TT'],
    ['Văn phòng UBND tỉnh', 'Văn phòng Ủy ban nhân dân tỉnh'],
    ['các Sở, ngành, địa phương', 'Các sở, ngành, địa phương'],
    ['Sở Nội vụ', 'Giám đốc Sở Nội vụ'],
  ])('%s ~ %s', (a, b) => {
    expect(leadsMatch(a, b)).toBe(true);
  });

  it('keeps different units apart', () => {
    expect(leadsMatch('Sở Nội vụ', 'Sở Tài chính')).toBe(false);
    expect(leadsMatch('các Sở, ngành', 'các Sở, ngành, địa phương')).toBe(false);
  });
});

describe('scoreDocument', () => {
  it('pairs by lead, preferring the same deadline, and counts misses both ways', () => {
    const gold: TGoldDocument = {
      metadata,
      assignments: [assignment('Sở Nội vụ', '2025-03-25'), assignment('Sở Nội vụ', '2025-03-31'), assignment('Sở Y tế', null, 'monthly')],
    };
    const predicted: TGoldDocument = {
      metadata: { ...metadata, trich_yeu: 'Kết luận của Chủ tịch Ủy ban nhân dân tỉnh tại cuộc họp về chuyển đổi số' },
      assignments: [assignment('Sở Nội vụ', '2025-03-31'), assignment('Sở Nội vụ', '2025-03-25'), assignment('Sở Tư pháp')],
    };
    const s = scoreDocument(gold, predicted);
    expect([s.matched, s.deadlineCorrect, s.unmatchedGold, s.unmatchedPredicted]).toEqual([2, 2, [2], [2]]);
    expect(s.metadataCorrect.trich_yeu).toBe(true);
    const t = totalScores([s]);
    expect([t.precision, t.recall, t.deadlineAccuracy]).toEqual([2 / 3, 2 / 3, 1]);
  });

  it('compares metadata fields after folding', () => {
    expect(metadataFieldMatches('so_ky_hieu', '139/UBND-KSTTHC', '139 /UBND-KSTTHC')).toBe(true);
    expect(metadataFieldMatches('co_quan', 'Ủy ban nhân dân tỉnh', 'UBND tỉnh')).toBe(true);
    expect(metadataFieldMatches('nguoi_ky', null, 'Lê Văn Nam')).toBe(false);
  });
});
