import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EVALUATION_CLASS_LABEL_VI } from '../../../core/evaluation/criteria';
import { isPeriodKey } from '../../../core/periods/period-key';
import { auditContext, authorize, type Deps } from '../../context';
import { attachmentHeader, writeSheet, XLSX_MIME } from '../../excel';
import { ZId, ZIsoDate, ZName, ZFreeText, ZTextLine } from '../../../contracts/common';
import { letterDocx } from './letter-docx';
import { letterOf, recordLetterExport, saveLetter } from './letter';
import { listRuns } from './queries';
import { createRuleSet, rulesView } from './rules';
import { createRun, runView, UNIT_KINDS } from './run';
import type { ResultView } from '../../../contracts/evaluation';

const ZPeriod = z.string().trim().refine(isPeriodKey, 'Kỳ đánh giá không hợp lệ (ví dụ: 2022, 2022-H1, 2022-Q3)');
const ZCode = z.string().trim().regex(/^[a-z][a-z0-9_]{1,59}$/, 'Mã tiêu chí chỉ gồm chữ thường không dấu, số và gạch dưới');
const ZThresholds = z.strictObject({ zero: z.number().finite(), full: z.number().finite() });
const ZText = (max: number) => ZFreeText(max);
const ZLine = ZTextLine(500);

const ZCondition = z.strictObject({ measure: z.string().trim().min(1).max(60), op: z.enum(['>', '>=', '<', '<=', '=']), value: z.number().finite() });

const ZCriterion = z.strictObject({
  code: ZCode,
  name: ZName,
  weight: z.number().min(0, 'Trọng số không được âm').max(1000),
  direction: z.enum(['higher_better', 'lower_better']),
  unit: z.enum(['percent', 'count', 'money']),
  thresholds: ZThresholds,
});

/** A rule set as data (core/evaluation/rule-set.ts); the core checks that its conditions name its criteria. */
const ZRuleSet = z.strictObject({
  code: z.string().trim().regex(/^[a-z0-9][a-z0-9_.-]{1,59}$/, 'Mã bộ quy tắc chỉ gồm chữ thường không dấu, số, dấu chấm, gạch ngang, gạch dưới'),
  name: ZName,
  unitLevel: z.enum(['city', 'commune']),
  criteria: z.array(ZCriterion).min(1).max(100),
  scope: z.array(ZCondition).max(20).default([]),
  classRules: z.array(z.strictObject({
    class: z.enum(['ghi_nhan', 'rut_kinh_nghiem', 'phe_binh']),
    ground: ZText(500).min(1, 'Phải nêu căn cứ xếp loại'),
    all: z.array(ZCondition).max(20).optional(),
    any: z.array(ZCondition).max(20).optional(),
  })).min(1).max(20),
  rankBy: z.array(z.strictObject({ measure: z.string().trim().min(1).max(60), direction: z.enum(['higher_better', 'lower_better']) })).max(10).default([]),
  source: ZText(2000).min(1, 'Phải nêu văn bản làm căn cứ (hoặc ghi rõ là dữ liệu mẫu)'),
  validFrom: ZIsoDate,
  validTo: ZIsoDate.nullish().transform((v) => v ?? null),
  sample: z.boolean().default(false),
});

const ZSection = z.strictObject({
  intro: ZText(2000),
  units: z.array(z.strictObject({ unitId: ZId.nullable(), name: ZLine.min(1, 'Tên đơn vị không được để trống'), reason: ZText(1000) })).max(500),
});

const ZDraft = z.strictObject({
  issuerLines: z.array(ZLine).min(1).max(3),
  numberSuffix: ZLine,
  place: ZLine,
  date: ZIsoDate.nullable(),
  subject: ZText(500).min(1, 'Trích yếu không được để trống'),
  recipients: z.array(ZLine).max(50),
  opening: ZText(10_000),
  ghiNhan: ZSection,
  rutKinhNghiem: ZSection,
  pheBinh: ZSection,
  instructionsIntro: ZText(2000),
  instructions: z.array(z.strictObject({ text: ZText(3000).min(1), deadline: ZIsoDate.nullable(), deadlineText: ZText(200).nullable() })).max(50),
  closing: ZText(2000),
  copyTo: z.array(ZLine).max(50),
  signer: z.strictObject({ authority: z.enum(['', 'TM.', 'KT.', 'TL.', 'TUQ.', 'Q.']), onBehalfOf: ZLine, title: ZLine, name: ZLine }),
});

export async function evaluationRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/evaluation/rules', {
    schema: { tags: ['evaluation'], summary: 'Các bộ quy tắc đánh giá (tiêu chí, phạm vi, quy tắc xếp loại và căn cứ), mọi phiên bản, theo cấp đơn vị' },
  }, async (req) => {
    authorize(req, 'evaluation.read');
    return rulesView(deps);
  });

  r.post('/api/evaluation/rule-sets', {
    schema: { tags: ['evaluation'], summary: 'Thêm bộ quy tắc đánh giá, hoặc phiên bản mới của một bộ (cùng mã, ngày hiệu lực sau)', body: ZRuleSet },
  }, async (req, reply) => {
    authorize(req, 'evaluation.manage');
    reply.status(201);
    return createRuleSet(deps, auditContext(req), req.body);
  });

  r.get('/api/evaluation/runs', {
    schema: { tags: ['evaluation'], summary: 'Các đợt đánh giá', querystring: z.strictObject({ period: ZPeriod.optional() }) },
  }, async (req) => {
    authorize(req, 'evaluation.read');
    return listRuns(deps.db, req.query.period);
  });

  r.post('/api/evaluation/runs', {
    schema: {
      tags: ['evaluation'],
      summary: 'Chạy đánh giá một kỳ cho một cấp đơn vị (cấp thành phố hoặc cấp xã): số liệu tự tổng hợp từ dữ liệu, xếp loại theo bộ quy tắc có hiệu lực, kèm căn cứ',
      body: z.strictObject({ period: ZPeriod, unitLevel: z.enum(['city', 'commune']).optional(), unitKinds: z.array(z.enum(UNIT_KINDS)).max(4).optional(), unitIds: z.array(ZId).max(5000).optional(), note: ZText(2000).nullish() }),
    },
  }, async (req, reply) => {
    authorize(req, 'evaluation.manage');
    reply.status(201);
    return createRun(deps, auditContext(req), req.body);
  });

  r.get('/api/evaluation/runs/:id', {
    schema: { tags: ['evaluation'], summary: 'Kết quả một đợt đánh giá, đủ từng thành phần điểm', params: z.strictObject({ id: ZId }) },
  }, async (req) => {
    authorize(req, 'evaluation.read');
    return runView(deps, req.params.id);
  });

  r.get('/api/evaluation/runs/:id/xlsx', {
    schema: { tags: ['evaluation'], summary: 'Kết quả đánh giá, tệp .xlsx', params: z.strictObject({ id: ZId }) },
  }, async (req, reply) => {
    authorize(req, 'evaluation.read');
    const run = await runView(deps, req.params.id);
    const buf = await writeSheet<ResultView>({
      sheetName: 'Kết quả đánh giá',
      title: `KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI ĐƠN VỊ — ${run.periodLabel.toUpperCase()}`,
      subtitle: `Tính ngày ${run.createdAt.slice(0, 10).split('-').reverse().join('/')}. ${run.tieRule}`,
      columns: [
        { header: 'Thứ hạng', value: 'rank', type: 'integer', width: 9 },
        { header: 'Đơn vị', value: 'unitName', width: 42 },
        ...run.ruleSet.criteria.map((c) => ({
          header: c.weight > 0 ? `${c.name} (điểm, tối đa ${c.weight})` : `${c.name}${c.unit === 'money' ? ' (đồng)' : c.unit === 'percent' ? ' (%)' : ''}`,
          value: (x: ResultView) => {
            const k = x.components.find((y) => y.code === c.code);
            return k ? (c.weight > 0 ? k.points : k.raw) : null;
          },
          type: 'number' as const,
          width: 16,
        })),
        { header: 'Tổng điểm (thang 100)', value: 'score', type: 'number', width: 12 },
        { header: 'Xếp loại', value: (x) => (x.class ? EVALUATION_CLASS_LABEL_VI[x.class] : 'Chưa xếp loại'), width: 16 },
        { header: 'Căn cứ', value: (x) => x.ground ?? '', width: 50 },
        { header: 'Giải thích', value: 'reason', width: 90 },
      ],
      rows: run.results,
    });
    reply.header('content-type', XLSX_MIME).header('content-disposition', attachmentHeader(`danh-gia-${run.period}.xlsx`));
    return reply.send(buf);
  });

  r.get('/api/evaluation/runs/:id/letter', {
    schema: { tags: ['evaluation'], summary: 'Dự thảo công văn từ kết quả đánh giá (bản đã lưu, hoặc bản soạn sẵn version 0)', params: z.strictObject({ id: ZId }) },
  }, async (req) => {
    authorize(req, 'evaluation.read');
    return letterOf(deps, req.params.id);
  });

  r.put('/api/evaluation/runs/:id/letter', {
    schema: {
      tags: ['evaluation'],
      summary: 'Lưu dự thảo công văn đã chỉnh sửa (version: bản đang sửa; 0 khi lưu lần đầu)',
      params: z.strictObject({ id: ZId }),
      body: z.strictObject({ version: z.number().int().min(0), draft: ZDraft }),
    },
  }, async (req) => {
    authorize(req, 'evaluation.manage');
    return saveLetter(deps, auditContext(req), req.params.id, req.body.version, req.body.draft);
  });

  r.get('/api/evaluation/runs/:id/letter.docx', {
    schema: { tags: ['evaluation'], summary: 'Công văn theo thể thức NĐ 30/2020/NĐ-CP, tệp .docx', params: z.strictObject({ id: ZId }) },
  }, async (req, reply) => {
    authorize(req, 'evaluation.read');
    const letter = await letterOf(deps, req.params.id);
    const buf = await letterDocx(letter.draft);
    await recordLetterExport(deps, auditContext(req), req.params.id, letter.version);
    reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .header('content-disposition', attachmentHeader(`cong-van-danh-gia-${(await runView(deps, req.params.id)).period}.docx`));
    return reply.send(buf);
  });
}
