import { Collapse, Table, Typography } from 'antd';
import { useI18n } from '../i18n/I18nProvider';
import { diffRecords, showValue, type DiffRow } from '../lib/json-diff';

/** Before/after of one audit row: changed fields highlighted, unchanged ones dimmed, full JSON on demand. */
export function JsonDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useI18n();
  const rows = diffRecords(before, after).sort((x, y) => Number(y.changed) - Number(x.changed));
  const changed = rows.filter((r) => r.changed);

  return (
    <div className="hd-json-diff">
      {changed.length === 0 ? (
        <Typography.Text type="secondary">{t('audit.noDiff')}</Typography.Text>
      ) : (
        <Table<DiffRow>
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={rows}
          rowClassName={(r) => (r.changed ? 'hd-diff-changed' : 'hd-diff-same')}
          columns={[
            { title: t('audit.field'), dataIndex: 'key', width: 200, render: (k: string) => <code>{k || '—'}</code> },
            {
              title: t('audit.before'),
              dataIndex: 'before',
              render: (v: unknown, r) => <span className={r.changed ? 'hd-diff-before' : undefined}>{showValue(v)}</span>,
            },
            {
              title: t('audit.after'),
              dataIndex: 'after',
              render: (v: unknown, r) => <span className={r.changed ? 'hd-diff-after' : undefined}>{showValue(v)}</span>,
            },
          ]}
        />
      )}
      <Collapse
        ghost
        size="small"
        items={[
          {
            key: 'raw',
            label: t('audit.rawJson'),
            children: (
              <div className="hd-json-raw">
                <div>
                  <Typography.Text strong>{t('audit.before')}</Typography.Text>
                  <pre>{JSON.stringify(before ?? null, null, 2)}</pre>
                </div>
                <div>
                  <Typography.Text strong>{t('audit.after')}</Typography.Text>
                  <pre>{JSON.stringify(after ?? null, null, 2)}</pre>
                </div>
              </div>
            ),
          },
        ]}
      />
    </div>
  );
}
