import { useMemo, useState } from 'react';
import { App, Badge, Button, Input, Popconfirm, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { EditOutlined, LockOutlined, PlusOutlined, SearchOutlined, UnlockOutlined } from '@ant-design/icons';
import { ROLES, type Role } from '../../../../core/auth/roles';
import type { TUnit as Unit } from '../../../../contracts/units';
import type { TUser as UserRecord } from '../../../../contracts/users';
import { useUnits } from '../../../api/units';
import { useUpdateUser, useUsers } from '../../../api/users';
import { canDo } from '../../../auth/permissions';
import { useCurrentUser } from '../../../auth/session';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError, errorText } from '../../../components/QueryError';
import { useI18n } from '../../../i18n/I18nProvider';
import { formatDateTime, formatNumber } from '../../../i18n/format';
import { roleKey } from '../../../i18n/labels';
import { todayIso } from '../../../lib/dates';
import { comparePersonNames, compareVietnamese, matchesQuery } from '../../../lib/text';
import { LoginThrottlesCard } from './LoginThrottlesCard';
import { UserFormModal } from './UserFormModal';

const ROLE_COLOURS: Record<Role, string> = {
  admin: 'magenta',
  coordinator: 'blue',
  finance: 'gold',
  unit_officer: 'default',
  unit_leader: 'cyan',
  leadership: 'geekblue',
  national: 'purple',
};

/** A unit that has ended is not in today's tree, but an account may still point at it. */
function withUnit(units: readonly Unit[], id: string, name: string): readonly Unit[] {
  if (units.some((u) => u.id === id)) return units;
  const placeholder: Unit = {
    id,
    code: '',
    name,
    shortName: null,
    kind: 'agency',
    level: 0,
    parentId: null,
    validFrom: '',
    validTo: null,
    successorIds: [],
    aliases: [],
    groups: [],
    sample: false,
    version: 0,
  };
  return [...units, placeholder];
}

/** Accounts: who they are, their role and unit, whether they can log in, and when they last did. */
export function UsersPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const isAdmin = canDo(me, 'user.manage');
  const users = useUsers();
  const units = useUnits(todayIso());
  const update = useUpdateUser();
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<UserRecord | 'new' | null>(null);

  const rows = useMemo(
    () => (users.data ?? []).filter((u) => matchesQuery(query, u.fullName, u.username, u.unitName)),
    [users.data, query],
  );

  const setActive = (u: UserRecord, active: boolean) =>
    update.mutate(
      { id: u.id, input: { version: u.version, active } },
      {
        onSuccess: () => void message.success(t(active ? 'users.reactivated' : 'users.deactivated', { name: u.fullName })),
        onError: (err) => void message.error(errorText(err, t)),
      },
    );

  const columns: TableColumnsType<UserRecord> = [
    {
      title: t('users.col.fullName'),
      dataIndex: 'fullName',
      sorter: (a, b) => comparePersonNames(a.fullName, b.fullName),
      defaultSortOrder: 'ascend',
      render: (name: string, u) => (
        <span>
          <Typography.Text strong>{name}</Typography.Text>
          {u.id === me.id ? <Tag style={{ marginLeft: 8 }}>{t('users.self')}</Tag> : null}
        </span>
      ),
    },
    {
      title: t('users.col.username'),
      dataIndex: 'username',
      width: 150,
      sorter: (a, b) => compareVietnamese(a.username, b.username),
      render: (s: string) => <code>{s}</code>,
    },
    {
      title: t('users.col.role'),
      dataIndex: 'role',
      width: 180,
      filters: ROLES.map((r) => ({ text: t(roleKey(r)), value: r })),
      onFilter: (value, u) => u.role === value,
      sorter: (a, b) => compareVietnamese(t(roleKey(a.role)), t(roleKey(b.role))),
      render: (r: Role) => <Tag color={ROLE_COLOURS[r]}>{t(roleKey(r))}</Tag>,
    },
    {
      title: t('users.col.unit'),
      dataIndex: 'unitName',
      sorter: (a, b) => compareVietnamese(a.unitName, b.unitName),
    },
    {
      title: t('users.col.active'),
      dataIndex: 'active',
      width: 170,
      filters: [
        { text: t('users.active'), value: true },
        { text: t('users.inactive'), value: false },
      ],
      onFilter: (value, u) => u.active === value,
      render: (active: boolean) => (
        <Badge className="hd-nowrap" status={active ? 'success' : 'default'} text={active ? t('users.active') : t('users.inactive')} />
      ),
    },
    {
      title: t('users.col.lastLogin'),
      dataIndex: 'lastLoginAt',
      width: 170,
      sorter: (a, b) => (a.lastLoginAt ?? '').localeCompare(b.lastLoginAt ?? ''),
      render: (at: string | null) => (at ? formatDateTime(at) : <Typography.Text type="secondary">{t('users.never')}</Typography.Text>),
    },
  ];

  if (isAdmin) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 120,
      align: 'center',
      render: (_, u) => (
        <Space size={4}>
          <Tooltip title={t('common.edit')}>
            <Button type="text" icon={<EditOutlined />} aria-label={`${t('common.edit')} ${u.username}`} onClick={() => setEditing(u)} />
          </Tooltip>
          {u.active ? (
            <Popconfirm
              title={t('users.deactivateConfirm', { name: u.fullName })}
              okText={t('users.deactivate')}
              okButtonProps={{ danger: true }}
              cancelText={t('common.cancel')}
              onConfirm={() => setActive(u, false)}
              disabled={u.id === me.id}
            >
              <Tooltip title={t('users.deactivate')}>
                <Button type="text" danger icon={<LockOutlined />} aria-label={`${t('users.deactivate')} ${u.username}`} disabled={u.id === me.id} />
              </Tooltip>
            </Popconfirm>
          ) : (
            <Popconfirm
              title={t('users.reactivateConfirm', { name: u.fullName })}
              okText={t('users.reactivate')}
              cancelText={t('common.cancel')}
              onConfirm={() => setActive(u, true)}
            >
              <Tooltip title={t('users.reactivate')}>
                <Button type="text" icon={<UnlockOutlined />} aria-label={`${t('users.reactivate')} ${u.username}`} />
              </Tooltip>
            </Popconfirm>
          )}
        </Space>
      ),
    });
  }

  const formUnits = editing && editing !== 'new' ? withUnit(units.data ?? [], editing.unitId, editing.unitName) : (units.data ?? []);

  return (
    <div>
      <PageHeader
        title={t('users.title')}
        subtitle={users.data ? t('common.total', { total: formatNumber(users.data.length, lang) }) : undefined}
        extra={
          isAdmin ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('users.add')}
            </Button>
          ) : null
        }
      />
      <div className="hd-card">
        <div className="hd-toolbar">
          <Input
            size="large"
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t('users.searchPlaceholder')}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            style={{ maxWidth: 420 }}
            aria-label={t('common.search')}
          />
        </div>
        {users.isError ? (
          <QueryError error={users.error} onRetry={() => void users.refetch()} />
        ) : (
          <Table<UserRecord>
            data-testid="users-table"
            rowKey="id"
            columns={columns}
            dataSource={rows}
            loading={users.isFetching}
            pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
            scroll={{ x: 1100 }}
            rowClassName={(u) => (u.active ? '' : 'hd-row-inactive')}
          />
        )}
      </div>
      {isAdmin ? <LoginThrottlesCard /> : null}
      {editing ? (
        <UserFormModal
          user={editing === 'new' ? null : (users.data?.find((u) => u.id === editing.id) ?? editing)}
          units={formUnits}
          unitsLoading={units.isPending}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </div>
  );
}
