import type { ReactNode } from 'react';
import { Typography } from 'antd';

/** Page title with optional actions on the right; every page starts with one. */
export function PageHeader({ title, subtitle, extra }: { title: ReactNode; subtitle?: ReactNode; extra?: ReactNode }) {
  return (
    <div className="hd-page-header">
      <div>
        <Typography.Title level={2} className="hd-page-title">
          {title}
        </Typography.Title>
        {subtitle ? <Typography.Text type="secondary">{subtitle}</Typography.Text> : null}
      </div>
      {extra ? <div className="hd-page-actions">{extra}</div> : null}
    </div>
  );
}
