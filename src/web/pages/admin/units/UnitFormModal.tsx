import { useState } from 'react';
import { Alert, App, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCreateUnit, useUpdateUnit } from '../../../api/units';
import { ZName } from '../../../../contracts/common';
import { UNIT_CODE_MAX, UNIT_KINDS, ZUnitCode, type TUnit, type TUnitCreate, type TUnitKind, type TUnitUpdate } from '../../../../contracts/units';
import { formErrorBanner, type FormBanner } from '../../../components/formErrors';
import { errorText } from '../../../components/QueryError';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';
import { useI18n } from '../../../i18n/I18nProvider';
import { kindKey } from '../../../i18n/labels';
import { formatDate } from '../../../i18n/format';
import { DATE_FORMAT, fromIso, toIso } from '../../../lib/dates';
import { maxLengthOf, schemaRule } from '../../../lib/schema-rule';

export type UnitFormTarget = { mode: 'create'; parentId: string | null } | { mode: 'edit'; unit: TUnit };

interface Values {
  code: string;
  name: string;
  shortName?: string;
  kind: TUnitKind;
  parentId?: string;
  validFrom: Dayjs;
  validTo?: Dayjs | null;
  aliases: string[];
}

const FIELDS = ['code', 'name', 'shortName', 'kind', 'parentId', 'validFrom', 'validTo', 'aliases'] as const;

/** The kind a new child most likely has, from its parent's kind. */
function defaultChildKind(parent: TUnit | undefined): TUnitKind {
  if (!parent) return 'city_committee';
  if (parent.kind === 'district') return 'commune';
  return 'department';
}

function clean(s: string | undefined | null): string {
  return (s ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
}

function cleanAliases(list: readonly string[] | undefined): string[] {
  return [...new Set((list ?? []).map(clean).filter(Boolean))];
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Only what changed goes to the server, so the audit log shows exactly the edit. */
function buildPatch(unit: TUnit, v: Values): TUnitUpdate {
  const patch: TUnitUpdate = { version: unit.version };
  const name = clean(v.name);
  if (name !== unit.name) patch.name = name;
  const shortName = clean(v.shortName) || null;
  if (shortName !== unit.shortName) patch.shortName = shortName;
  const validTo = v.validTo ? toIso(v.validTo) : null;
  if (validTo !== unit.validTo) patch.validTo = validTo;
  const aliases = cleanAliases(v.aliases);
  if (!sameList(aliases, unit.aliases)) patch.aliases = aliases;
  return patch;
}

function buildCreate(v: Values): TUnitCreate {
  const input: TUnitCreate = {
    code: clean(v.code),
    name: clean(v.name),
    kind: v.kind,
    parentId: v.parentId ?? null,
    validFrom: toIso(v.validFrom),
  };
  const shortName = clean(v.shortName);
  if (shortName) input.shortName = shortName;
  if (v.validTo) input.validTo = toIso(v.validTo);
  const aliases = cleanAliases(v.aliases);
  if (aliases.length) input.aliases = aliases;
  return input;
}

interface Props {
  target: UnitFormTarget;
  /** Units in force on the date shown: the choices for a parent. */
  units: readonly TUnit[];
  asOf: string;
  onClose: () => void;
}

/** Add a unit, or edit a unit's name, short name, aliases and end of validity. */
export function UnitFormModal({ target, units, asOf, onClose }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<FormBanner | null>(null);
  const create = useCreateUnit();
  const update = useUpdateUnit();
  const editing = target.mode === 'edit' ? target.unit : null;
  const parent = target.mode === 'create' ? units.find((u) => u.id === target.parentId) : undefined;

  const initialValues: Partial<Values> = editing
    ? {
        name: editing.name,
        shortName: editing.shortName ?? '',
        validTo: fromIso(editing.validTo) ?? null,
        aliases: editing.aliases,
      }
    : {
        kind: defaultChildKind(parent),
        parentId: target.mode === 'create' ? (target.parentId ?? undefined) : undefined,
        validFrom: fromIso(asOf),
        aliases: [],
      };

  const onError = (err: unknown) =>
    setFormError(formErrorBanner(form, err, FIELDS, { uniqueField: editing ? undefined : 'code', conflictText: t('error.conflict'), otherText: () => errorText(err, t) }));

  const onFinish = (v: Values) => {
    setFormError(null);
    if (editing) {
      const patch = buildPatch(editing, v);
      // Nothing changed: no request, no version bump, no empty audit row.
      if (Object.keys(patch).length === 1) {
        onClose();
        return;
      }
      update.mutate(
        { id: editing.id, input: patch },
        {
          onSuccess: (u) => {
            void message.success(t('units.saved', { name: u.name }));
            onClose();
          },
          onError,
        },
      );
      return;
    }
    create.mutate(buildCreate(v), {
      onSuccess: (u) => {
        void message.success(t('units.created', { name: u.name }));
        onClose();
      },
      onError,
    });
  };

  const parentName = (id: string | null) => units.find((u) => u.id === id)?.name ?? t('units.noParent');
  const required = (key: Parameters<typeof t>[0]) => ({ required: true, whitespace: true, message: t('common.required', { field: t(key).toLowerCase() }) });

  return (
    <Modal
      open
      title={editing ? t('units.editTitle', { name: editing.name }) : t('units.add')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      width={640}
      mask={{ closable: false }}
    >
      {editing ? (
        <Typography.Paragraph type="secondary">
          <code>{editing.code}</code> ·{' '}
          {t('units.readonlyInfo', { kind: t(kindKey(editing.kind)), parent: parentName(editing.parentId), from: formatDate(editing.validFrom) })}
        </Typography.Paragraph>
      ) : null}
      {formError ? (
        <Alert type={formError.conflict ? 'warning' : 'error'} showIcon title={formError.text} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<Values> form={form} name="unit-form" layout="vertical" initialValues={initialValues} onFinish={onFinish} requiredMark="optional">
        {editing ? null : (
          <>
            <Form.Item name="parentId" label={t('units.field.parent')}>
              <UnitTreeSelect units={units} allowClear />
            </Form.Item>
            <Form.Item name="kind" label={t('units.field.kind')} rules={[{ required: true, message: t('common.requiredSelect', { field: t('units.field.kind').toLowerCase() }) }]}>
              <Select options={UNIT_KINDS.map((k) => ({ value: k, label: t(kindKey(k)) }))} />
            </Form.Item>
            <Form.Item
              name="code"
              label={t('units.field.code')}
              extra={t('units.field.codeHint')}
              normalize={(v: string) => v.toUpperCase()}
              rules={[required('units.field.code'), schemaRule(ZUnitCode, t('units.field.codeHint'))]}
            >
              <Input maxLength={UNIT_CODE_MAX} spellCheck={false} autoCapitalize="characters" />
            </Form.Item>
          </>
        )}
        <Form.Item name="name" label={t('units.field.name')} rules={[required('units.field.name'), schemaRule(ZName)]}>
          <Input maxLength={maxLengthOf(ZName)} />
        </Form.Item>
        <Form.Item name="shortName" label={t('units.field.shortName')}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="aliases" label={t('units.field.aliases')} extra={t('units.field.aliasesHint')}>
          <Select mode="tags" open={false} tokenSeparators={[';']} suffixIcon={null} />
        </Form.Item>
        <div style={{ display: 'flex', gap: 16 }}>
          {editing ? null : (
            <Form.Item
              name="validFrom"
              label={t('units.field.validFrom')}
              style={{ flex: 1 }}
              rules={[{ required: true, message: t('common.requiredSelect', { field: t('units.field.validFrom').toLowerCase() }) }]}
            >
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
            </Form.Item>
          )}
          <Form.Item
            name="validTo"
            label={t('units.field.validTo')}
            extra={t('units.field.validToHint')}
            style={{ flex: 1 }}
            dependencies={['validFrom']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, value: Dayjs | null | undefined) => {
                  const from: Dayjs | undefined = editing ? fromIso(editing.validFrom) : getFieldValue('validFrom');
                  if (!value || !from || !value.isBefore(from, 'day')) return Promise.resolve();
                  return Promise.reject(new Error(t('units.validToBeforeFrom')));
                },
              }),
            ]}
          >
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
        </div>
      </Form>
    </Modal>
  );
}
