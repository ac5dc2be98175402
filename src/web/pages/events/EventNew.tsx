/** Create an event: the form, saved as a draft; then on to the event's page to build its agenda and tickets. */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { EventForm } from '../../components/events/EventForm';
import { PageHeader } from '../../components/PageHeader';
import { useCommunity } from '../../lib/community';

export function EventNewPage() {
  const { t } = useTranslation();
  const { community } = useCommunity();
  const navigate = useNavigate();
  const list = `/c/${community.slug}/events`;
  return (
    <div data-testid="events-new-page">
      <PageHeader
        title={t('events.form.newTitle')}
        subtitle={t('events.form.newHint')}
        extra={
          <Link to={list}>
            <Button icon={<ArrowLeftOutlined />}>{t('events.manage.back')}</Button>
          </Link>
        }
      />
      <EventForm onSaved={(saved) => void navigate(`${list}/${saved.id}?tab=agenda`)} onCancel={() => void navigate(list)} />
    </div>
  );
}
