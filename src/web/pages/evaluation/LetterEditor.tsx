import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, Row, Select, Space, Typography } from 'antd';
import { DownloadOutlined, SaveOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { ApiError } from '../../api/client';
import { letterDocxUrl, useLetter, useSaveLetter, type LetterDraft, type LetterInstruction, type LetterSection } from '../../api/evaluation';
import { canDo } from '../../auth/permissions';
import { useCurrentUser } from '../../auth/session';
import { errorText, QueryError } from '../../components/QueryError';
import { formatDateTime } from '../../i18n/format';
import { useEvalText } from './messages';

const lines = (s: string) => s.split('\n').map((l) => l.trim()).filter(Boolean);

function unitsText(s: LetterSection): string {
  return s.units.map((u) => (u.reason ? `${u.name} | ${u.reason}` : u.name)).join('\n');
}

/** Back from the text box, keeping each unit's id when its name is unchanged. */
function parseUnits(text: string, before: LetterSection): LetterSection['units'] {
  return lines(text).map((l) => {
    const [name = '', ...rest] = l.split('|');
    const n = name.trim();
    return { unitId: before.units.find((u) => u.name === n)?.unitId ?? null, name: n, reason: rest.join('|').trim() };
  });
}

function instructionsText(list: LetterInstruction[]): string {
  return list.map((i) => `${i.text} | ${i.deadlineText ?? (i.deadline ? `trước ngày ${i.deadline.split('-').reverse().join('/')}` : '')}`).join('\n');
}

function parseInstructions(text: string, before: LetterInstruction[]): LetterInstruction[] {
  return lines(text).map((l) => {
    const [body = '', ...rest] = l.split('|');
    const when = rest.join('|').trim();
    const same = before.find((b) => b.text === body.trim());
    return { text: body.trim(), deadline: same && (same.deadlineText ?? '') === when ? same.deadline : null, deadlineText: when || null };
  });
}

interface FormValues {
  issuer: string;
  numberSuffix: string;
  place: string;
  date: dayjs.Dayjs | null;
  subject: string;
  recipients: string;
  opening: string;
  ghiNhanIntro: string;
  ghiNhanUnits: string;
  rutIntro: string;
  rutUnits: string;
  pheIntro: string;
  pheUnits: string;
  instructionsIntro: string;
  instructions: string;
  closing: string;
  copyTo: string;
  authority: LetterDraft['signer']['authority'];
  onBehalfOf: string;
  signerTitle: string;
  signerName: string;
}

function toForm(d: LetterDraft): FormValues {
  return {
    issuer: d.issuerLines.join('\n'),
    numberSuffix: d.numberSuffix,
    place: d.place,
    date: d.date ? dayjs(d.date) : null,
    subject: d.subject,
    recipients: d.recipients.join('\n'),
    opening: d.opening,
    ghiNhanIntro: d.ghiNhan.intro,
    ghiNhanUnits: unitsText(d.ghiNhan),
    rutIntro: d.rutKinhNghiem.intro,
    rutUnits: unitsText(d.rutKinhNghiem),
    pheIntro: d.pheBinh.intro,
    pheUnits: unitsText(d.pheBinh),
    instructionsIntro: d.instructionsIntro,
    instructions: instructionsText(d.instructions),
    closing: d.closing,
    copyTo: d.copyTo.join('\n'),
    authority: d.signer.authority,
    onBehalfOf: d.signer.onBehalfOf,
    signerTitle: d.signer.title,
    signerName: d.signer.name,
  };
}

function fromForm(v: FormValues, before: LetterDraft): LetterDraft {
  return {
    issuerLines: lines(v.issuer),
    numberSuffix: v.numberSuffix.trim(),
    place: v.place.trim(),
    date: v.date ? v.date.format('YYYY-MM-DD') : null,
    subject: v.subject.trim(),
    recipients: lines(v.recipients),
    opening: v.opening.trim(),
    ghiNhan: { intro: v.ghiNhanIntro.trim(), units: parseUnits(v.ghiNhanUnits, before.ghiNhan) },
    rutKinhNghiem: { intro: v.rutIntro.trim(), units: parseUnits(v.rutUnits, before.rutKinhNghiem) },
    pheBinh: { intro: v.pheIntro.trim(), units: parseUnits(v.pheUnits, before.pheBinh) },
    instructionsIntro: v.instructionsIntro.trim(),
    instructions: parseInstructions(v.instructions, before.instructions),
    closing: v.closing.trim(),
    copyTo: lines(v.copyTo),
    signer: { authority: v.authority, onBehalfOf: v.onBehalfOf.trim(), title: v.signerTitle.trim(), name: v.signerName.trim() },
  };
}

/** The coordinator's editor of the drafted letter: what is saved is what the .docx says. */
export function LetterEditor({ runId }: { runId: string }) {
  const t = useEvalText();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const canEdit = canDo(user, 'evaluation.manage');
  const letter = useLetter(runId);
  const save = useSaveLetter(runId);
  const [form] = Form.useForm<FormValues>();
  const [dirty, setDirty] = useState(false);

  useEffect(() => {
    if (letter.data) {
      form.setFieldsValue(toForm(letter.data.draft));
      setDirty(false);
    }
  }, [letter.data, form]);

  if (letter.isError) return <QueryError error={letter.error} onRetry={() => void letter.refetch()} />;
  if (!letter.data) return null;
  const data = letter.data;

  const onSave = async () => {
    const values = await form.validateFields();
    save.mutate(
      { version: data.version, draft: fromForm(values, data.draft) },
      {
        onSuccess: (r) => {
          setDirty(false);
          void message.success(t('letter.saved', { version: r.version }));
        },
        onError: (err) => void message.error(err instanceof ApiError && err.status === 409 ? t('conflict') : errorText(err, () => t('conflict'))),
      },
    );
  };

  const area = (rows: number) => <Input.TextArea autoSize={{ minRows: rows, maxRows: 18 }} disabled={!canEdit} />;
  return (
    <div className="ev-letter">
      <Alert type="info" showIcon title={t('letter.intro')} />
      <Space className="ev-letter-actions" wrap>
        {canEdit ? (
          <Button type="primary" icon={<SaveOutlined />} onClick={() => void onSave()} loading={save.isPending} disabled={!dirty} data-testid="ev-letter-save">
            {t('letter.save')}
          </Button>
        ) : null}
        <Button icon={<DownloadOutlined />} href={letterDocxUrl(runId)} download disabled={dirty} data-testid="ev-letter-download">
          {t('letter.download')}
        </Button>
        <Typography.Text type="secondary">
          {data.version === 0 ? t('letter.unsaved') : t('letter.version', { version: data.version, by: data.updatedBy ?? '', at: formatDateTime(data.updatedAt) })}
        </Typography.Text>
      </Space>
      <Form<FormValues> form={form} layout="vertical" onValuesChange={() => setDirty(true)} className="ev-letter-form">
        <Card size="small" className="ev-letter-card">
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="issuer" label={t('letter.issuer')}>{area(2)}</Form.Item>
              <Form.Item name="numberSuffix" label={t('letter.number')}><Input prefix="Số:      /" disabled={!canEdit} /></Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="place" label={t('letter.place')}><Input disabled={!canEdit} /></Form.Item>
              <Form.Item name="date" label={t('letter.date')}><DatePicker format="DD/MM/YYYY" allowClear disabled={!canEdit} style={{ width: '100%' }} /></Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="subject" label={t('letter.subject')} rules={[{ required: true, whitespace: true }]}>{area(3)}</Form.Item>
            </Col>
          </Row>
          <Form.Item name="recipients" label={t('letter.recipients')}>{area(3)}</Form.Item>
          <Form.Item name="opening" label={t('letter.opening')}>{area(4)}</Form.Item>
        </Card>
        {([['ghiNhanIntro', 'ghiNhanUnits', 'letter.ghiNhan'], ['rutIntro', 'rutUnits', 'letter.rutKinhNghiem'], ['pheIntro', 'pheUnits', 'letter.pheBinh']] as const).map(([intro, units, title]) => (
          <Card key={title} size="small" title={t(title)} className="ev-letter-card">
            <Form.Item name={intro} label={t('letter.sectionIntro')}>{area(2)}</Form.Item>
            <Form.Item name={units} label={t('letter.units')}>{area(4)}</Form.Item>
          </Card>
        ))}
        <Card size="small" className="ev-letter-card">
          <Form.Item name="instructionsIntro" label={t('letter.instructionsIntro')}>{area(1)}</Form.Item>
          <Form.Item name="instructions" label={t('letter.instructions')}>{area(4)}</Form.Item>
          <Form.Item name="closing" label={t('letter.closing')}>{area(1)}</Form.Item>
        </Card>
        <Card size="small" className="ev-letter-card">
          <Row gutter={16}>
            <Col xs={24} md={10}>
              <Form.Item name="copyTo" label={t('letter.copyTo')}>{area(6)}</Form.Item>
            </Col>
            <Col xs={24} md={14}>
              <Row gutter={12}>
                <Col span={10}>
                  <Form.Item name="authority" label={t('letter.authority')}>
                    <Select disabled={!canEdit} options={['', 'TM.', 'KT.', 'TL.', 'TUQ.', 'Q.'].map((a) => ({ value: a, label: a || t('letter.none') }))} />
                  </Form.Item>
                </Col>
                <Col span={14}>
                  <Form.Item name="onBehalfOf" label={t('letter.onBehalfOf')}><Input disabled={!canEdit} /></Form.Item>
                </Col>
              </Row>
              <Form.Item name="signerTitle" label={t('letter.signerTitle')}><Input disabled={!canEdit} /></Form.Item>
              <Form.Item name="signerName" label={t('letter.signerName')}><Input disabled={!canEdit} /></Form.Item>
            </Col>
          </Row>
        </Card>
      </Form>
    </div>
  );
}
