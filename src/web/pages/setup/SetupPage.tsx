import { Alert, Button, Card, Descriptions, Form, Input, Result, Select, Space, Spin, Steps, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { TSetupClaim, TSetupStatus, TSetupStep } from '../../../contracts/setup';
import { login } from '../../api/auth';
import { claimSetup, SETUP_KEY, useLoadCommunes, useMarkStep, useNationalProvinces, useSetupStatus } from '../../api/setup';
import { resetSessionCache, useSessionQuery } from '../../auth/session';
import { LighthouseIcon } from '../../components/LighthouseIcon';
import { formatNumber } from '../../../core/format/number';
import { ImportStep } from './ImportStep';

/** The steps in the order the screen walks them; each can be done, skipped, or taken up again. */
const STEPS: Array<{ key: TSetupStep; title: string; description: string }> = [
  { key: 'communes', title: 'Xã, phường', description: 'Các xã, phường, đặc khu của tỉnh theo danh mục quốc gia từ 01/07/2025, với mã chính thức.' },
  { key: 'departments', title: 'Sở, ban, ngành', description: 'Các sở, ban, ngành và cơ quan của tỉnh từ tệp Excel: mã, tên, loại, cấp trên, hiệu lực, đơn vị tiền thân (khi sáp nhập).' },
  { key: 'users', title: 'Người dùng', description: 'Tài khoản cán bộ: vai trò, đơn vị. Tạo tại trang Quản trị → Người dùng.' },
  { key: 'plan', title: 'Kế hoạch, chỉ tiêu', description: 'Kế hoạch năm và chỉ tiêu: đặt tại trang Chỉ số (chỉ tiêu theo cấp hoặc đơn vị).' },
  { key: 'tasks', title: 'Nhiệm vụ', description: 'Danh sách nhiệm vụ từ tệp Excel (cùng mẫu với trang Nhiệm vụ).' },
  { key: 'letters', title: 'Văn bản chỉ đạo', description: 'Văn bản chỉ đạo (.docx, .pdf, .txt) được đọc thành đề xuất nhiệm vụ để duyệt, tại trang Văn bản.' },
];

type ClaimForm = Omit<TSetupClaim, 'code'> & { code: string };

function ClaimCard() {
  const qc = useQueryClient();
  const provinces = useNationalProvinces(true);
  const [form] = Form.useForm<ClaimForm>();
  const claim = useMutation({
    mutationFn: async (v: ClaimForm) => {
      await claimSetup({ ...v, code: v.code.trim() });
      return login(v.username.trim(), v.password);
    },
    onSuccess: (session) => {
      resetSessionCache(qc, session);
      void qc.invalidateQueries({ queryKey: SETUP_KEY });
    },
  });
  return (
    <Card title="Khởi tạo hệ thống" style={{ maxWidth: 560, width: '100%' }}>
      <Typography.Paragraph>
        Hệ thống chưa có dữ liệu. Nhập <b>mã khởi tạo</b> được in trong nhật ký của máy chủ khi khởi động (hoặc giá trị biến ADMIN_PASSWORD), chọn tỉnh, thành phố và tạo tài khoản quản trị đầu tiên.
      </Typography.Paragraph>
      {claim.error && <Alert type="error" showIcon style={{ marginBottom: 16 }} message={claim.error.message} />}
      <Form form={form} layout="vertical" initialValues={{ username: 'quantri' }} onFinish={(v) => claim.mutate(v)} requiredMark={false}>
        <Form.Item name="code" label="Mã khởi tạo" rules={[{ required: true, message: 'Hãy nhập mã khởi tạo' }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="provinceCode" label="Tỉnh, thành phố" rules={[{ required: true, message: 'Hãy chọn tỉnh, thành phố' }]}>
          <Select
            showSearch
            optionFilterProp="label"
            loading={provinces.isLoading}
            options={(provinces.data?.items ?? []).map((p) => ({ value: p.code, label: `${p.kind === 'city' ? 'Thành phố' : 'Tỉnh'} ${p.name} (mã ${p.code}, ${p.communes} xã, phường)` }))}
          />
        </Form.Item>
        <Form.Item name="fullName" label="Họ và tên quản trị" rules={[{ required: true, message: 'Hãy nhập họ và tên' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="username" label="Tên đăng nhập" rules={[{ required: true, message: 'Hãy nhập tên đăng nhập' }]}>
          <Input autoComplete="username" />
        </Form.Item>
        <Form.Item name="password" label="Mật khẩu (ít nhất 10 ký tự)" rules={[{ required: true, message: 'Hãy nhập mật khẩu' }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={claim.isPending} block>
          Tạo quản trị và bắt đầu
        </Button>
      </Form>
      {provinces.data && <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>Danh mục đơn vị hành chính: {provinces.data.source}</Typography.Paragraph>}
    </Card>
  );
}

function StepBody(props: { step: TSetupStep; status: TSetupStatus; onLoaded: (m: string) => void }) {
  const communes = useLoadCommunes();
  switch (props.step) {
    case 'communes':
      return (
        <Space direction="vertical">
          <Button type="primary" loading={communes.isPending} onClick={() => communes.mutate()}>
            Nạp xã, phường của {props.status.province?.name ?? 'tỉnh'}
          </Button>
          {communes.data && <Alert type="success" showIcon message={`Đã nạp ${formatNumber(communes.data.created)} trong ${formatNumber(communes.data.total)} xã, phường, đặc khu.`} />}
          {communes.error && <Alert type="error" showIcon message={communes.error.message} />}
        </Space>
      );
    case 'departments':
      return <ImportStep templateUrl="/api/units/import-template" uploadUrl="/api/units/import" templateLabel="Tải tệp mẫu cơ cấu tổ chức" onLoaded={props.onLoaded} />;
    case 'tasks':
      return <ImportStep templateUrl="/api/tasks/import-template" uploadUrl="/api/tasks/import" templateLabel="Tải tệp mẫu nhiệm vụ" onLoaded={props.onLoaded} />;
    case 'users':
      return <Link to="/admin/users">Mở trang Người dùng</Link>;
    case 'plan':
      return <Link to="/indicators">Mở trang Chỉ số</Link>;
    case 'letters':
      return <Link to="/documents">Mở trang Văn bản</Link>;
  }
}

function Wizard({ status }: { status: TSetupStatus }) {
  const mark = useMarkStep();
  const firstTodo = STEPS.findIndex((s) => status.steps[s.key] === 'todo');
  const [current, setCurrent] = useState(firstTodo === -1 ? STEPS.length : firstTodo);
  const [loaded, setLoaded] = useState<string | null>(null);
  const go = (state: 'done' | 'skipped') => {
    const step = STEPS[current]!.key;
    mark.mutate({ step, state }, { onSuccess: () => (setLoaded(null), setCurrent(current + 1)) });
  };
  const counts = status.loaded;
  return (
    <Card style={{ maxWidth: 960, width: '100%' }} title={`Khởi tạo ${status.province?.name ?? 'hệ thống'}`}>
      <Steps
        size="small"
        current={current}
        onChange={setCurrent}
        items={[...STEPS.map((s) => ({ title: s.title, status: status.steps[s.key] === 'done' ? ('finish' as const) : undefined, description: status.steps[s.key] === 'skipped' ? 'đã bỏ qua' : undefined })), { title: 'Hoàn tất' }]}
        style={{ marginBottom: 24 }}
      />
      {current < STEPS.length ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph>{STEPS[current]!.description}</Typography.Paragraph>
          <StepBody step={STEPS[current]!.key} status={status} onLoaded={setLoaded} />
          {loaded && <Typography.Text type="success">{loaded}</Typography.Text>}
          <Space style={{ marginTop: 16 }}>
            <Button type="primary" onClick={() => go('done')} loading={mark.isPending}>
              Xong, sang bước sau
            </Button>
            <Button onClick={() => go('skipped')}>Bỏ qua bước này</Button>
          </Space>
        </Space>
      ) : (
        <Result
          status="success"
          title="Đã khởi tạo xong"
          subTitle="Có thể quay lại từng bước bất cứ lúc nào tại địa chỉ /setup."
          extra={
            <Link to="/ioc">
              <Button type="primary" size="large">
                Mở màn hình điều hành IOC
              </Button>
            </Link>
          }
        >
          <Descriptions bordered size="small" column={1} data-testid="setup-counts">
            <Descriptions.Item label="Đơn vị">{formatNumber(counts.units)}</Descriptions.Item>
            <Descriptions.Item label="Người dùng">{formatNumber(counts.users)}</Descriptions.Item>
            <Descriptions.Item label="Chỉ số">{formatNumber(counts.indicators)}</Descriptions.Item>
            <Descriptions.Item label="Chỉ tiêu">{formatNumber(counts.targets)}</Descriptions.Item>
            <Descriptions.Item label="Nhiệm vụ">{formatNumber(counts.tasks)}</Descriptions.Item>
            <Descriptions.Item label="Văn bản">{formatNumber(counts.documents)}</Descriptions.Item>
          </Descriptions>
        </Result>
      )}
    </Card>
  );
}

/** /setup: the claim of an empty install, then the steps; outside the signed-in layout. */
export function SetupPage() {
  const status = useSetupStatus();
  const session = useSessionQuery();
  const navigate = useNavigate();
  if (status.isLoading || session.isLoading) return <Spin style={{ margin: 48 }} />;
  if (status.error) return <Alert type="error" showIcon message={status.error.message} style={{ margin: 24 }} />;
  const s = status.data!;
  const admin = session.data?.user.role === 'admin';
  return (
    <div style={{ display: 'flex', flexDirection: 'column', alignItems: 'center', gap: 16, padding: 16 }}>
      <Space align="center">
        <LighthouseIcon size={40} />
        <Typography.Title level={3} style={{ margin: 0 }}>
          Hải Đăng
        </Typography.Title>
      </Space>
      {s.open ? (
        <ClaimCard />
      ) : admin ? (
        <Wizard status={s} />
      ) : (
        <Result status="info" title="Hệ thống đã được khởi tạo" extra={<Button onClick={() => navigate('/login')}>Đăng nhập</Button>} />
      )}
    </div>
  );
}
