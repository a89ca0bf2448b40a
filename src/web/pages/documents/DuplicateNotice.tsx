import { Alert, Space } from 'antd';
import { Link } from 'react-router';
import type { TDocumentTwin as DocumentTwin } from '../../../contracts/documents';
import { formatDate } from '../../i18n/format';
import { useDocText } from './messages';

/** "Already registered": links to the other registrations of the same directive. */
export function DuplicateNotice({ twins, action, onOpen }: { twins: readonly DocumentTwin[]; action?: React.ReactNode; onOpen?: (id: string) => void }) {
  const dt = useDocText();
  if (twins.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="duplicate-warning"
      title={dt('dup.title')}
      description={
        <Space orientation="vertical" size={4}>
          <span>{dt('dup.text')}</span>
          {twins.map((t) => (
            <Link key={t.id} to={`/documents?doc=${t.id}`} onClick={() => onOpen?.(t.id)} data-testid="duplicate-link">
              {dt('dup.item', { number: t.number ?? dt('noNumber'), date: formatDate(t.issuedOn), status: dt(`status.${t.status}`) })}
            </Link>
          ))}
          <span>{dt('dup.confirmHint')}</span>
          {action}
        </Space>
      }
    />
  );
}
