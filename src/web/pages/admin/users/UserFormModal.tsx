import { useState } from 'react';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { ROLES, type Role } from '../../../../core/auth/roles';
import type { TUnit as Unit } from '../../../../contracts/units';
import { ZUsername, type TUser as UserRecord, type TUserCreate as CreateUserInput, type TUserUpdate as UpdateUserInput } from '../../../../contracts/users';
import { ZName } from '../../../../contracts/common';
import { maxLengthOf, schemaRule } from '../../../lib/schema-rule';
import { useCreateUser, useUpdateUser } from '../../../api/users';
import { formErrorBanner, type FormBanner } from '../../../components/formErrors';
import { errorText } from '../../../components/QueryError';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';
import { useI18n } from '../../../i18n/I18nProvider';
import { roleKey } from '../../../i18n/labels';
import type { MessageKey } from '../../../i18n/vi';
import { passwordProblem } from './password-policy';

interface Values {
  username: string;
  fullName: string;
  role: Role;
  unitId: string;
  password?: string;
}

const FIELDS = ['username', 'fullName', 'role', 'unitId', 'password'] as const;

function clean(s: string | undefined): string {
  return (s ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
}

interface Props {
  /** null: create a new account. */
  user: UserRecord | null;
  units: readonly Unit[];
  unitsLoading: boolean;
  onClose: () => void;
}

/** Create an account, or change a person's name, role, unit or password. */
export function UserFormModal({ user, units, unitsLoading, onClose }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<FormBanner | null>(null);
  const create = useCreateUser();
  const update = useUpdateUser();

  // A new user has no version, so a conflict can only come from an edit.
  const onError = (err: unknown) =>
    setFormError(formErrorBanner(form, err, FIELDS, { uniqueField: user ? undefined : 'username', conflictText: t('error.conflict'), otherText: () => errorText(err, t) }));

  const onFinish = (v: Values) => {
    setFormError(null);
    if (user) {
      const patch: UpdateUserInput = { version: user.version };
      const fullName = clean(v.fullName);
      if (fullName !== user.fullName) patch.fullName = fullName;
      if (v.role !== user.role) patch.role = v.role;
      if (v.unitId !== user.unitId) patch.unitId = v.unitId;
      if (v.password) patch.password = v.password;
      if (Object.keys(patch).length === 1) {
        onClose();
        return;
      }
      update.mutate(
        { id: user.id, input: patch },
        {
          onSuccess: (u) => {
            void message.success(t('users.saved', { name: u.fullName }));
            onClose();
          },
          onError,
        },
      );
      return;
    }
    const input: CreateUserInput = {
      username: v.username.trim(),
      password: v.password ?? '',
      fullName: clean(v.fullName),
      role: v.role,
      unitId: v.unitId,
    };
    create.mutate(input, {
      onSuccess: (u) => {
        void message.success(t('users.created', { name: u.fullName }));
        onClose();
      },
      onError,
    });
  };

  const required = (key: MessageKey, select = false) => ({
    required: true,
    whitespace: !select,
    message: t(select ? 'common.requiredSelect' : 'common.required', { field: t(key).toLowerCase() }),
  });

  const passwordRules = [
    ...(user ? [] : [required('users.field.password')]),
    ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
      validator: (_: unknown, value: string | undefined) => {
        if (!value) return Promise.resolve();
        const username = user?.username ?? String(getFieldValue('username') ?? '');
        const problem = passwordProblem(value, username.trim() || undefined);
        return problem ? Promise.reject(new Error(t(problem))) : Promise.resolve();
      },
    }),
  ];

  return (
    <Modal
      open
      title={user ? t('users.editTitle', { name: user.fullName }) : t('users.add')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      width={600}
      mask={{ closable: false }}
    >
      {formError ? <Alert type={formError.conflict ? 'warning' : 'error'} showIcon title={formError.text} style={{ marginBottom: 16 }} /> : null}
      <Form<Values>
        form={form}
        name="user-form"
        layout="vertical"
        requiredMark="optional"
        onFinish={onFinish}
        initialValues={user ? { username: user.username, fullName: user.fullName, role: user.role, unitId: user.unitId } : { role: 'unit_officer' }}
      >
        <Form.Item
          name="username"
          label={t('users.col.username')}
          rules={user ? [] : [required('users.col.username'), schemaRule(ZUsername, t('users.usernamePattern'))]}
        >
          <Input disabled={Boolean(user)} autoComplete="off" spellCheck={false} autoCapitalize="none" maxLength={64} />
        </Form.Item>
        <Form.Item name="fullName" label={t('users.col.fullName')} rules={[required('users.col.fullName')]}>
          <Input maxLength={maxLengthOf(ZName)} />
        </Form.Item>
        <Form.Item name="role" label={t('users.col.role')} rules={[required('users.col.role', true)]}>
          <Select options={ROLES.map((r) => ({ value: r, label: t(roleKey(r)) }))} />
        </Form.Item>
        <Form.Item name="unitId" label={t('users.col.unit')} rules={[required('users.col.unit', true)]}>
          <UnitTreeSelect units={units} loading={unitsLoading} />
        </Form.Item>
        <Form.Item
          name="password"
          label={user ? t('users.field.newPassword') : t('users.field.password')}
          extra={user ? `${t('users.passwordPolicy')} ${t('users.field.newPasswordHint')}` : t('users.passwordPolicy')}
          rules={passwordRules}
          dependencies={['username']}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
