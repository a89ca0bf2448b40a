import { App, Button, Popconfirm, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { TLoginThrottle } from '../../../../contracts/auth';
import { useLoginThrottles, useReleaseThrottle } from '../../../api/auth';
import { QueryError, errorText } from '../../../components/QueryError';
import { useI18n } from '../../../i18n/I18nProvider';
import { formatDateTime } from '../../../i18n/format';

/**
 * Who the login throttle is holding back: one account from one address, or a whole address.
 * The owner of an account is never held back by failures from another address, so a row
 * here is a person mistyping or a stranger guessing; releasing it is audited.
 */
export function LoginThrottlesCard() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const throttles = useLoginThrottles(true);
  const release = useReleaseThrottle();
  const now = Date.now();

  const columns: TableColumnsType<TLoginThrottle> = [
    { title: t('throttles.col.account'), key: 'account', render: (_, r) => r.account ?? <Typography.Text type="secondary">{t('throttles.everyAccount')}</Typography.Text> },
    { title: t('throttles.col.address'), dataIndex: 'address', key: 'address' },
    { title: t('throttles.col.failures'), dataIndex: 'failures', key: 'failures', align: 'right' },
    { title: t('throttles.col.lastFailed'), key: 'last', render: (_, r) => formatDateTime(r.lastFailedAt) },
    {
      title: t('throttles.col.state'),
      key: 'state',
      render: (_, r) =>
        r.blockedUntil && Date.parse(r.blockedUntil) > now ? <Tag color="orange">{t('throttles.blockedUntil', { time: formatDateTime(r.blockedUntil) })}</Tag> : <Tag>{t('throttles.counting')}</Tag>,
    },
    {
      title: '',
      key: 'actions',
      render: (_, r) => (
        <Popconfirm
          title={t('throttles.releaseConfirm', { account: r.account ?? t('throttles.everyAccount'), address: r.address })}
          okText={t('throttles.release')}
          cancelText={t('common.cancel')}
          onConfirm={() =>
            release
              .mutateAsync({ account: r.account, address: r.address })
              .then(() => message.success(t('throttles.released', { address: r.address })))
              .catch((err: unknown) => message.error(errorText(err, t)))
          }
        >
          <Button size="small" aria-label={`${t('throttles.release')} ${r.account ?? ''} ${r.address}`}>
            {t('throttles.release')}
          </Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <div className="hd-card" data-testid="login-throttles" style={{ marginTop: 16 }}>
      <Typography.Title level={5}>{t('throttles.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('throttles.intro')}</Typography.Paragraph>
      {throttles.isError ? (
        <QueryError error={throttles.error} onRetry={() => void throttles.refetch()} />
      ) : (
        <Table<TLoginThrottle>
          rowKey={(r) => `${r.account ?? '*'}@${r.address}`}
          columns={columns}
          dataSource={throttles.data?.items ?? []}
          loading={throttles.isFetching}
          size="small"
          pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: t('throttles.empty') }}
        />
      )}
    </div>
  );
}
