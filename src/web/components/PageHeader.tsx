import { Typography } from 'antd';
import type { ReactNode } from 'react';

export function PageHeader({ title, subtitle, extra }: { title: ReactNode; subtitle?: ReactNode; extra?: ReactNode }) {
  return (
    <div className="bb-page-header">
      <div style={{ minWidth: 0 }}>
        <Typography.Title level={1}>{title}</Typography.Title>
        {subtitle && <div className="bb-page-header-sub">{subtitle}</div>}
      </div>
      {extra && <div className="bb-page-header-extra">{extra}</div>}
    </div>
  );
}
