import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Drawer, Input, Modal, Skeleton, Space, Table, Tabs, Tag, Typography, Upload, type TableColumnsType } from 'antd';
import { BulbOutlined, DownloadOutlined, FileTextOutlined, PlusOutlined, SearchOutlined, UploadOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useDocument, useDocuments, usePropose, useRegisterDocument, useWithdrawDocument } from '../../api/documents';
import type { TDocument as DirectiveDocument, TProposal as Proposal } from '../../../contracts/documents';
import { canDo } from '../../auth/permissions';
import { useCurrentUser } from '../../auth/session';
import { PageHeader } from '../../components/PageHeader';
import { QueryError, errorText } from '../../components/QueryError';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDate, formatNumber } from '../../i18n/format';
import { useDebounced } from '../../lib/useDebounced';
import { TaskTable } from '../tasks/TaskTable';
import '../tasks/tasks.css';
import { HighlightedText } from './HighlightedText';
import { ProposalReview } from './ProposalReview';
import { DuplicateNotice } from './DuplicateNotice';
import { useDocText } from './messages';
import { WithdrawModal } from './WithdrawModal';

const PAGE_SIZE = 20;

/** Paste or upload, then "Đề xuất": the document is registered and its proposal read in one go. */
function RegisterModal({ onClose, onProposed, onOpen }: { onClose: () => void; onProposed: (doc: DirectiveDocument, p: Proposal) => void; onOpen: (id: string) => void }) {
  const dt = useDocText();
  const { t } = useI18n();
  const register = useRegisterDocument();
  const propose = usePropose();
  const withdraw = useWithdrawDocument();
  // A copy of a directive already registered: the clerk goes on only by choosing to.
  const [copy, setCopy] = useState<DirectiveDocument | null>(null);
  const [mode, setMode] = useState<'paste' | 'upload'>('paste');
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const busy = register.isPending || propose.isPending || withdraw.isPending;

  const review = async (doc: DirectiveDocument) => onProposed(doc, await propose.mutateAsync(doc.id));
  const go = async () => {
    setError(null);
    if (mode === 'paste' && text.replace(/\s/g, '').length < 20) return setError(dt('reg.tooShort'));
    if (mode === 'upload' && !file) return setError(dt('reg.fileHelp'));
    try {
      const doc = await register.mutateAsync(mode === 'paste' ? { text } : { file: file! });
      if (doc.duplicates?.length) return setCopy(doc);
      await review(doc);
    } catch (err) {
      setError(errorText(err, t));
    }
  };
  const goOn = async () => {
    try {
      await review(copy!);
    } catch (err) {
      setError(errorText(err, t));
    }
  };
  const withdrawCopy = async () => {
    try {
      await withdraw.mutateAsync({ id: copy!.id, version: copy!.version, reason: dt('dup.withdrawReason'), cancelTaskIds: [] });
      onOpen(copy!.duplicates![0]!.id);
    } catch (err) {
      setError(errorText(err, t));
    }
  };

  return (
    <Modal
      open
      title={dt('reg.title')}
      width={860}
      onCancel={onClose}
      footer={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" icon={<BulbOutlined />} loading={busy} disabled={!!copy} onClick={() => void go()} data-testid="propose-button">
            {dt('reg.propose')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{dt('reg.proposeHelp')}</Typography.Paragraph>
      <Tabs
        activeKey={mode}
        onChange={(k) => setMode(k as 'paste' | 'upload')}
        items={[
          {
            key: 'paste',
            label: dt('reg.paste'),
            children: (
              <Input.TextArea
                value={text}
                onChange={(e) => setText(e.target.value)}
                placeholder={dt('reg.textPlaceholder')}
                autoSize={{ minRows: 14, maxRows: 24 }}
                aria-label={dt('reg.textLabel')}
                data-testid="document-text"
              />
            ),
          },
          {
            key: 'upload',
            label: dt('reg.upload'),
            children: (
              <Space orientation="vertical">
                <Upload
                  accept=".docx,.pdf,.txt"
                  maxCount={1}
                  beforeUpload={(f) => {
                    setFile(f);
                    return false;
                  }}
                  onRemove={() => setFile(null)}
                  fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
                >
                  <Button icon={<UploadOutlined />}>{dt('reg.choose')}</Button>
                </Upload>
                <Typography.Text type="secondary">{dt('reg.fileHelp')}</Typography.Text>
              </Space>
            ),
          },
        ]}
      />
      {copy ? (
        <DuplicateNotice
          twins={copy.duplicates ?? []}
          onOpen={onClose}
          action={
            <Space wrap>
              <Button loading={propose.isPending} onClick={() => void goOn()} data-testid="duplicate-go-on">
                {dt('dup.goOn')}
              </Button>
              <Button danger loading={withdraw.isPending} onClick={() => void withdrawCopy()} data-testid="duplicate-withdraw">
                {dt('dup.withdrawNew')}
              </Button>
            </Space>
          }
        />
      ) : null}
      {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} data-testid="register-error" /> : null}
    </Modal>
  );
}

/** One directive: metadata, full text with the source sentences of its tasks, and the tasks. */
function DocumentDrawer({ id, onClose, onPropose }: { id: string | null; onClose: () => void; onPropose: (doc: DirectiveDocument, p: Proposal) => void }) {
  const dt = useDocText();
  const { t } = useI18n();
  const user = useCurrentUser();
  const detail = useDocument(id);
  const propose = usePropose();
  const navigate = useNavigate();
  const d = detail.data?.document;
  const all = detail.data?.tasks ?? [];
  const tasks = all.filter((x) => !x.cancelled);
  const cancelled = all.filter((x) => x.cancelled);
  const [withdrawing, setWithdrawing] = useState(false);
  const withdrawn = d?.status === 'withdrawn';
  return (
    <Drawer open={!!id} onClose={onClose} size={900} title={d ? [d.type, d.number].filter(Boolean).join(' ') || dt('title') : dt('title')} destroyOnHidden>
      {detail.isError ? <QueryError error={detail.error} onRetry={() => void detail.refetch()} /> : null}
      {!d ? (
        detail.isError ? null : <Skeleton active />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }} size="middle">
          {withdrawn ? (
            <Alert
              type="error"
              showIcon
              data-testid="withdrawn-banner"
              title={dt('wd.banner', { date: formatDate(d.withdrawnAt ? d.withdrawnAt.slice(0, 10) : null), by: d.withdrawnBy ?? '—', reason: d.withdrawnReason ?? '' })}
            />
          ) : null}
          <DuplicateNotice twins={d.duplicates ?? []} />
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={dt('col.number')}>{d.number ?? dt('noNumber')}</Descriptions.Item>
            <Descriptions.Item label={dt('col.date')}>{formatDate(d.issuedOn)}</Descriptions.Item>
            <Descriptions.Item label={dt('doc.issuer')}>{d.issuer ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={dt('doc.signer')}>{[d.signerAuthority, d.signer].filter(Boolean).join(' ') || '—'}</Descriptions.Item>
            <Descriptions.Item label={dt('col.summary')} span={2}>
              {d.summary ?? '—'}
            </Descriptions.Item>
          </Descriptions>
          <Space wrap>
            <Tag color={withdrawn ? 'red' : d.confirmedAt ? 'green' : undefined} data-testid="document-status">{dt(`status.${d.status}`)}</Tag>
            {d.sample ? <Tag>{dt('sample')}</Tag> : null}
            {d.file ? (
              <a href={`/api/documents/${d.id}/file`}>
                <FileTextOutlined /> {dt('doc.file', { name: d.file.name })}
              </a>
            ) : null}
            {canDo(user, 'document.manage') && !withdrawn ? (
              <Button
                icon={<BulbOutlined />}
                loading={propose.isPending}
                onClick={() => propose.mutate(d.id, { onSuccess: (p) => onPropose(d, p) })}
              >
                {dt('doc.propose')}
              </Button>
            ) : null}
            {tasks.length ? (
              <Link to={`/tasks?tab=all&documentId=${d.id}`}>
                {dt('doc.openTasks')}
              </Link>
            ) : null}
            {d.confirmedAt && canDo(user, 'document.manage') ? (
              <a href={`/api/documents/${d.id}/gold`} download data-testid="export-gold">
                <DownloadOutlined /> {dt('doc.gold')}
              </a>
            ) : null}
            {canDo(user, 'document.manage') && !withdrawn ? (
              <Button danger onClick={() => setWithdrawing(true)} data-testid="withdraw-document">
                {dt('wd.button')}
              </Button>
            ) : null}
          </Space>
          {withdrawing ? <WithdrawModal document={d} tasks={tasks} onClose={() => setWithdrawing(false)} /> : null}
          {propose.isError ? <Alert type="error" showIcon title={errorText(propose.error, t)} /> : null}
          <Card size="small" title={dt('doc.text')}>
            <HighlightedText
              text={d.body ?? ''}
              spans={tasks.flatMap((x, i) => (x.source && x.source.start !== null && x.source.end !== null ? [{ start: x.source.start, end: x.source.end, key: i }] : []))}
            />
          </Card>
          <Typography.Title level={5}>
            {dt('doc.tasks')} ({formatNumber(tasks.length, 'vi')})
          </Typography.Title>
          <TaskTable tasks={tasks} showDocument={false} onOpen={(x) => navigate(`/tasks?tab=all&documentId=${d.id}&task=${x.id}`)} pagination={tasks.length > 10 ? { pageSize: 10 } : false} testId="document-tasks" />
          {cancelled.length ? (
            <Card size="small" title={`${dt('wd.cancelled')} (${formatNumber(cancelled.length, 'vi')})`} data-testid="cancelled-tasks">
              {cancelled.map((x) => (
                <div key={x.id}>
                  <Typography.Text delete>{x.title}</Typography.Text> <Typography.Text type="secondary">— {x.leadUnit.name}</Typography.Text>
                </div>
              ))}
            </Card>
          ) : null}
        </Space>
      )}
    </Drawer>
  );
}

/** Văn bản chỉ đạo: the register of directives, registration by paste or upload, and the proposal review. */
export function DocumentsPage() {
  const dt = useDocText();
  const { lang } = useI18n();
  const user = useCurrentUser();
  const canManage = canDo(user, 'document.manage');
  const [params, setParams] = useSearchParams();
  const [query, setQuery] = useState('');
  const q = useDebounced(query, 300);
  const [page, setPage] = useState(1);
  const [registering, setRegistering] = useState(false);
  const [review, setReview] = useState<{ doc: DirectiveDocument & { body: string }; proposal: Proposal } | null>(null);
  const list = useDocuments(q, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const openId = params.get('doc');

  const startReview = (doc: DirectiveDocument, proposal: Proposal) => {
    setRegistering(false);
    setParams({});
    setReview({ doc: { ...doc, body: doc.body ?? '' }, proposal });
  };

  if (review) {
    return (
      <div>
        <PageHeader title={dt('review.title')} subtitle={[review.doc.type, review.doc.number, formatDate(review.doc.issuedOn)].filter(Boolean).join(' · ')} />
        <div className="hd-card">
          <ProposalReview document={review.doc} proposal={review.proposal} onCancel={() => setReview(null)} />
        </div>
      </div>
    );
  }

  const columns: TableColumnsType<DirectiveDocument> = [
    {
      title: dt('col.number'),
      dataIndex: 'number',
      width: 170,
      render: (n: string | null, d) => (
        <Typography.Link onClick={() => setParams({ doc: d.id })} strong>
          {n ?? dt('noNumber')}
        </Typography.Link>
      ),
    },
    { title: dt('col.type'), dataIndex: 'type', width: 120 },
    { title: dt('col.date'), dataIndex: 'issuedOn', width: 130, render: (d: string | null) => formatDate(d) },
    {
      title: dt('col.summary'),
      dataIndex: 'summary',
      render: (s: string | null, d) => (
        <div>
          <div>{s}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12.5 }}>
            {[d.issuer, d.signer].filter(Boolean).join(' · ')}
          </Typography.Text>
          {d.sample ? <Tag className="hd-sample-tag" bordered={false}>{dt('sample')}</Tag> : null}
        </div>
      ),
    },
    {
      title: dt('col.state'),
      key: 'state',
      width: 200,
      render: (_, d) =>
        d.status === 'withdrawn' ? (
          <Tag color="red">{dt('withdrawn')}</Tag>
        ) : d.taskCount ? (
          <Space orientation="vertical" size={0}>
            <Tag color="green">{dt('confirmed', { n: formatNumber(d.taskCount, lang) })}</Tag>
            {d.openTaskCount ? <Typography.Text type="secondary" style={{ fontSize: 12.5 }}>{dt('openTasks', { n: formatNumber(d.openTaskCount, lang) })}</Typography.Text> : null}
          </Space>
        ) : (
          <Tag>{dt('notConfirmed')}</Tag>
        ),
    },
  ];

  return (
    <div>
      <PageHeader
        title={dt('title')}
        subtitle={dt('subtitle')}
        extra={
          canManage ? (
            <Space>
              <Button icon={<DownloadOutlined />} href="/api/documents/gold" download data-testid="export-gold-all">
                {dt('goldAll')}
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)} data-testid="register-document">
                {dt('register')}
              </Button>
            </Space>
          ) : null
        }
      />
      <div className="hd-card">
        <div className="hd-toolbar">
          <Input
            size="large"
            allowClear
            prefix={<SearchOutlined />}
            placeholder={dt('search')}
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setPage(1);
            }}
            style={{ maxWidth: 520 }}
            aria-label={dt('search')}
          />
        </div>
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<DirectiveDocument>
            data-testid="documents-table"
            rowKey="id"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching}
            pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true, showSizeChanger: false }}
          />
        )}
      </div>
      {registering ? (
        <RegisterModal
          onClose={() => setRegistering(false)}
          onProposed={startReview}
          onOpen={(id) => {
            setRegistering(false);
            setParams({ doc: id });
          }}
        />
      ) : null}
      <DocumentDrawer id={openId} onClose={() => setParams({})} onPropose={startReview} />
    </div>
  );
}
