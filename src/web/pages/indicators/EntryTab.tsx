import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { formatPeriodKey, parsePeriodKey } from '../../../core/periods/period-key';
import { useEnterValue, useValue, type Indicator } from '../../api/indicators';
import type { Unit } from '../../api/types';
import { applyServerFieldError } from '../../components/formErrors';
import { errorText } from '../../components/QueryError';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDateTime } from '../../i18n/format';
import { matchesQuery } from '../../lib/text';
import { formatValue, PeriodPicker } from './periods';
import { useIndText } from './messages';

interface FormValues {
  value?: number | null;
  numerator?: number | null;
  denominator?: number | null;
  sourceAgency?: string;
  note?: string;
}

interface Props {
  indicators: readonly Indicator[];
  units: readonly Unit[];
  defaultUnitId: string | undefined;
  defaultPeriod: string;
  initialIndicatorId?: string;
}

/** A unit's value for one indicator and period; the current value and its version are shown and kept. */
export function EntryTab({ indicators, units, defaultUnitId, defaultPeriod, initialIndicatorId }: Props) {
  const t = useIndText();
  const { lang } = useI18n();
  const { message } = App.useApp();
  const enterable = useMemo(() => indicators.filter((i) => i.kind !== 'formula'), [indicators]);
  const [indicatorId, setIndicatorId] = useState<string | undefined>(undefined);
  // The catalogue may still be loading when the page opens on an indicator.
  useEffect(() => {
    if (!indicatorId && initialIndicatorId && enterable.some((i) => i.id === initialIndicatorId)) setIndicatorId(initialIndicatorId);
  }, [enterable, initialIndicatorId, indicatorId]);
  const indicator = enterable.find((i) => i.id === indicatorId);
  const [unitId, setUnitId] = useState<string | undefined>(defaultUnitId);
  const [period, setPeriod] = useState<string>(defaultPeriod);
  const [form] = Form.useForm<FormValues>();
  const save = useEnterValue();
  const current = useValue(indicator?.id, unitId, indicator ? period : undefined);
  const existing = current.data?.find((v) => v.sourceAgency === (form.getFieldValue('sourceAgency') || indicator?.sourceAgency)) ?? current.data?.[0];
  const numerator = Form.useWatch('numerator', form);
  const denominator = Form.useWatch('denominator', form);

  useEffect(() => {
    if (defaultUnitId && !unitId) setUnitId(defaultUnitId);
  }, [defaultUnitId, unitId]);

  // A period of the indicator's own periodicity, in the year being looked at.
  useEffect(() => {
    if (!indicator) return;
    const p = parsePeriodKey(period);
    if (p.type !== indicator.periodicity) setPeriod(formatPeriodKey({ type: indicator.periodicity, year: p.year, index: 1 }));
  }, [indicator, period]);

  useEffect(() => {
    form.setFieldsValue({ value: existing?.value ?? null, numerator: existing?.numerator ?? null, denominator: existing?.denominator ?? null, note: existing?.note ?? undefined });
  }, [existing, form]);

  const onFinish = (v: FormValues) => {
    if (!indicator || !unitId) return;
    save.mutate(
      {
        indicatorId: indicator.id,
        unitId,
        period,
        sourceAgency: v.sourceAgency?.trim() || null,
        value: indicator.kind === 'raw' ? (v.value ?? null) : null,
        numerator: indicator.kind === 'ratio' ? (v.numerator ?? null) : null,
        denominator: indicator.kind === 'ratio' ? (v.denominator ?? null) : null,
        note: v.note?.trim() || null,
        version: existing?.version ?? 0,
        channel: 'form',
      },
      {
        onSuccess: () => void message.success(t('entry.saved')),
        onError: (err) => {
          if (!applyServerFieldError(form, err, ['value', 'numerator', 'denominator', 'sourceAgency', 'note'])) void message.error(errorText(err, () => t('entry.save')));
        },
      },
    );
  };

  return (
    <Card title={t('entry.title')} style={{ maxWidth: 860 }}>
      <Typography.Paragraph type="secondary">{t('entry.help')}</Typography.Paragraph>
      <Form<FormValues> form={form} layout="vertical" onFinish={onFinish} data-testid="value-form">
        <Form.Item label={t('entry.indicator')} required>
          <Select<string>
            id="entry-indicator"
            data-testid="entry-indicator"
            showSearch={{ filterOption: (input, o) => matchesQuery(input, String(o?.label ?? '')) }}
            value={indicatorId}
            onChange={setIndicatorId}
            options={enterable.map((i) => ({ value: i.id, label: `${i.code} — ${i.name}` }))}
          />
        </Form.Item>
        <Space wrap size="large" align="start">
          <Form.Item label={t('entry.unit')} required style={{ minWidth: 340 }}>
            <UnitTreeSelect id="entry-unit" units={units} value={unitId} onChange={setUnitId} />
          </Form.Item>
          <Form.Item label={t('entry.period')} required>
            <PeriodPicker id="entry-period" value={period} onChange={setPeriod} types={indicator ? [indicator.periodicity] : ['month']} />
          </Form.Item>
        </Space>
        {indicator ? (
          <>
            {current.data ? (
              <Alert
                type={existing ? 'info' : 'warning'}
                showIcon
                style={{ marginBottom: 16 }}
                title={
                  existing
                    ? t('entry.current', {
                        value: formatValue(existing.value, indicator.unitOfMeasure, lang),
                        by: existing.enteredBy,
                        at: formatDateTime(existing.enteredAt),
                        status: t(`status.${existing.status}`),
                      })
                    : t('entry.none')
                }
              />
            ) : null}
            {indicator.kind === 'ratio' ? (
              <Space wrap size="large" align="start">
                <Form.Item name="numerator" label={indicator.numeratorLabel ?? t('entry.numerator')} rules={[{ required: true }]}>
                  <InputNumber<number> data-testid="entry-numerator" min={0} style={{ width: 220 }} decimalSeparator={lang === 'vi' ? ',' : '.'} />
                </Form.Item>
                <Form.Item name="denominator" label={indicator.denominatorLabel ?? t('entry.denominator')} rules={[{ required: true }]}>
                  <InputNumber<number> data-testid="entry-denominator" min={0} style={{ width: 220 }} decimalSeparator={lang === 'vi' ? ',' : '.'} />
                </Form.Item>
                <Form.Item label=" ">
                  <Typography.Text strong>
                    {t('entry.rate', { rate: typeof numerator === 'number' && typeof denominator === 'number' && denominator > 0 ? formatValue((numerator / denominator) * indicator.ratioScale, indicator.unitOfMeasure, lang) : '—' })}
                  </Typography.Text>
                </Form.Item>
              </Space>
            ) : (
              <Form.Item name="value" label={`${t('entry.value')} (${indicator.unitOfMeasure})`} rules={[{ required: true }]}>
                <InputNumber<number> data-testid="entry-value" style={{ width: 220 }} decimalSeparator={lang === 'vi' ? ',' : '.'} />
              </Form.Item>
            )}
            <Space wrap size="large" align="start">
              <Form.Item name="sourceAgency" label={t('entry.source')} style={{ minWidth: 340 }}>
                <Input placeholder={indicator.sourceAgency} />
              </Form.Item>
              <Form.Item name="note" label={t('entry.note')} style={{ minWidth: 340 }}>
                <Input maxLength={1000} />
              </Form.Item>
            </Space>
            <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.isPending} disabled={!unitId} data-testid="entry-save">
              {t('entry.save')}
            </Button>
          </>
        ) : null}
      </Form>
    </Card>
  );
}
