import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Col, DatePicker, Form, Input, Row, Segmented, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { CheckOutlined, PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useConfirmProposal } from '../../api/documents';
import type {
  TConfirmAssignment as ConfirmAssignment,
  TDocument as DirectiveDocument,
  TDocumentMetadataInput as DocumentMetadata,
  TGroupKeyWire as GroupKey,
  TProposal as Proposal,
  TResolved as Resolved,
  TUnreadSentenceWire as UnreadSentence,
} from '../../../contracts/documents';
import { PILLARS, type Pillar } from '../../../core/tasks/pillars';
import { RECURRENCES, type Recurrence } from '../../../core/tasks/recurrence';
import { useUnits } from '../../api/units';
import { isVersionConflict } from '../../components/formErrors';
import { errorText } from '../../components/QueryError';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDate } from '../../i18n/format';
import { DATE_FORMAT, fromIso, toIso } from '../../lib/dates';
import { compareVietnamese, matchesQuery } from '../../lib/text';
import { pillarKey, recurrenceKey, useTaskText } from '../tasks/messages';
import { HighlightedText } from './HighlightedText';
import { useDocText } from './messages';

interface Row {
  key: number;
  include: boolean;
  title: string;
  leadText: string;
  mode: 'unit' | 'group';
  leadUnitId: string | null;
  group: GroupKey | null;
  groupLabel: string;
  members: Array<{ id: string; name: string }>;
  memberIds: string[];
  coordinatorUnitIds: string[];
  unmatchedCoordinators: string[];
  deadline: string | null;
  deadlineText: string | null;
  recurrence: Recurrence | null;
  pillar: Pillar | null;
  source: { start: number; end: number; text: string };
  unknownLead: boolean;
  confidence: 'high' | 'medium' | 'low' | null;
  why: string | null;
  /** Proposed by the reader, or added by the clerk from a sentence it could not read. */
  origin: 'proposed' | 'unread';
}

/** The lead fields of a row from what the reader resolved (a unit, a group, or a name not in the registry). */
function leadFields(lead: Resolved | null): Pick<Row, 'leadText' | 'mode' | 'leadUnitId' | 'group' | 'groupLabel' | 'members' | 'memberIds' | 'unknownLead'> {
  return {
    leadText: lead?.text ?? '',
    mode: lead?.kind === 'group' && lead.members.length ? 'group' : 'unit',
    leadUnitId: lead?.kind === 'unit' ? lead.unit.id : null,
    group: lead?.kind === 'group' ? lead.group : null,
    groupLabel: lead?.kind === 'group' ? lead.label : '',
    members: lead?.kind === 'group' ? lead.members : [],
    memberIds: lead?.kind === 'group' ? lead.members.map((m) => m.id) : [],
    unknownLead: !lead || lead.kind === 'unknown' || (lead.kind === 'group' && lead.members.length === 0),
  };
}

const sentenceCase = (s: string): string => (s ? s.charAt(0).toUpperCase() + s.slice(1) : '');

/** A row for a sentence the reader could not read, with the unit and deadline the sentence names. */
function rowOfUnread(u: UnreadSentence, key: number): Row {
  return {
    key,
    include: true,
    title: sentenceCase(u.source.text.replace(/^\s*(?:\d+|[a-zđ])[.)]\s*/u, '').replace(/[.;]\s*$/u, '')),
    ...leadFields(u.lead),
    coordinatorUnitIds: [],
    unmatchedCoordinators: [],
    deadline: u.deadline,
    deadlineText: u.deadlineText,
    recurrence: u.recurrence,
    pillar: null,
    source: u.source,
    confidence: null,
    why: null,
    origin: 'unread',
  };
}

function rowsOf(p: Proposal): Row[] {
  return p.assignments.map((a) => ({
    key: a.index,
    include: true,
    title: a.task ? a.task.charAt(0).toUpperCase() + a.task.slice(1) : '',
    leadText: a.lead.text,
    mode: a.lead.kind === 'group' && a.lead.members.length ? 'group' : 'unit',
    leadUnitId: a.lead.kind === 'unit' ? a.lead.unit.id : null,
    group: a.lead.kind === 'group' ? a.lead.group : null,
    groupLabel: a.lead.kind === 'group' ? a.lead.label : '',
    members: a.lead.kind === 'group' ? a.lead.members : [],
    memberIds: a.lead.kind === 'group' ? a.lead.members.map((m) => m.id) : [],
    coordinatorUnitIds: a.coordinators.flatMap((c) => (c.kind === 'unit' ? [c.unit.id] : [])),
    unmatchedCoordinators: a.coordinators.flatMap((c) => (c.kind === 'unit' ? [] : [c.text])),
    deadline: a.deadline,
    deadlineText: a.deadlineText,
    recurrence: a.recurrence,
    pillar: null,
    source: a.source,
    unknownLead: a.lead.kind === 'unknown' || (a.lead.kind === 'group' && a.lead.members.length === 0),
    confidence: a.confidence,
    why: a.why,
    origin: 'proposed' as const,
  }));
}

const CONFIDENCE_COLOR = { high: 'green', medium: 'gold', low: 'red' } as const;

interface Props {
  document: DirectiveDocument & { body: string };
  proposal: Proposal;
  onCancel: () => void;
}

/**
 * The review screen: the text with each source sentence highlighted beside the table of
 * assignments, every field editable; confirming creates all tasks in one transaction.
 */
export function ProposalReview({ document: doc, proposal, onCancel }: Props) {
  const dt = useDocText();
  const tt = useTaskText();
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const confirm = useConfirmProposal();
  const units = useUnits(proposal.asOf);
  const [rows, setRows] = useState<Row[]>(() => rowsOf(proposal));
  const [addedUnread, setAddedUnread] = useState<number[]>([]);
  const addUnread = (u: UnreadSentence) => {
    setRows((rs) => [...rs, rowOfUnread(u, rs.reduce((m, r) => Math.max(m, r.key), -1) + 1)]);
    setAddedUnread((a) => [...a, u.index]);
  };
  const [active, setActive] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [form] = Form.useForm<DocumentMetadata & { issuedOnDay?: ReturnType<typeof fromIso> }>();
  const initialMeta = {
    number: doc.number ?? proposal.metadata.number,
    type: doc.type ?? proposal.metadata.type,
    issuer: doc.issuer ?? proposal.metadata.issuer,
    summary: doc.summary ?? proposal.metadata.summary,
    signer: doc.signer ?? proposal.metadata.signer,
    issuedOnDay: fromIso(doc.issuedOn ?? proposal.metadata.issuedOn),
  };

  // Until the registry arrives, the units the reader already resolved are the options, so a
  // select shows a name (never an id) from the first paint.
  const unitOptions = useMemo(() => {
    const list = units.data
      ? units.data.filter((u) => u.kind !== 'commune').map((u) => ({ id: u.id, name: u.name, search: [u.name, u.shortName, ...u.aliases].filter(Boolean).join(' ') }))
      : [...new Map(proposal.assignments.flatMap((a) => [a.lead, ...a.coordinators]).flatMap((l) => (l.kind === 'unit' ? [[l.unit.id, l.unit.name] as const] : []))).entries()].map(([id, name]) => ({ id, name, search: name }));
    return list.map((u) => ({ value: u.id, label: u.name, search: u.search })).sort((a, b) => compareVietnamese(a.label, b.label));
  }, [units.data, proposal]);
  const filterOption = (input: string, o?: { search?: string }) => matchesQuery(input, o?.search ?? '');
  const patch = (key: number, p: Partial<Row>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...p } : r)));
  const included = rows.filter((r) => r.include);
  const taskCount = included.reduce((n, r) => n + (r.mode === 'group' ? r.memberIds.length : r.leadUnitId ? 1 : 0), 0);

  const submit = async () => {
    setProblem(null);
    const meta = await form.validateFields();
    for (const [i, r] of rows.entries()) {
      if (!r.include) continue;
      if (!r.title.trim()) return setProblem(dt('review.missingTitle', { i: i + 1 }));
      if ((r.mode === 'unit' && !r.leadUnitId) || (r.mode === 'group' && r.memberIds.length === 0)) return setProblem(dt('review.missingLead', { i: i + 1 }));
    }
    const assignments: ConfirmAssignment[] = included.map((r) => ({
      title: r.title.trim(),
      lead:
        r.mode === 'group' && r.group
          ? { group: r.group, text: r.leadText, excludeUnitIds: r.members.filter((m) => !r.memberIds.includes(m.id)).map((m) => m.id) }
          : { unitId: r.leadUnitId! },
      coordinatorUnitIds: r.coordinatorUnitIds,
      deadline: r.deadline,
      deadlineText: r.deadlineText,
      recurrence: r.recurrence,
      pillar: r.pillar,
      sourceStart: r.source.start >= 0 ? r.source.start : null,
      sourceEnd: r.source.start >= 0 ? r.source.end : null,
    }));
    confirm.mutate(
      {
        id: doc.id,
        version: doc.version,
        metadata: {
          number: meta.number || null,
          type: meta.type || null,
          issuedOn: meta.issuedOnDay ? toIso(meta.issuedOnDay) : null,
          issuer: meta.issuer || null,
          summary: meta.summary || null,
          signer: meta.signer || null,
        },
        assignments,
      },
      {
        onSuccess: (res) => {
          void message.success(dt('review.done', { n: res.created }));
          navigate(`/tasks?tab=all&documentId=${doc.id}`);
        },
        onError: (err) => setProblem(isVersionConflict(err) ? t('error.conflict') : errorText(err, t)),
      },
    );
  };

  const columns: TableColumnsType<Row> = [
    {
      title: dt('review.include'),
      dataIndex: 'include',
      width: 56,
      render: (v: boolean, r) => <Checkbox checked={v} onChange={(e) => patch(r.key, { include: e.target.checked })} aria-label={`${dt('review.include')} ${r.key + 1}`} />,
    },
    {
      title: dt('review.source'),
      key: 'source',
      width: 260,
      render: (_, r) => (
        <div>
          <blockquote className="hd-source-quote" style={{ cursor: 'pointer' }} onClick={() => setActive(r.key)} data-testid="source-sentence">
            <mark>{r.source.text}</mark>
          </blockquote>
          {r.confidence ? (
            <div data-testid="assignment-why" style={{ fontSize: 12.5 }}>
              <Tag color={CONFIDENCE_COLOR[r.confidence]}>{dt(`review.confidence.${r.confidence}`)}</Tag>
              <Typography.Text type="secondary">{dt('review.why', { why: r.why ?? '' })}</Typography.Text>
            </div>
          ) : (
            <Tag color="blue" data-testid="assignment-added">{dt('review.added')}</Tag>
          )}
        </div>
      ),
    },
    {
      title: dt('review.task'),
      key: 'title',
      render: (_, r) => <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} style={{ minWidth: 200 }} value={r.title} onChange={(e) => patch(r.key, { title: e.target.value })} aria-label={`${dt('review.task')} ${r.key + 1}`} />,
    },
    {
      title: `${dt('review.lead')} / ${dt('review.coordinators').toLowerCase()}`,
      key: 'lead',
      width: 290,
      render: (_, r) => (
        <Space orientation="vertical" style={{ width: '100%' }} size={4}>
          {r.members.length ? (
            <Segmented
              size="small"
              value={r.mode}
              onChange={(v) => patch(r.key, { mode: v as Row['mode'] })}
              options={[
                { value: 'group', label: dt('review.toGroup') },
                { value: 'unit', label: dt('review.toUnit') },
              ]}
            />
          ) : null}
          {r.mode === 'group' ? (
            <>
              <Typography.Text type="secondary" style={{ fontSize: 12.5 }}>
                {dt('review.group', { text: r.leadText, n: r.memberIds.length })}
              </Typography.Text>
              <Select
                mode="multiple"
                size="small"
                maxTagCount={3}
                value={r.memberIds}
                onChange={(v: string[]) => patch(r.key, { memberIds: v })}
                options={r.members.map((m) => ({ value: m.id, label: m.name }))}
                style={{ width: '100%' }}
              />
            </>
          ) : (
            <>
              <Select
                showSearch={{ filterOption }}
                allowClear
                value={r.leadUnitId ?? undefined}
                onChange={(v?: string) => patch(r.key, { leadUnitId: v ?? null })}
                options={unitOptions}
                loading={units.isPending}
                status={r.leadUnitId ? undefined : 'error'}
                popupMatchSelectWidth={false}
                style={{ width: '100%' }}
                aria-label={`${dt('review.lead')} ${r.key + 1}`}
                data-testid="lead-select"
              />
              {r.unknownLead && !r.leadUnitId ? (
                <Typography.Text type="danger" style={{ fontSize: 12.5 }}>
                  {r.group ? dt('review.groupEmpty', { text: r.leadText }) : dt('review.unknown', { text: r.leadText })}
                </Typography.Text>
              ) : (
                <Typography.Text type="secondary" style={{ fontSize: 12.5 }}>
                  {dt('review.asWritten', { text: r.leadText })}
                </Typography.Text>
              )}
            </>
          )}
          <Typography.Text strong style={{ fontSize: 12.5, marginTop: 4 }}>
            {dt('review.coordinators')}
          </Typography.Text>
          <Select
            mode="multiple"
            showSearch={{ filterOption }}
            value={r.coordinatorUnitIds}
            onChange={(v: string[]) => patch(r.key, { coordinatorUnitIds: v })}
            options={unitOptions}
            popupMatchSelectWidth={false}
            maxTagCount={3}
            style={{ width: '100%' }}
          />
          {r.unmatchedCoordinators.length ? (
            <Typography.Text type="warning" style={{ fontSize: 12.5 }}>
              {dt('review.unknownCoordinator', { names: r.unmatchedCoordinators.join('; ') })}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    {
      title: dt('review.deadline'),
      key: 'deadline',
      width: 180,
      render: (_, r) => (
        <Space orientation="vertical" size={4} style={{ width: '100%' }}>
          <DatePicker format={DATE_FORMAT} value={fromIso(r.deadline) ?? null} onChange={(d) => patch(r.key, { deadline: d ? toIso(d) : null })} style={{ width: '100%' }} data-testid="deadline-picker" />
          {r.deadlineText ? (
            <Typography.Text type="secondary" style={{ fontSize: 12.5 }}>
              {dt('review.asWritten', { text: r.deadlineText })}
            </Typography.Text>
          ) : null}
          <Select
            allowClear
            size="small"
            style={{ width: '100%' }}
            placeholder={dt('review.recurrence')}
            value={r.recurrence ?? undefined}
            onChange={(v?: Recurrence) => patch(r.key, { recurrence: v ?? null })}
            options={RECURRENCES.map((x) => ({ value: x, label: tt(recurrenceKey(x)) }))}
          />
          <Select
            allowClear
            size="small"
            style={{ width: '100%' }}
            placeholder={dt('review.pillar')}
            value={r.pillar ?? undefined}
            onChange={(v?: Pillar) => patch(r.key, { pillar: v ?? null })}
            options={PILLARS.map((x) => ({ value: x, label: tt(pillarKey(x)) }))}
          />
        </Space>
      ),
    },
  ];

  return (
    <div data-testid="proposal-review">
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Card size="small" title={dt('review.metadata')}>
            <Form form={form} layout="vertical" initialValues={initialMeta} size="small">
              <Row gutter={12}>
                <Col span={12}>
                  <Form.Item name="number" label={dt('review.number')}>
                    <Input data-testid="meta-number" />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="type" label={dt('review.type')}>
                    <Input />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="issuedOnDay" label={dt('review.issuedOn')}>
                    <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="signer" label={dt('review.signer')}>
                    <Input />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="issuer" label={dt('review.issuer')}>
                <Input />
              </Form.Item>
              <Form.Item name="summary" label={dt('review.summary')}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} />
              </Form.Item>
            </Form>
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card size="small" title={dt('review.text')}>
            <HighlightedText
              text={doc.body}
              spans={rows.filter((r) => r.include).map((r) => ({ start: r.source.start, end: r.source.end, key: r.key }))}
              active={active}
              onPick={setActive}
              testId="review-text"
            />
          </Card>
        </Col>
      </Row>
      <Typography.Title level={4} style={{ marginTop: 20 }}>
        {dt('review.assignments', { n: rows.length })}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{dt('review.asOf', { date: formatDate(proposal.asOf) })}</Typography.Paragraph>
      {rows.length === 0 ? <Alert type="info" showIcon title={dt('review.none')} /> : null}
      <Table<Row>
        data-testid="review-table"
        rowKey="key"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        rowClassName={(r) => (r.include ? '' : 'hd-row-inactive')}
        onRow={(r) => ({ onFocus: () => setActive(r.key) })}
        scroll={{ x: 1040 }}
      />
      <Card size="small" style={{ marginTop: 16 }} title={dt('review.unread.title', { n: proposal.unread.length })} data-testid="unread-sentences">
        <Typography.Paragraph type="secondary" style={{ fontSize: 12.5 }}>
          {dt('review.unread.help')}
        </Typography.Paragraph>
        {proposal.unread.length === 0 ? <Typography.Text type="secondary">{dt('review.unread.none')}</Typography.Text> : null}
        <Space orientation="vertical" style={{ width: '100%' }} size={8}>
          {proposal.unread.map((u) => {
            const added = addedUnread.includes(u.index);
            return (
              <div key={u.index} data-testid="unread-sentence" style={{ display: 'flex', gap: 12, alignItems: 'flex-start' }}>
                <div style={{ flex: 1 }}>
                  <blockquote className="hd-source-quote" style={{ margin: 0 }}>
                    {u.source.text}
                  </blockquote>
                  <Space size={12} wrap style={{ fontSize: 12.5 }}>
                    {u.lead ? <Typography.Text type="secondary">{dt('review.unread.lead', { text: u.lead.kind === 'unit' ? u.lead.unit.name : u.lead.text })}</Typography.Text> : null}
                    {u.deadline ? <Typography.Text type="secondary">{dt('review.unread.deadline', { date: formatDate(u.deadline) })}</Typography.Text> : null}
                  </Space>
                </div>
                <Button size="small" icon={<PlusOutlined />} disabled={added} onClick={() => addUnread(u)} data-testid="add-unread">
                  {added ? dt('review.unread.added') : dt('review.unread.add')}
                </Button>
              </div>
            );
          })}
        </Space>
      </Card>
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginTop: 12 }} data-testid="review-problem" /> : null}
      <div style={{ display: 'flex', justifyContent: 'flex-end', gap: 12, marginTop: 16, alignItems: 'center' }}>
        <Tag color="blue">{dt('review.confirmCount', { n: taskCount })}</Tag>
        <Button onClick={onCancel}>{dt('review.cancel')}</Button>
        <Button type="primary" icon={<CheckOutlined />} disabled={taskCount === 0} loading={confirm.isPending} onClick={() => void submit()} data-testid="confirm-proposal">
          {dt('review.confirm')}
        </Button>
      </div>
    </div>
  );
}
