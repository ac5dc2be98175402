import { Avatar, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { EntityType } from '../../../domain/directory';
import { recordNames, recordPath } from '../../lib/directory';
import { useCommunity } from '../../lib/community';
import { fileUrl } from '../../services/directory';

/** A record's name in the UI language with its other-language name underneath, linking to its profile. */
export function RecordName({
  type,
  id,
  nameZh,
  nameEn,
  subtitle,
  link = true,
  testId,
}: {
  type: EntityType;
  id: string;
  nameZh: string;
  nameEn: string | null | undefined;
  subtitle?: string | null;
  link?: boolean;
  testId?: string;
}) {
  const { i18n } = useTranslation();
  const { community } = useCommunity();
  const { primary, secondary } = recordNames(nameZh, nameEn, i18n.language);
  return (
    <div style={{ minWidth: 0 }}>
      <div style={{ fontWeight: 500, wordBreak: 'break-word' }}>
        {link ? (
          <Link to={recordPath(community.slug, type, id)} data-testid={testId}>
            {primary}
          </Link>
        ) : (
          primary
        )}
      </div>
      {secondary && (
        <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-word' }}>
          {secondary}
        </Typography.Text>
      )}
      {subtitle && (
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {subtitle}
          </Typography.Text>
        </div>
      )}
    </div>
  );
}

const TYPE_COLORS: Record<EntityType, string> = { organisation: 'blue', person: 'purple', project: 'cyan' };

export function EntityTypeTag({ type }: { type: EntityType }) {
  const { t } = useTranslation();
  return (
    <Tag color={TYPE_COLORS[type]} style={{ marginInlineEnd: 4 }}>
      {t(`dir.types.${type}`)}
    </Tag>
  );
}

/** The organisation's logo, or its first character on a coloured square. */
export function RecordAvatar({ name, logoFileId, size = 64 }: { name: string; logoFileId?: string | null; size?: number }) {
  return (
    <Avatar
      shape="square"
      size={size}
      src={logoFileId ? fileUrl(logoFileId) : undefined}
      style={{ background: logoFileId ? '#fff' : '#e6f4f5', color: '#0b7a85', fontSize: size / 2.4, flex: '0 0 auto', border: logoFileId ? '1px solid #f0f0f0' : undefined }}
    >
      {name.slice(0, 1)}
    </Avatar>
  );
}
