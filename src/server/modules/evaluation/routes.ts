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
import { listRuns, measuresOf } from './queries';
import { createCriterion, createThresholds, putManualMeasures, rulesView, updateCriterion } from './rules';
import { createRun, runView, UNIT_KINDS } from './run';
import type { ResultView } from '../../../contracts/evaluation';

const ZPeriod = z.string().trim().refine(isPeriodKey, 'Kỳ đánh giá không hợp lệ (ví dụ: 2022, 2022-H1, 2022-Q3)');
const ZCode = z.string().trim().regex(/^[a-z][a-z0-9_]{1,59}$/, 'Mã tiêu chí chỉ gồm chữ thường không dấu, số và gạch dưới');
const ZThresholds = z.strictObject({ zero: z.number().finite(), full: z.number().finite() });
const ZText = (max: number) => ZFreeText(max);
const ZLine = ZTextLine(500);

const ZCriterion = z.strictObject({
  code: ZCode,
  name: ZName,
  weight: z.number().positive('Trọng số phải lớn hơn 0').max(1000),
  direction: z.enum(['higher_better', 'lower_better']),
  unit: z.enum(['percent', 'count']),
  thresholds: ZThresholds,
  validFrom: ZIsoDate,
  validTo: ZIsoDate.nullish(),
  note: ZText(2000).nullish(),
});

const ZCriterionPatch = z.strictObject({
  version: z.number().int().min(1),
  name: ZName.optional(),
  weight: z.number().positive('Trọng số phải lớn hơn 0').max(1000).optional(),
  thresholds: ZThresholds.optional(),
  validTo: ZIsoDate.nullish(),
  note: ZText(2000).nullish(),
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
    schema: { tags: ['evaluation'], summary: 'Bộ tiêu chí đánh giá và ngưỡng xếp loại (mọi phiên bản, kèm hiệu lực)' },
  }, async (req) => {
    authorize(req, 'evaluation.read');
    return rulesView(deps);
  });

  r.post('/api/evaluation/criteria', {
    schema: { tags: ['evaluation'], summary: 'Thêm tiêu chí hoặc phiên bản mới của tiêu chí (cùng mã, ngày hiệu lực sau)', body: ZCriterion },
  }, async (req, reply) => {
    authorize(req, 'evaluation.manage');
    reply.status(201);
    return createCriterion(deps, auditContext(req), req.body);
  });

  r.patch('/api/evaluation/criteria/:id', {
    schema: { tags: ['evaluation'], summary: 'Sửa một phiên bản tiêu chí', params: z.strictObject({ id: ZId }), body: ZCriterionPatch },
  }, async (req) => {
    authorize(req, 'evaluation.manage');
    return updateCriterion(deps, auditContext(req), req.params.id, req.body);
  });

  r.post('/api/evaluation/class-thresholds', {
    schema: {
      tags: ['evaluation'],
      summary: 'Ngưỡng xếp loại mới áp dụng từ một ngày',
      body: z.strictObject({ ghiNhanFrom: z.number().min(0).max(100), pheBinhBelow: z.number().min(0).max(100), validFrom: ZIsoDate, note: ZText(2000).nullish() }),
    },
  }, async (req, reply) => {
    authorize(req, 'evaluation.manage');
    reply.status(201);
    return createThresholds(deps, auditContext(req), req.body);
  });

  r.get('/api/evaluation/measures', {
    schema: { tags: ['evaluation'], summary: 'Số liệu đầu vào của một kỳ, theo nguồn (data / sample / manual)', querystring: z.strictObject({ period: ZPeriod }) },
  }, async (req) => {
    authorize(req, 'evaluation.read');
    return measuresOf(deps.db, req.query.period);
  });

  r.put('/api/evaluation/measures', {
    schema: {
      tags: ['evaluation'],
      summary: 'Nhập số liệu đầu vào (ưu tiên hơn số liệu tự tổng hợp); value null = tiêu chí không áp dụng cho đơn vị',
      body: z.strictObject({
        period: ZPeriod,
        measures: z.array(z.strictObject({ unitId: ZId, code: ZCode, value: z.number().finite().min(0).nullable(), note: ZText(1000).nullish() })).min(1).max(5000),
      }),
    },
  }, async (req) => {
    authorize(req, 'evaluation.manage');
    return putManualMeasures(deps, auditContext(req), req.body.period, req.body.measures);
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
      summary: 'Chạy đánh giá một kỳ: điểm từng tiêu chí, tổng điểm, thứ hạng, xếp loại của mọi đơn vị',
      body: z.strictObject({ period: ZPeriod, unitKinds: z.array(z.enum(UNIT_KINDS)).max(4).optional(), unitIds: z.array(ZId).max(5000).optional(), note: ZText(2000).nullish() }),
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
        ...run.criteria.map((c) => ({ header: `${c.name} (tối đa ${c.weight} điểm)`, value: (x: ResultView) => x.components.find((k) => k.code === c.code)?.points ?? null, type: 'number' as const, width: 16 })),
        { header: 'Tổng điểm (thang 100)', value: 'score', type: 'number', width: 12 },
        { header: 'Xếp loại', value: (x) => (x.class ? EVALUATION_CLASS_LABEL_VI[x.class] : 'Chưa xếp loại'), width: 16 },
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
