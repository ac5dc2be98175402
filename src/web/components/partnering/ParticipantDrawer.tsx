/** A participant's full card in a drawer: who they are, what they offer and seek, segments, stages and projects. */
import { Descriptions, Divider, Drawer, Grid, List, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../lib/money';
import { useTaxonomy } from '../../lib/taxonomy';
import type { ParticipantCard } from '../../services/partnering';
import { SideTag, TermTags } from './common';

export function ParticipantDrawer({ card, onClose, extra, children }: { card: ParticipantCard | null; onClose: () => void; extra?: ReactNode; children?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const tax = useTaxonomy();
  const narrow = Grid.useBreakpoint().md === false;
  const lang = i18n.language;
  return (
    <Drawer
      open={card !== null}
      onClose={onClose}
      size={narrow ? '100%' : 560}
      title={card?.displayName}
      extra={extra}
      destroyOnHidden
      data-testid="participant-drawer"
    >
      {card && (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Space wrap size={4}>
            <SideTag side={card.side} />
            <Typography.Text strong>{card.organisationName}</Typography.Text>
            {card.jobTitle && <Typography.Text type="secondary">{card.jobTitle}</Typography.Text>}
          </Space>
          {card.headline && <Typography.Paragraph style={{ fontSize: 15, margin: 0 }}>{card.headline}</Typography.Paragraph>}
          {children}
          <Descriptions column={1} size="small" layout="vertical">
            {card.offer && (
              <Descriptions.Item label={t('partnering.fields.offer')}>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{card.offer}</Typography.Paragraph>
              </Descriptions.Item>
            )}
            {card.seek && (
              <Descriptions.Item label={t('partnering.fields.seek')}>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{card.seek}</Typography.Paragraph>
              </Descriptions.Item>
            )}
            {card.segments.length > 0 && (
              <Descriptions.Item label={t('partnering.fields.segments')}>
                <span>
                  <TermTags codes={card.segments} taxonomy="segment" />
                </span>
              </Descriptions.Item>
            )}
            {card.stages.length > 0 && (
              <Descriptions.Item label={t('partnering.fields.stages')}>
                <span>
                  <TermTags codes={card.stages} taxonomy="stage" />
                </span>
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('partnering.fields.meetingPlace')}>{t(`partnering.places.${card.meetingPlace}`)}</Descriptions.Item>
          </Descriptions>
          {card.projects.length > 0 && (
            <>
              <Divider titlePlacement="start" style={{ margin: '4px 0' }}>
                {t('partnering.fields.projects')}
              </Divider>
              <List
                size="small"
                dataSource={card.projects}
                renderItem={(p) => (
                  <List.Item key={p.id}>
                    <List.Item.Meta
                      title={lang === 'en' && p.nameEn ? p.nameEn : p.nameZh}
                      description={[
                        tax.name('segment', p.segment),
                        tax.stageName(p.stage),
                        p.fundingSoughtFen !== null ? t('partnering.profile.fundingSought', { amount: formatMoney(p.fundingSoughtFen, lang) }) : null,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    />
                  </List.Item>
                )}
              />
            </>
          )}
        </Space>
      )}
    </Drawer>
  );
}
